// The graph in PostgreSQL against the graph in memory, on a real server (test/helpers/postgres.ts): the same
// documents give the same graph and the same answer to every question, on generated corpora (fast-check), on the
// synthetic corpus of the bench and on the real corpus; loading twice changes nothing; a load killed mid-way
// leaves whole documents only and loading again completes it; the command line's --to, query and --format sql.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/cli.js";
import { CitationGraph, type GraphRecord, loadPostgres, parseDocument, PostgresGraph } from "../src/node.js";
import { keyOf, syntheticRecord } from "../bench/synthetic.mjs";
import { CORPUS_DIR, corpusTest, hasCorpus } from "./helpers/corpus.js";
import { testServer } from "./helpers/postgres.js";

const server = await testServer("postgres");
const skipped = "why" in server ? server.why : null;
const url = "why" in server ? "" : server.url;
const suite = skipped ? describe.skip : describe;
const named = (name: string) => (skipped ? `${name} (skipped: ${skipped})` : name);
if (skipped) console.warn(`vncite tests: ${skipped}; the PostgreSQL tests are skipped`);

let client: pg.Client;
beforeAll(async () => {
  if (skipped) return;
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(async () => {
  if (skipped) return;
  await client.end();
  await (server as { stop(): Promise<void> }).stop();
});

const reset = () => client.query("DROP SCHEMA IF EXISTS vncite CASCADE");

/** The graph of `records` in memory and in PostgreSQL (loaded afresh). */
async function both(records: GraphRecord[], batchSize = 7): Promise<{ memory: CitationGraph; db: PostgresGraph }> {
  await reset();
  const memory = new CitationGraph();
  for (const r of records) memory.add(r);
  await loadPostgres(client, records, { batchSize });
  return { memory, db: await PostgresGraph.open(client) };
}

/**
 * Every question to both graphs: the whole graph, and each question for up to 40 keys (spread over the sorted keys,
 * the most cited first, and a key of none).
 */
async function expectSameAnswers(memory: CitationGraph, db: PostgresGraph): Promise<void> {
  const json = memory.toJSON();
  expect(await db.toJSON()).toEqual(json);
  const all = json.nodes.map((n) => n.key);
  const step = Math.max(1, Math.ceil(all.length / 30));
  const keys = [...new Set([...memory.mostCited(9).map((m) => m.key), ...all.filter((_, i) => i % step === 0), "không có/XX"])];
  for (const [i, key] of keys.entries()) {
    expect(await db.getNode(key), key).toEqual(memory.getNode(key));
    expect(await db.cites(key), key).toEqual(memory.cites(key));
    expect(await db.citedBy(key), key).toEqual(memory.citedBy(key));
    expect(await db.chain(key), key).toEqual(memory.chain(key));
    expect(await db.descendants(key), key).toEqual(memory.descendants(key));
    for (const other of [keys[(i * 7 + 3) % keys.length] as string, keys[(i + 1) % keys.length] as string, key]) {
      expect(await db.path(key, other), `${key} → ${other}`).toEqual(memory.path(key, other));
    }
  }
  for (const n of [1, 3, 1000]) expect(await db.mostCited(n)).toEqual(memory.mostCited(n));
  expect(await db.missing()).toEqual(memory.missing());
  expect(await db.conflicts()).toEqual(memory.conflicts());
}

// Generated corpora: few keys, so that documents share keys, cite each other in cycles and spell keys in several
// ways; laws known by name and number, forms, mentions of the document itself, stated relations, amendments,
// more evidence than an edge keeps, bodies named inside others' names, two type codes for one number, an id twice.
const KEYS = ["77-CT/TU", "77-CTr/TU", "077 - CT/TU", "12-NQ/TW", "5-KH/HU", "59/2020/QH14", "Luật Đất đai", "20-NQ/TW", "3-HD/BTGTU"];
const BODIES = ["Ban Thường vụ Tỉnh ủy", "Tỉnh ủy", "Huyện ủy", "Ban Tuyên giáo Tỉnh ủy", ""];
const RELATIONS = ["mentions", "basedOn", "implements", "continues", "guides", "amends", "replaces", "repeals", "corrects"] as const;
const RULES = [null, "preamble", "purpose", "article", "stated"] as const;
const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);
const nullable = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const spanAt = fc.nat(5000).chain((start) => fc.nat(60).map((len) => ({ start, end: start + len })));

const mentionArb = fc.record({
  key: pick(KEYS),
  spelled: pick(KEYS),
  span: spanAt,
  form: fc.boolean(),
  self: fc.boolean(),
  nameKey: fc.boolean(),
  kind: nullable(pick(["Chỉ thị", "Chương trình", "Nghị quyết", ""])),
  typeCode: nullable(pick(["CT", "CTr", "NQ"])),
  issuedBy: nullable(pick(BODIES)),
  date: nullable(pick(["2020-01-02", "2021-03-04", ""])),
  term: nullable(pick(["khóa XII", "khóa XIII"])),
  repeat: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 15, max: 20 }) }),
});

