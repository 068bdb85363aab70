// The citation graph at corpus scale: for 10⁴, 10⁵ and 10⁶ synthetic documents of the real shape (10⁶ takes a few
// minutes and about 4 GB; VNCITE_BENCH_SIZES=10000,100000 leaves it out), build time, peak memory, queries, JSON
// Lines out and back;
// then `vncite graph` on VNCITE_BENCH_FILES (default 2 000; 0: none) copies of the real corpus with --jobs 1, 2, 4
// (VNCITE_BENCH_JOBS=1,2 to choose; `node bench/graph.bench.mjs --corpus` for that part alone), with Node's
// default heap, its output compared line for line with the graph the library builds here from the same texts.
// The archive-sized run: `VNCITE_BENCH_FILES=50000 VNCITE_BENCH_JOBS=1 node --expose-gc bench/graph.bench.mjs --corpus`
// (about four minutes on 2 cores: the CLI 3.5, the check of what it wrote 0.5).
// Each size runs in a fresh process (so that peak memory is its own); run with --expose-gc.
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { syntheticCorpus, centralKey, keyOf } from "./synthetic.mjs";

const lib = process.env.VNCITE_LIB ?? "../dist/index.js";
const libUrl = new URL(lib, import.meta.url).href;
const fmt = (n, d = 1) => n.toFixed(d);
const mib = (b) => `${fmt(b / 2 ** 20, 0)} MiB`;

async function measure(n) {
  const { CitationGraph } = await import(lib);
  let peak = 0;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  };
  const timer = setInterval(sample, 50);
  let g = new CitationGraph();
  let addMs = 0;
  const cpu0 = process.cpuUsage();
  let i = 0;
  for (const r of syntheticCorpus(n)) {
    const t = performance.now();
    g.add(r);
    addMs += performance.now() - t;
    if (++i % 10_000 === 0) sample();
  }
  const cpu = process.cpuUsage(cpu0);
  globalThis.gc?.();
  sample();
  const held = process.memoryUsage();
  const buildPeak = peak;
  // Said at once on stderr: at 10⁶ the rest takes many minutes.
  process.stderr.write(`  [${n}: built in ${fmt(addMs / 1000)} s (CPU ${fmt((cpu.user + cpu.system) / 1e6)} s); peak RSS ${mib(peak)}; held ${mib(held.heapUsed + held.arrayBuffers)}]\n`);
  const time = (f) => {
    const t = performance.now();
    const result = f();
    return { ms: performance.now() - t, result };
  };
  const most = time(() => g.mostCited(10));
  const top = most.result[0].key;
  const queries = {
    "mostCited(10)": most.ms,
    [`citedBy(top: ${most.result[0].citedBy} documents)`]: time(() => g.citedBy(top)).ms,
    "cites(a document)": time(() => g.cites(keyOf(n - 1))).ms,
    "chain(a document)": time(() => g.chain(keyOf(n - 1))).ms,
    "path(a document, a central one)": time(() => g.path(keyOf(n - 1), centralKey(0))).ms,
    "missing()": time(() => g.missing()).ms,
    "conflicts()": time(() => g.conflicts()).ms,
  };
  const dir = mkdtempSync(join(tmpdir(), "vncite-bench-"));
  const file = join(dir, "graph.jsonl");
  const write = time(() => {
    const fd = openSync(file, "w");
    let chunk = "";
    for (const line of g.toJSONLines()) {
      chunk += `${line}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
  });
  sample();
  const size = statSync(file).size;
  // The graph read back replaces the one built: compared by what they answer.
  const before = { order: g.order, most: JSON.stringify(g.mostCited(5)), cites: JSON.stringify(g.cites(keyOf(n - 1))) };
  const nodes = g.order;
  g = null;
  globalThis.gc?.();
  const t = performance.now();
  const back = await CitationGraph.fromJSONLines(createInterface({ input: createReadStream(file), crlfDelay: Infinity }));
  const readMs = performance.now() - t;
  sample();
  clearInterval(timer);
  const same = back.order === before.order && JSON.stringify(back.mostCited(5)) === before.most && JSON.stringify(back.cites(keyOf(n - 1))) === before.cites;
  rmSync(dir, { recursive: true });
  return {
    n, nodes, addMs, cpuMs: (cpu.user + cpu.system) / 1000, buildPeak, peak, heap: held.heapUsed, arrayBuffers: held.arrayBuffers, queries, writeMs: write.ms, readMs, size, same,
  };
}

/**
 * The graph `vncite graph` should write for the copies: each distinct text parsed once, here, with a stand-in id,
 * and each copy's record that one with the copy's id (the id the CLI gives it: its path under the directory). A
 * record depends on its id only through the id and, when the text gives no number of its own, the key (the same
 * string): a stand-in no text contains is replaced. The first copy of each text is parsed with its own id too
 * and must give the same record, so that the shortcut is checked, not assumed.
 */
function expectedGraph(api, texts, files, idOf) {
  const { CitationGraph, graphRecordOf, parseDocument } = api;
  const STAND_IN = "vncite-bench-copy-id";
  const records = texts.map((text) => JSON.stringify(graphRecordOf(parseDocument(text, { id: STAND_IN }))));
  const g = new CitationGraph();
  for (let i = 0; i < files; i++) {
    const id = idOf(i);
    const r = JSON.parse(records[i % texts.length].replaceAll(STAND_IN, id));
    if (i < texts.length && JSON.stringify(graphRecordOf(parseDocument(texts[i], { id }))) !== JSON.stringify(r)) {
      throw new Error(`copy ${id}: its record under its own id is not the stand-in's with the id replaced`);
    }
    g.add(r);
  }
  return g;
}

