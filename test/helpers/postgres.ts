// A real PostgreSQL server for the tests: the one VNCITE_PG_URL names (.ci/run starts one and sets it), else a
// throwaway cluster started here when Debian's PostgreSQL is installed (initdb into a temp directory, a socket in
// it, removed at the end; as the `postgres` user when run as root, which initdb requires). Without either, the
// tests that need it are skipped, each saying why. Each test file works in a database of its own.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const PG_ROOT = "/usr/lib/postgresql";

function binDir(): string | null {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(PG_ROOT, versions[0], "bin") : null;
}

export interface TestServer {
  /** The URL of a fresh database of this test file's own. */
  url: string;
  stop(): Promise<void>;
}

/** Runs a server binary, as `postgres` when this process is root. */
function asServerUser(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const r = root ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" }) : spawnSync(command, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr || r.error?.message}`);
}

/** A server URL: VNCITE_PG_URL, or a cluster started here; null and why not when there is none. */
function startServer(): { url: string; stop: () => void } | { why: string } {
  if (process.env.VNCITE_PG_URL) return { url: process.env.VNCITE_PG_URL, stop: () => {} };
  const bin = binDir();
  if (!bin) return { why: "no VNCITE_PG_URL and no PostgreSQL under /usr/lib/postgresql (bash .ci/run installs it)" };
  const dir = mkdtempSync(join(tmpdir(), "vncite-pg-"));
  chmodSync(dir, 0o777);
  try {
    if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
    asServerUser(join(bin, "initdb"), ["-D", join(dir, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]);
    asServerUser(join(bin, "pg_ctl"), ["-D", join(dir, "data"), "-l", join(dir, "log"), "-o", `-k ${dir} -c listen_addresses='' -c fsync=off`, "-w", "start"]);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { why: `could not start a PostgreSQL cluster: ${(e as Error).message.split("\n")[0]}` };
  }
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`,
    stop: () => {
      try {
        asServerUser(join(bin, "pg_ctl"), ["-D", join(dir, "data"), "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A server and a fresh database for one test file, or why there is none. */
export async function testServer(file: string): Promise<TestServer | { why: string }> {
  const server = startServer();
  if ("why" in server) return server;
  const name = `vncite_${file.replace(/\W/g, "_")}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.url });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } catch (e) {
    server.stop();
    return { why: `PostgreSQL at ${server.url} cannot be used: ${(e as Error).message}` };
  } finally {
    await admin.end().catch(() => {});
  }
  return {
    url: withDatabase(server.url, name),
    stop: async () => {
      const c = new pg.Client({ connectionString: server.url });
      try {
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end().catch(() => {});
        server.stop();
      }
    },
  };
}