const recordArb = (i: number) =>
  fc.record({
    id: fc.oneof({ weight: 6, arbitrary: fc.constant(`d${i}`) }, { weight: 1, arbitrary: fc.constant("d0") }),
    key: nullable(pick(KEYS)),
    kind: nullable(pick(["Chỉ thị", "Kế hoạch", ""])),
    date: nullable(pick(["2022-05-06", "2023-07-08"])),
    subject: nullable(pick(["về  việc\nthực hiện", "về công tác cán bộ"])),
    mentions: fc.array(mentionArb, { maxLength: 6 }),
    relations: fc.array(fc.record({ relation: pick(RELATIONS), rule: pick(RULES) }), { minLength: 6, maxLength: 6 }),
    stated: fc.array(fc.record({ from: pick(KEYS), to: pick(KEYS), relation: pick(RELATIONS), rule: pick(RULES), span: spanAt }), { maxLength: 2 }),
    amendments: fc.array(
      fc.record({ target: pick(KEYS), action: pick(["amends", "replaces", "repeals"] as const), article: fc.option(pick(["1", "2", "10"]), { nil: undefined }), span: spanAt }),
      { maxLength: 2 },
    ),
  }).map((d): GraphRecord => {
    const mentions: GraphRecord["mentions"] = [];
    for (const m of d.mentions) {
      for (let r = 0; r < m.repeat; r++) {
        const start = m.span.start + r * 100;
        mentions.push({
          text: `${m.kind ?? ""} số ${m.spelled}`, start, end: m.span.end + r * 100,
          resolvedKey: m.self && d.key ? d.key : m.key, resolvedBy: "identifier",
          citation: {
            key: m.key, nameKey: m.nameKey ? `Luật ${m.key.length}` : null, kind: m.form ? "form" : m.kind, typeCode: m.typeCode, issuedBy: m.issuedBy,
            date: m.date, term: m.term, subject: null, spans: { identifier: { text: m.spelled, start: start + 3, end: start + 3 + m.spelled.length } },
          },
        });
      }
    }
    const cited = [...new Set(mentions.map((m) => m.resolvedKey as string))].filter((k) => k !== d.key)
      .map((key, j) => ({ key, relation: d.relations[j % 6]!.relation, mentions: mentions.filter((m) => m.resolvedKey === key).length, rule: d.relations[j % 6]!.rule }));
    return {
      id: d.id, key: d.key, type: d.kind === null ? null : { value: d.kind }, date: d.date === null ? null : { value: d.date }, subject: d.subject === null ? null : { value: d.subject },
      mentions, cited,
      statedRelations: d.stated.map((s) => ({ from: s.from, to: s.to, relation: s.relation, rule: s.rule, evidence: { text: `${s.from} ${s.to}`, ...s.span } })),
      amendments: d.amendments.map((a) => ({
        action: a.action, target: a.target, pinpoint: a.article ? { paths: [{ clause: "2", article: a.article }] } : null, date: null, span: { text: "sửa đổi", ...a.span },
      })),
    };
  });

const corpusArb = fc.integer({ min: 1, max: 14 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => recordArb(i))));

