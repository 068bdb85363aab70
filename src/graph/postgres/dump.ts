/**
 * `vncite graph --format sql`: a script for psql that creates the schema and loads the documents' facts, a batch
 * of documents at a time in COPY blocks, then builds the graph; for a database of one's own, loaded with
 * `psql -v ON_ERROR_STOP=1 -1 -f graph.sql`. Written as the records come (no graph in memory). Document numbers are
 * given in the script: it loads into a database without a vncite graph (or after `DROP SCHEMA vncite CASCADE`).
 */
import type { GraphRecord } from "../graph.js";
import { copyValue, FACT_COLUMNS, FACT_TABLES, type Facts, factsOf, storedText } from "./facts.js";
import { SCHEMA_SQL } from "./schema.js";
import { sqlString } from "./constants.js";

const BATCH = 1000;

function* batchLines(batch: { doc: number; facts: Facts }[]): Generator<string> {
  const copy = function* (table: string, columns: readonly string[], rows: (string | number | boolean | null | undefined)[][]) {
    if (rows.length === 0) return;
    yield `COPY vncite.${table} (${columns.join(", ")}) FROM stdin;`;
    for (const row of rows) yield row.map(copyValue).join("\t");
    yield "\\.";
  };
  yield* copy("documents", ["doc", "id", "key", "kind", "date", "subject"], batch.map(({ doc, facts: { document: d } }) => [doc, d.id, d.key, d.kind, d.date, d.subject]));
  for (const t of FACT_TABLES) yield* copy(t, FACT_COLUMNS[t], batch.flatMap(({ doc, facts }) => facts.rows[t].map((row) => [doc, ...row])));
  for (const { doc, facts } of batch) {
    for (const a of facts.aliases) {
      const [name, key] = [sqlString(storedText(a.name)), sqlString(storedText(a.key))];
      yield `INSERT INTO vncite.aliases SELECT ${name}, ${key}, ${doc} WHERE ${name} <> ${key} AND NOT EXISTS (SELECT 1 FROM vncite.aliases WHERE name IN (${name}, ${key}));`;
    }
  }
  const bodies = new Map(batch.flatMap(({ facts }) => [...facts.bodies]));
  const party = new Map(batch.flatMap(({ facts }) => [...facts.party]));
  const values = (rows: string[][]) => rows.map((r) => `(${r.map((v) => sqlString(storedText(v))).join(", ")})`).join(",\n  ");
  if (bodies.size > 0) yield `INSERT INTO vncite.bodies VALUES\n  ${values([...bodies])}\nON CONFLICT DO NOTHING;`;
  if (party.size > 0) yield `INSERT INTO vncite.party VALUES\n  ${values([...party].map(([s, p]) => [s, p.numberIssuer, p.code, p.key]))}\nON CONFLICT DO NOTHING;`;
}

/** The SQL script, a line at a time; ids met twice are left out after the first (as CitationGraph.add does). */
export async function* sqlDumpLines(records: Iterable<GraphRecord> | AsyncIterable<GraphRecord>): AsyncGenerator<string> {
  yield "-- vncite citation graph: psql -v ON_ERROR_STOP=1 -1 -f this.sql (into a database without a vncite schema)";
  yield "SET client_encoding = 'UTF8';";
  yield SCHEMA_SQL;
  const seen = new Set<string>();
  let batch: { doc: number; facts: Facts }[] = [];
  for await (const record of records) {
    const facts = factsOf(record);
    if (facts === null || seen.has(facts.document.id)) continue;
    seen.add(facts.document.id);
    batch.push({ doc: seen.size, facts });
    if (batch.length >= BATCH) {
      yield* batchLines(batch);
      batch = [];
    }
  }
  yield* batchLines(batch);
  yield `SELECT setval(pg_get_serial_sequence('vncite.documents', 'doc'), ${Math.max(1, seen.size)}, ${seen.size > 0});`;
  yield "UPDATE vncite.meta SET value = 'true' WHERE name = 'stale';";
  yield "SELECT vncite.refresh();";
}
