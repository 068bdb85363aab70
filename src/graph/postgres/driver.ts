/**
 * The PostgreSQL driver (`pg`, with `pg-copy-streams` for COPY): optional dependencies, imported only when a
 * graph goes to or comes from PostgreSQL, so that nothing else of vncite needs them installed.
 */
import type { Client } from "pg";
import { VnciteError } from "../../errors.js";

export type { Client } from "pg";

/**
 * A connected client of the `pg` package (a Client, or a Pool's client), as loadPostgres and PostgresGraph.open
 * take one. Typed loosely, so that vncite's published types need no `@types/pg`.
 */
export interface PgClient {
  query: (...args: never[]) => unknown;
}

/** A `postgres://` URL's client (ours, to end), or the caller's client (theirs, left open). */
export async function clientOf(target: string | PgClient): Promise<{ client: Client; owned: boolean }> {
  return typeof target === "string" ? { client: await connect(target), owned: true } : { client: target as unknown as Client, owned: false };
}

/** PostgreSQL cannot be used: the optional driver is missing, the server refuses, the database holds no vncite graph. */
export class PostgresError extends VnciteError {
  constructor(message: string) {
    super("postgres", message);
  }
}

async function optional<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new PostgresError(`the PostgreSQL graph needs the optional packages pg and pg-copy-streams (npm install pg pg-copy-streams): ${name} is not installed`);
    }
    throw e;
  }
}

/** pg-copy-streams' `from`: a writable stream a COPY … FROM STDIN reads. */
export const copyFrom = async () => (await optional("pg-copy-streams", () => import("pg-copy-streams"))).from;

/** A connected client for a `postgres://` URL; a PostgresError says why not. */
export async function connect(url: string): Promise<Client> {
  const pg = (await optional("pg", () => import("pg"))).default;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    throw new PostgresError(`cannot connect to PostgreSQL: ${(e as Error).message}`);
  }
  // A server-side error on an idle client (a restart) is reported by the next query, not thrown as an event.
  client.on("error", () => {});
  return client;
}