suite("the graph in PostgreSQL", () => {
  it(named("answers every question as the graph in memory does, on generated corpora"), async () => {
    await fc.assert(
      fc.asyncProperty(corpusArb, fc.integer({ min: 1, max: 5 }), async (records, batchSize) => {
        const { memory, db } = await both(records, batchSize);
        await expectSameAnswers(memory, db);
      }),
      { numRuns: 15 },
    );
  });

  it(named("answers every question as the graph in memory does, on 300 synthetic documents of the bench's shape"), async () => {
    const records = Array.from({ length: 300 }, (_, i) => syntheticRecord(i));
    const { memory, db } = await both(records, 120);
    await expectSameAnswers(memory, db);
  });

  it(named("keeps a document loaded twice once, and the graph as it was"), async () => {
    const records = Array.from({ length: 60 }, (_, i) => syntheticRecord(i));
    const { memory, db } = await both(records, 25);
    const again = await loadPostgres(client, [...records.slice(30), syntheticRecord(60)], { batchSize: 25 });
    expect(again).toEqual({ added: 1, skipped: records.slice(30).map((r) => r.id), unnamed: 0 });
    memory.add(syntheticRecord(60));
    expect(await db.toJSON()).toEqual(memory.toJSON());
  });

  it(named("stores text PostgreSQL cannot hold (NUL) as U+FFFD, escapes what COPY reads (tab, backslash, line ends)"), async () => {
    const r = syntheticRecord(5);
    const odd = { ...r, id: "a\tb\\c\nd\re\0f", subject: { value: "tab\there\\ and a NUL \0" } };
    await reset();
    await loadPostgres(client, [odd]);
    const db = await PostgresGraph.open(client);
    const node = await db.getNode(r.key as string);
    expect(node?.texts).toEqual(["a\tb\\c\nd\re\uFFFDf"]);
    expect(node?.subjects).toEqual(["tab here\\ and a NUL \uFFFD"]);
  });

  it(named("leaves whole documents only when a load is killed mid-way, and loading again completes it"), async () => {
    await reset();
    const n = 300;
    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "helpers", "postgres-load.ts"), url, String(n), "20"], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        // Killed as the fourth batch is on its way: three committed, one in the middle of its transaction.
        if ((out.match(/batch/g) ?? []).length >= 3) child.kill("SIGKILL");
      });
      child.on("exit", () => resolve());
      child.on("error", reject);
    });
    expect(out).not.toContain("done");
    const facts = await client.query<{ id: string; mentions: string; cited: string }>(
      "SELECT d.id, (SELECT count(*) FROM vncite.mentions m WHERE m.doc = d.doc) AS mentions, (SELECT count(*) FROM vncite.cited c WHERE c.doc = d.doc) AS cited FROM vncite.documents d",
    );
    const loaded = facts.rows.length;
    expect(loaded).toBeGreaterThanOrEqual(60);
    expect(loaded).toBeLessThan(n);
    expect(loaded % 20).toBe(0);
    for (const row of facts.rows) {
      const r = syntheticRecord(Number(row.id.slice(4)));
      expect([Number(row.mentions), Number(row.cited)], row.id).toEqual([r.mentions.length, r.cited.length]);
    }
    const orphans = await client.query("SELECT count(*)::int AS n FROM vncite.mentions m WHERE NOT EXISTS (SELECT 1 FROM vncite.documents d WHERE d.doc = m.doc)");
    expect(orphans.rows[0].n).toBe(0);
    const records = Array.from({ length: n }, (_, i) => syntheticRecord(i));
    const rest = await loadPostgres(client, records, { batchSize: 100 });
    expect([rest.added, rest.skipped.length]).toEqual([n - loaded, loaded]);
    const memory = new CitationGraph();
    for (const r of records) memory.add(r);
    const db = await PostgresGraph.open(client);
    expect(await db.toJSON()).toEqual(memory.toJSON());
    expect(await db.chain(keyOf(n - 1))).toEqual(memory.chain(keyOf(n - 1)));
  });
});

