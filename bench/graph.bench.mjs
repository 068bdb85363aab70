// The citation graph at corpus scale: for 10⁴ and 10⁵ synthetic documents of the real shape (10⁶ with
// VNCITE_BENCH_MILLION=1: minutes and a few GB), build time, peak memory, queries, JSON Lines out and back;
// then `vncite graph` on VNCITE_BENCH_FILES (default 2 000; 0: none) copies of the real corpus with --jobs 1, 2, 4
// (VNCITE_BENCH_JOBS=1,2 to choose; `node bench/graph.bench.mjs --corpus` for that part alone).
// Each size runs in a fresh process (so that peak memory is its own); run with --expose-gc.
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { syntheticCorpus, centralKey, keyOf } from "./synthetic.mjs";

const lib = process.env.VNCITE_LIB ?? "../dist/index.js";
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
 * `vncite graph` on copies of the real corpus (made at run time, `files` of them), for each --jobs: wall time,
 * files/s, peak memory (from /usr/bin/time), and whether the JSON Lines it wrote read back to the same size.
 */
async function corpusThroughput(files, jobsList) {
  const root = join(import.meta.dirname, "..");
  const corpus = join(root, "..", "shared", "corpus");
  if (!existsSync(corpus)) return console.log("\n(no ../shared/corpus: corpus throughput skipped)");
  const texts = readdirSync(corpus).filter((f) => f.endsWith(".txt"));
  const dir = mkdtempSync(join(tmpdir(), "vncite-corpus-"));
  for (let i = 0; i < files; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(sub);
    copyFileSync(join(corpus, texts[i % texts.length]), join(sub, `${i}.txt`));
  }
  const { CitationGraph } = await import(lib);
  console.log(`\nvncite graph --format jsonl on ${files.toLocaleString("en")} files (copies of the ${texts.length} corpus texts), Node's default heap`);
  let base = 0;
  for (const jobs of jobsList) {
    const out = join(dir, `g${jobs}.jsonl`);
    const t = performance.now();
    const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, join(root, "dist", "cli.js"), "graph", dir, "--format", "jsonl", "--out", out, "--jobs", String(jobs)], { encoding: "utf8" });
    const s = (performance.now() - t) / 1000;
    const kib = Number(r.stderr.trim().split("\n").at(-1));
    base ||= s;
    const back = await CitationGraph.fromJSONLines(createInterface({ input: createReadStream(out), crlfDelay: Infinity }));
    const docs = back.toJSONLines();
    let n = 0;
    for (const line of docs) if (line.startsWith('{"type":"document"')) n++;
    console.log(`  --jobs ${jobs}: ${fmt(s)} s, ${fmt(files / s, 0)} files/s, ×${fmt(base / s, 2)}; peak RSS ${mib(kib * 1024)}; exit ${r.status}; read back: ${n} documents${n === files ? "" : " — MISSING"}`);
  }
  rmSync(dir, { recursive: true });
}

const jobsList = (process.env.VNCITE_BENCH_JOBS ?? "1,2,4").split(",").map(Number);

if (process.argv[2] === "--size") {
  process.stdout.write(JSON.stringify(await measure(Number(process.argv[3]))));
} else if (process.argv[2] === "--corpus") {
  await corpusThroughput(Number(process.env.VNCITE_BENCH_FILES ?? 2000), jobsList);
} else {
  const sizes = process.env.VNCITE_BENCH_SIZES?.split(",").map(Number) ?? [10_000, 100_000, ...(process.env.VNCITE_BENCH_MILLION ? [1_000_000] : [])];
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
