// The citation graph in PostgreSQL at corpus scale: synthetic documents of the real shape (bench/synthetic.mjs)
// loaded with loadPostgres (COPY, a batch of 1 000 documents a transaction), the graph built by vncite.refresh(),
// the database's size, and the questions of graph.bench.mjs timed beside the in-memory graph's (built here from
// the same documents up to VNCITE_PG_BENCH_MEMORY documents, default 10⁵; the 10⁶ in-memory figures are
// graph.bench.mjs's). Needs a server: VNCITE_PG_URL=postgres://… (its `vncite` schema is dropped first).
//   VNCITE_PG_URL=… VNCITE_PG_BENCH_SIZES=10000,100000,1000000 node bench/postgres.bench.mjs
// Not part of `npm run bench` (it needs a server); run after `npm run build` (VNCITE_LIB to use another build).
import pg from "pg";
import { centralKey, keyOf, syntheticCorpus } from "./synthetic.mjs";

const url = process.env.VNCITE_PG_URL;
if (!url) {
  console.error("postgres.bench: set VNCITE_PG_URL to a PostgreSQL database (its vncite schema is replaced)");
  process.exit(2);
}
const lib = new URL(process.env.VNCITE_LIB ?? "../dist/node.js", import.meta.url).href;
const { CitationGraph, loadPostgres, PostgresGraph } = await import(lib);
const sizes = (process.env.VNCITE_PG_BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const memoryUpTo = Number(process.env.VNCITE_PG_BENCH_MEMORY ?? 100000);
const s = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);
const mib = (b) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const time = async (f) => {
  const t = performance.now();
  const result = await f();
  return { ms: performance.now() - t, result };
};

for (const n of sizes) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query("DROP SCHEMA IF EXISTS vncite CASCADE");
  const step = Math.max(1000, n / 20);
  const load = await time(() =>
    loadPostgres(admin, syntheticCorpus(n), {
      refresh: false,
      onBatch: ({ added }) => added % step === 0 && process.stderr.write(`  [${n}: ${added} documents loaded]\n`),
    }),
  );
  const refresh = await time(() => admin.query("SELECT vncite.refresh()"));
  const size = await admin.query(`SELECT c.relname, pg_total_relation_size(c.oid) AS bytes FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE ns.nspname = 'vncite' AND c.relkind = 'r' ORDER BY 2 DESC`);
  const total = size.rows.reduce((a, r) => a + Number(r.bytes), 0);
  const counts = (await admin.query("SELECT (SELECT count(*) FROM vncite.nodes) AS nodes, (SELECT count(*) FROM vncite.edges) AS edges, (SELECT count(*) FROM vncite.mentions) AS mentions")).rows[0];
  const g = await PostgresGraph.open(admin);
  const memory = n <= memoryUpTo ? new CitationGraph() : null;
  let build = null;
  if (memory) build = await time(() => { for (const r of syntheticCorpus(n)) memory.add(r); });
  const top = (await g.mostCited(1))[0].key;
  const questions = [
    ["mostCited(10)", (x) => x.mostCited(10)],
    ["citedBy(the most cited)", (x) => x.citedBy(top)],
    ["cites(a document)", (x) => x.cites(keyOf(n - 1))],
    ["chain(a document)", (x) => x.chain(keyOf(n - 1))],
    ["descendants(a document)", (x) => x.descendants(keyOf(Math.floor(n / 2)))],
    ["path(a document, a central one)", (x) => x.path(keyOf(n - 1), centralKey(0))],
    ["missing()", (x) => x.missing()],
    ["conflicts()", (x) => x.conflicts()],
  ];
  console.log(`\n${n} synthetic documents: ${counts.nodes} nodes, ${counts.edges} edges, ${counts.mentions} mentions`);
  console.log(`  load (COPY, ${Math.ceil(n / 1000)} transactions): ${s(load.ms)}; vncite.refresh(): ${s(refresh.ms)}${build ? `; in memory, all add(): ${s(build.ms)}` : ""}`);
  console.log(`  database: ${mib(total)} (${size.rows.slice(0, 6).map((r) => `${r.relname} ${mib(Number(r.bytes))}`).join(", ")})`);
  for (const [name, ask] of questions) {
    const a = await time(() => ask(g));
    const b = memory ? await time(() => ask(memory)) : null;
    const same = b ? (JSON.stringify(a.result) === JSON.stringify(b.result) ? "same answer" : "DIFFERENT ANSWER") : "";
    const rows = Array.isArray(a.result) ? ` (${a.result.length} rows)` : "";
    console.log(`  ${name.padEnd(34)} PostgreSQL ${s(a.ms).padStart(9)}${b ? `   in memory ${s(b.ms).padStart(9)}   ${same}` : ""}${rows}`);
  }
  await admin.end();
}
