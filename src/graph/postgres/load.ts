/**
 * Loading parsed documents into PostgreSQL as they come: a batch of documents at a time, each batch in one
 * transaction (a killed load leaves whole documents only, and loading again adds the rest), the facts with COPY,
 * a document already there skipped (loading a corpus twice changes nothing). The graph is rebuilt from the facts
 * at the end (vncite.refresh()), or by the next query when a load stopped before.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { GraphRecord } from "../graph.js";
import { type Client, clientOf, copyFrom, type PgClient } from "./driver.js";
import { copyRow, FACT_COLUMNS, FACT_TABLES, type Facts, factsOf, storedText } from "./facts.js";
import { SCHEMA_SQL } from "./schema.js";

export interface PostgresLoadOptions {
  /** Documents per transaction (default 1000). */
  batchSize?: number;
  /** Rebuild the graph from the facts at the end (default true; a query does it otherwise). */
  refresh?: boolean;
  /** Called after each batch is committed. */
  onBatch?: (progress: { added: number; skipped: number }) => void;
}

export interface PostgresLoadResult {
  /** Documents added. */
  added: number;
  /** Ids of documents already in the database (or twice in the input), not added again. */
  skipped: string[];
  /** Records with neither id nor key, not added. */
  unnamed: number;
}

/** A lock that keeps two loaders from creating the schema at once. */
const SCHEMA_LOCK = 0x76_6e_63_69; // "vnci"

/** Creates the schema where missing and replaces its functions (one loader at a time). */
export async function ensureSchema(client: Client): Promise<void> {
  await client.query("SELECT pg_advisory_lock($1)", [SCHEMA_LOCK]);
  try {
    await client.query(SCHEMA_SQL);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [SCHEMA_LOCK]);
  }
}

const nullable = (s: string | null) => (s === null ? null : storedText(s));

async function copyRows(client: Client, table: string, columns: readonly string[], text: string): Promise<void> {
  if (text === "") return;
  const from = await copyFrom();
  await pipeline(Readable.from([text]), client.query(from(`COPY vncite.${table} (${columns.join(", ")}) FROM STDIN`)));
}

/** Strings whose body key or Party reading was sent already (a set dropped whole when full). */
class Sent {
  private set = new Set<string>();
  fresh(s: string): boolean {
    if (this.set.has(s)) return false;
    if (this.set.size >= 1 << 20) this.set = new Set();
    this.set.add(s);
    return true;
  }
}

/** One batch in one transaction; returns the ids skipped as already there. */
async function loadBatch(client: Client, batch: Facts[], sent: Sent): Promise<string[]> {
  await client.query("BEGIN");
  try {
    const docs = batch.map((f) => f.document);
    const inserted = await client.query<{ doc: string; id: string }>(
      `INSERT INTO vncite.documents (id, key, kind, date, subject)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT (id) DO NOTHING RETURNING doc, id`,
      [docs.map((d) => storedText(d.id)), docs.map((d) => nullable(d.key)), docs.map((d) => nullable(d.kind)), docs.map((d) => nullable(d.date)), docs.map((d) => nullable(d.subject))],
    );
    const numbers = new Map(inserted.rows.map((r) => [r.id, r.doc]));
    const skipped: string[] = [];
    const text: Record<string, string> = Object.fromEntries(FACT_TABLES.map((t) => [t, ""]));
    const bodies = new Map<string, string>();
    const party = new Map<string, { numberIssuer: string; code: string; key: string }>();
    for (const f of batch) {
      const id = storedText(f.document.id);
      const doc = numbers.get(id);
      if (doc === undefined) {
        skipped.push(f.document.id);
        continue;
      }
      numbers.delete(id); // the first of two records with one id in a batch is the one added
      for (const t of FACT_TABLES) for (const row of f.rows[t]) text[t] += copyRow([doc, ...row]);
      for (const a of f.aliases) {
        // As CitationGraph.alias: the first pairing of a name wins; a key already a name, or a name already a key's, is left.
        await client.query(
          `INSERT INTO vncite.aliases (name, key, doc) SELECT $1, $2, $3
           WHERE $1 <> $2 AND NOT EXISTS (SELECT 1 FROM vncite.aliases WHERE name = $1 OR name = $2) ON CONFLICT DO NOTHING`,
          [storedText(a.name), storedText(a.key), doc],
        );
      }
      for (const [s, k] of f.bodies) if (sent.fresh(`b${s}`)) bodies.set(storedText(s), storedText(k));
      for (const [s, p] of f.party) if (sent.fresh(`p${s}`)) party.set(storedText(s), p);
    }
    for (const t of FACT_TABLES) await copyRows(client, t, FACT_COLUMNS[t], text[t] as string);
    if (bodies.size > 0) {
      await client.query("INSERT INTO vncite.bodies SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING", [[...bodies.keys()], [...bodies.values()]]);
    }
    if (party.size > 0) {
      const ps = [...party.values()];
      await client.query("INSERT INTO vncite.party SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING", [
        [...party.keys()], ps.map((p) => storedText(p.numberIssuer)), ps.map((p) => storedText(p.code)), ps.map((p) => storedText(p.key)),
      ]);
    }
    if (inserted.rows.length > 0) await client.query("UPDATE vncite.meta SET value = 'true' WHERE name = 'stale'");
    await client.query("COMMIT");
    return skipped;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

/**
 * Loads parsed documents (DocumentRecords or GraphRecords, as `graphRecordOf` keeps them) into the `vncite` schema
 * of a PostgreSQL database (a `postgres://` URL or a connected pg Client, left open), creating it where missing.
 */
export async function loadPostgres(
  target: string | PgClient,
  records: Iterable<GraphRecord> | AsyncIterable<GraphRecord>,
  options: PostgresLoadOptions = {},
): Promise<PostgresLoadResult> {
  const { client, owned } = await clientOf(target);
  const size = Math.max(1, options.batchSize ?? 1000);
  const result: PostgresLoadResult = { added: 0, skipped: [], unnamed: 0 };
  try {
    await ensureSchema(client);
    let batch: Facts[] = [];
    const sent = new Sent();
    const flush = async () => {
      const skipped = await loadBatch(client, batch, sent);
      result.skipped.push(...skipped);
      result.added += batch.length - skipped.length;
      batch = [];
      options.onBatch?.({ added: result.added, skipped: result.skipped.length });
    };
    for await (const record of records) {
      const facts = factsOf(record);
      if (facts === null) result.unnamed++;
      else batch.push(facts);
      if (batch.length >= size) await flush();
    }
    if (batch.length > 0) await flush();
    if (options.refresh !== false) await client.query("SELECT vncite.refresh()");
    return result;
  } finally {
    if (owned) await client.end().catch(() => {});
  }
}