/** The first line where two line sources differ (1-based), or 0 when they are equal, with both lines. */
async function firstDifference(a, b) {
  const ia = a[Symbol.asyncIterator]?.() ?? a[Symbol.iterator]();
  const ib = b[Symbol.asyncIterator]?.() ?? b[Symbol.iterator]();
  for (let n = 1; ; n++) {
    const [x, y] = [await ia.next(), await ib.next()];
    if (x.done && y.done) return { line: 0 };
    if (x.done || y.done || x.value !== y.value) {
      ia.return?.();
      ib.return?.();
      return { line: n, a: x.done ? "(end)" : x.value, b: y.done ? "(end)" : y.value };
    }
  }
}

const linesOf = (file) => createInterface({ input: createReadStream(file), crlfDelay: Infinity });
const short = (s) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);

/**
 * `vncite graph` on copies of the real corpus (made at run time, `files` of them), for each --jobs, with Node's
 * default heap: wall time, files/s, peak memory (from /usr/bin/time), and whether what it wrote is the graph the
 * library builds from the same texts here: the file's lines, and the graph read back from them, line for line.
 */
async function corpusThroughput(files, jobsList) {
  const root = join(import.meta.dirname, "..");
  const corpus = join(root, "..", "shared", "corpus");
  if (!existsSync(corpus)) return console.log("\n(no ../shared/corpus: corpus throughput skipped)");
  const paths = readdirSync(corpus).filter((f) => f.endsWith(".txt")).sort();
  const dir = mkdtempSync(join(tmpdir(), "vncite-corpus-"));
  // Copy i is <i/1000>/<i>.txt: `vncite graph <dir>` gives it that path as its id (--id-from relative, the default).
  const idOf = (i) => `${Math.floor(i / 1000)}/${i}.txt`;
  for (let i = 0; i < files; i++) {
    if (i % 1000 === 0) mkdirSync(join(dir, String(Math.floor(i / 1000))));
    copyFileSync(join(corpus, paths[i % paths.length]), join(dir, idOf(i)));
  }
  const heapLimit = Number(execFileSync(process.execPath, ["-p", "require('v8').getHeapStatistics().heap_size_limit"], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } }));
  console.log(`\nvncite graph --format jsonl on ${files.toLocaleString("en")} files (copies of the ${paths.length} corpus texts), Node's default heap (limit ${mib(heapLimit)})`);
  const outs = [];
  let base = 0;
  for (const jobs of jobsList) {
    const out = join(dir, `g${jobs}.jsonl`);
    const t = performance.now();
    const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, join(root, "dist", "cli.js"), "graph", dir, "--format", "jsonl", "--out", out, "--jobs", String(jobs)], {
      encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" },
    });
    const s = (performance.now() - t) / 1000;
    const kib = Number(r.stderr.trim().split("\n").at(-1));
    base ||= s;
    console.log(`  --jobs ${jobs}: ${fmt(s)} s, ${fmt(files / s, 0)} files/s, ×${fmt(base / s, 2)}; peak RSS ${mib(kib * 1024)}; exit ${r.status}${r.status === 0 ? "" : ` — ${short(r.stderr.trim())}`}`);
    if (r.status === 0) outs.push({ jobs, out });
  }
  // Compared after the runs, so that the timings above are the CLI's alone.
  const t = performance.now();
  const api = await import(libUrl);
  // Read as the CLI reads a file (a byte-order mark dropped).
  const texts = paths.map((p) => new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(join(corpus, p))));
  const expected = expectedGraph(api, texts, files, idOf);
  let lines = 0;
  for (const _ of expected.toJSONLines()) lines++;
  for (const { jobs, out } of outs) {
    const written = await firstDifference(linesOf(out), expected.toJSONLines());
    const back = await api.CitationGraph.fromJSONLines(linesOf(out));
    const readBack = await firstDifference(back.toJSONLines(), expected.toJSONLines());
    const say = (d) => (d.line === 0 ? "equal" : `DIFFERS at line ${d.line}:\n      ${short(d.a)}\n    expected:\n      ${short(d.b)}`);
    console.log(`  --jobs ${jobs}: the file, to the graph built here from the texts (${expected.order.toLocaleString("en")} nodes, ${lines.toLocaleString("en")} lines): ${say(written)}; read back: ${say(readBack)}`);
  }
  console.log(`  (checked in ${fmt((performance.now() - t) / 1000)} s)`);
  rmSync(dir, { recursive: true });
}

