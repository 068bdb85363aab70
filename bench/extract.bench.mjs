// npm run bench: throughput of extract on the shared corpus and the fixtures, against a bare regex scan.
// Builds its input at run time (nothing large is committed). Run with --expose-gc for a clean heap figure.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Bench } from "tinybench";
import { CitationGraph, extract, extractStream, parseDocument } from "../dist/index.js";

const root = join(import.meta.dirname, "..");
const dirs = [join(root, "fixtures"), join(root, "..", "shared", "corpus")].filter(existsSync);
const docs = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(d, f), "utf8")));
const mb = (s) => Buffer.byteLength(s) / 1e6;
const fmt = (n, d = 1) => n.toFixed(d);

/** The corpus repeated until it reaches `target` MB. */
function corpusOf(target) {
  const one = docs.join("\n\n");
  return one.repeat(Math.max(1, Math.ceil(target / mb(one))));
}

function timeIt(fn, runs = 3) {
  let best = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, result };
}

const BARE = /\d+[-/][A-ZĐ]/g;
const bareScan = (text) => {
  let n = 0;
  BARE.lastIndex = 0;
  while (BARE.exec(text)) n++;
  return n;
};

// First call, in fresh processes (10 of each; min and median, and the process's CPU time, as the machine may be
// shared): `import { extract } from "vncite"` then one extract (which builds the lexer and parser), and the
// command line's `vncite extract` on one file, start to exit.
const FRESH = 10;
const spread = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${fmt(s[0])}, median ${fmt(s[Math.floor(s.length / 2)])}`;
};
const firstCalls = Array.from({ length: FRESH }, () =>
  execFileSync(process.execPath, [
    "--input-type=module",
    "-e",
    `let t = performance.now(); const { extract } = await import(${JSON.stringify(join(root, "dist", "index.js"))});
     const a = performance.now() - t; t = performance.now(); extract("Nghị quyết số 20-NQ/TW"); const b = performance.now() - t;
     const cpu = process.cpuUsage(); console.log(a, b, (cpu.user + cpu.system) / 1000);`,
  ])
    .toString()
    .trim()
    .split(" ")
    .map(Number),
);
console.log(
  `import ${spread(firstCalls.map((r) => r[0]))} ms; first extract ${spread(firstCalls.map((r) => r[1]))} ms; ` +
    `both ${spread(firstCalls.map((r) => r[0] + r[1]))} ms (process CPU ${spread(firstCalls.map((r) => r[2]))} ms)`,
);
const seed = join(root, "fixtures", readdirSync(join(root, "fixtures")).find((f) => f.startsWith("004_") && f.endsWith(".txt")));
const cliRuns = Array.from({ length: FRESH }, () => {
  const t = performance.now();
  execFileSync(process.execPath, [join(root, "dist", "cli.js"), "extract", seed]);
  return performance.now() - t;
});
console.log(`vncite extract fixtures/004 (a process, start to exit): ${spread(cliRuns)} ms`);

// Per document, as an editor or a batch job calls it.
const bench = new Bench({ time: 2000 });
const docsMB = docs.reduce((s, d) => s + mb(d), 0);
bench.add(`extract, ${docs.length} documents one by one`, () => {
  for (const d of docs) extract(d);
});
bench.add(`parseDocument, ${docs.length} documents one by one`, () => {
  for (const d of docs) parseDocument(d, { id: "x" });
});
const records = docs.map((d, i) => parseDocument(d, { id: `doc-${i}` }));
bench.add(`graph building, ${docs.length} parsed documents`, () => {
  const g = new CitationGraph();
  for (const r of records) g.add(r);
});
await bench.run();
for (const task of bench.tasks) {
  const ms = task.result.latency?.mean ?? task.result.mean;
  const perSecond = 1000 / ms;
  console.log(`${task.name}: ${fmt(docsMB * perSecond)} MB/s, ${fmt(docs.length * perSecond, 0)} documents/s`);
}

// The texts once, as one text. extract remembers the parses of a text: the big corpus below is these texts again
// and again, which flatters it; here only the citations that different texts share are met again.
const once = docs.join("\n\n");
const onceRun = timeIt(() => extract(once).length, 5);
console.log(`\nthe ${docs.length} texts once, as one text of ${fmt(mb(once))} MB: extract ${fmt(mb(once) / (onceRun.ms / 1000))} MB/s (${onceRun.result} citations)`);

// The big corpus, against the bare scan on the same text.
const big = corpusOf(50);
const bigMB = mb(big);
const ex = timeIt(() => extract(big).length);
const bare = timeIt(() => bareScan(big), 5);
console.log(
  `corpus ${fmt(bigMB)} MB (the texts repeated): extract ${fmt(bigMB / (ex.ms / 1000))} MB/s (${ex.result} citations); ` +
    `bare regex scan ${fmt(bigMB / (bare.ms / 1000))} MB/s (${bare.result} matches); extract is ${fmt(ex.ms / bare.ms)}× slower`,
);

// Linear cost: 1, 10 and 100 MB.
console.log("\nsize\tms\tMB/s\tms per MB");
for (const size of [1, 10, 100]) {
  const text = corpusOf(size).slice(0, Math.round(size * 1e6 * (big.length / Buffer.byteLength(big))));
  const { ms } = timeIt(() => extract(text), size >= 100 ? 1 : 3);
  console.log(`${fmt(mb(text))} MB\t${fmt(ms, 0)}\t${fmt(mb(text) / (ms / 1000))}\t${fmt(ms / mb(text))}`);
}
// Streaming: a long input in 64 KB chunks, never held whole; the heap is sampled as it goes.
const streamMB = Number(process.env.BENCH_STREAM_MB ?? 200);
const unit = corpusOf(1);
async function* chunksOf(totalMB) {
  const target = totalMB * 1e6;
  let sent = 0;
  while (sent < target) {
    for (let i = 0; i < unit.length && sent < target; i += 65_536) {
      const chunk = unit.slice(i, i + 65_536);
      sent += Buffer.byteLength(chunk);
      yield chunk;
    }
  }
}
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let heapPeak = heapBefore;
let streamed = 0;
let sampling = 0; // time spent in the forced collections, left out of the throughput
const tStream = performance.now();
for await (const _c of extractStream(chunksOf(streamMB))) {
  // What the stream retains, measured after a collection (without one, the figure is mostly garbage).
  if (++streamed % 20_000 === 0) {
    const t = performance.now();
    globalThis.gc?.();
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    sampling += performance.now() - t;
  }
}
const streamS = (performance.now() - tStream - sampling) / 1000;
console.log(
  `\nextractStream over ${streamMB} MB in 64 KB chunks: ${fmt(streamMB / streamS)} MB/s, ${streamed} citations; ` +
    `live heap at most ${fmt(heapPeak / 1e6)} MB, ${fmt((heapPeak - heapBefore) / 1e6)} MB above the start ` +
    `(sampled after forced collections, whose ${fmt(sampling / 1000)} s are left out of the MB/s)`,
);
console.log(`peak memory of the whole run (RSS high-water mark, the 100 MB text included): ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