const capture = () => {
  const out = { stdout: "", stderr: "" };
  const io = { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, readStdin: () => "", stdinIsTTY: true };
  return { out, io };
};

(hasCorpus ? suite : describe.skip)("the real corpus in PostgreSQL", () => {
  const files = hasCorpus ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".txt")).sort() : [];
  const records = () => files.map((f) => parseDocument(readFileSync(join(CORPUS_DIR, f), "utf8"), { id: f.slice(0, -4) }));

  it(named(corpusTest("answers every question as the graph in memory does")), async () => {
    const { memory, db } = await both(records(), 40);
    expect(memory.order).toBeGreaterThan(100);
    await expectSameAnswers(memory, db);
  });

  it(named(corpusTest("vncite graph --to, vncite query postgres:// and --format sql as the JSON graph")), async () => {
    await reset();
    const dir = mkdtempSync(join(tmpdir(), "vncite-pg-cli-"));
    try {
      const json = join(dir, "graph.json");
      const sql = join(dir, "graph.sql");
      const run = async (argv: string[]) => {
        const { out, io } = capture();
        const code = await main(argv, io);
        return { code, ...out };
      };
      // A third of the corpus, each file named (the command parses it four times).
      const some = files.filter((_, i) => i % 3 === 0).map((f) => join(CORPUS_DIR, f));
      expect((await run(["graph", ...some, "--out", json, "--jobs", "1"])).code).toBe(0);
      const loaded = await run(["graph", ...some, "--to", url, "--jobs", "1"]);
      expect([loaded.code, loaded.stderr]).toEqual([0, `vncite: ${some.length} documents added to the graph in PostgreSQL\n`]);
      const again = await run(["graph", ...some, "--to", url, "--jobs", "1"]);
      expect([again.code, again.stderr]).toEqual([0, `vncite: 0 documents added to the graph in PostgreSQL; ${some.length} already in the database, left as they are\n`]);
      const graph = CitationGraph.fromJSON(JSON.parse(readFileSync(json, "utf8")));
      const top = graph.mostCited(1)[0]?.key as string;
      const deep = graph.toJSON().nodes.map((n) => n.key).find((k) => graph.chain(k).length > 1) as string;
      const questions = [["cited-by", top], ["cites", deep], ["chain", deep], ["descendants", top], ["path", deep, top], ["most-cited", "5"], ["missing"], ["conflicts"]];
      for (const q of questions) {
        for (const format of ["text", "json"]) {
          const fromFile = await run(["query", json, ...q, "--format", format]);
          const fromDb = await run(["query", url, ...q, "--format", format]);
          expect(fromDb, q.join(" ")).toEqual(fromFile);
        }
      }
      const unknown = await run(["query", url, "cites", "999-XX/YY"]);
      expect([unknown.code, unknown.stderr]).toEqual([1, "vncite: 999-XX/YY is not in the graph\n"]);
      expect((await run(["graph", ...some, "--to", "mysql://x"])).stderr).toContain("--to takes a postgres:// URL");
      expect((await run(["graph", ...some, "--to", url, "--out", json])).stderr).toContain("give one");

      // The SQL script, loaded by psql into a database of its own, holds the same graph.
      expect((await run(["graph", ...some, "--format", "sql", "--out", sql, "--jobs", "1"])).code).toBe(0);
      await client.query("DROP DATABASE IF EXISTS vncite_sql_dump");
      await client.query("CREATE DATABASE vncite_sql_dump TEMPLATE template0 ENCODING 'UTF8'");
      const dumpUrl = new URL(url);
      dumpUrl.pathname = "/vncite_sql_dump";
      const psql = spawnSync("psql", ["-v", "ON_ERROR_STOP=1", "-q", "-1", "-f", sql, dumpUrl.toString()], { encoding: "utf8" });
      expect(psql.status, psql.stderr).toBe(0);
      const db = await PostgresGraph.open(dumpUrl.toString());
      try {
        expect(await db.toJSON()).toEqual(graph.toJSON());
      } finally {
        await db.close();
        await client.query("DROP DATABASE vncite_sql_dump");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