const jobsList = (process.env.VNCITE_BENCH_JOBS ?? "1,2,4").split(",").map(Number);

if (process.argv[2] === "--size") {
  process.stdout.write(JSON.stringify(await measure(Number(process.argv[3]))));
} else if (process.argv[2] === "--corpus") {
  await corpusThroughput(Number(process.env.VNCITE_BENCH_FILES ?? 2000), jobsList);
} else {
  const sizes = process.env.VNCITE_BENCH_SIZES?.split(",").map(Number) ?? [10_000, 100_000, 1_000_000];
  console.log("citation graph, synthetic documents (~10 cited documents and ~29 mentions each)");
  for (const n of sizes) {
    const out = execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", import.meta.filename, "--size", String(n)], {
      env: process.env, maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"],
    });
    const r = JSON.parse(out.toString());
    console.log(`\n${r.n.toLocaleString("en")} documents, ${r.nodes.toLocaleString("en")} nodes`);
    console.log(`  build (add all): ${fmt(r.addMs / 1000)} s (CPU ${fmt(r.cpuMs / 1000)} s, the generator's included), ${fmt(r.n / (r.addMs / 1000), 0)} documents/s`);
    console.log(`  peak RSS: build ${mib(r.buildPeak)}, JSON Lines out and back ${mib(r.peak)}; held after GC: heap ${mib(r.heap)} + typed arrays ${mib(r.arrayBuffers)} (${fmt((r.heap + r.arrayBuffers) / r.n, 0)} B/document)`);
    for (const [q, ms] of Object.entries(r.queries)) console.log(`  ${q}: ${fmt(ms)} ms`);
    console.log(`  JSON Lines: write ${fmt(r.writeMs / 1000)} s (${mib(r.size)}), read back ${fmt(r.readMs / 1000)} s${r.same ? "" : " — DIFFERS"}`);
  }
  if (process.env.VNCITE_BENCH_FILES !== "0") await corpusThroughput(Number(process.env.VNCITE_BENCH_FILES ?? 2000), jobsList);
}
