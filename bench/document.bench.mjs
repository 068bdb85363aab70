// npm run bench: parseDocument and check on one large document (5 MB and 50 MB of real corpus text concatenated
// at run time), MB/s and peak memory, to show the cost stays linear in the text. Each measure runs in a fresh
// process so that its peak memory (RSS high-water mark) is its own. BENCH_DOCUMENT_MB="5" skips the 50 MB runs.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const mb = (s) => Buffer.byteLength(s) / 1e6;
const fmt = (n, d = 1) => n.toFixed(d);

/** Real texts (fixtures and the shared corpus) joined and repeated, cut to `size` MB at a line break. */
function documentOf(size) {
  const dirs = [join(root, "fixtures"), join(root, "..", "shared", "corpus")].filter(existsSync);
  const one = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(d, f), "utf8"))).join("\n\n");
  const whole = one.repeat(Math.ceil(size / mb(one)));
  const cut = whole.lastIndexOf("\n", Math.round(size * 1e6 * (whole.length / Buffer.byteLength(whole))));
  return whole.slice(0, cut);
}

/** One measure in this process: build the text, run `fn` once, print what it took as JSON. */
async function measureOne(fn, size) {
  const { check, parseDocument } = await import("../dist/index.js");
  parseDocument("Nghị quyết số 20-NQ/TW. Điều 1. khoản 1 Điều này", { id: "warm-up" }); // builds lexers and parsers
  const text = documentOf(size);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t = performance.now();
  const result = fn === "check" ? check(text) : parseDocument(text, { id: "big" });
  const ms = performance.now() - t;
  globalThis.gc?.();
  const retained = process.memoryUsage().heapUsed - heapBefore;
  const count = Array.isArray(result) ? result.length : result.mentions.length;
  console.log(JSON.stringify({ mb: mb(text), ms, count, retained, rss: process.resourceUsage().maxRSS * 1024 }));
}

if (process.argv[2] === "--one") {
  await measureOne(process.argv[3], Number(process.argv[4]));
} else {
  const sizes = (process.env.BENCH_DOCUMENT_MB ?? "5,50").split(",").map(Number);
  console.log("\none document of real corpus text (fresh process per line; peak = RSS high-water mark, the text included)");
  console.log("function\tsize\ts\tMB/s\tms per MB\tresult\tretained heap\tpeak RSS");
  for (const fn of ["parseDocument", "check"]) {
    for (const size of sizes) {
      const out = execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", import.meta.filename, "--one", fn, String(size)]);
      const r = JSON.parse(out.toString().trim().split("\n").pop());
      const what = fn === "check" ? "diagnostics" : "mentions";
      console.log(
        `${fn}\t${fmt(r.mb)} MB\t${fmt(r.ms / 1000)}\t${fmt(r.mb / (r.ms / 1000))}\t${fmt(r.ms / r.mb, 0)}\t${r.count} ${what}\t` +
          `${fmt(r.retained / 1e6, 0)} MB\t${fmt(r.rss / 1e6, 0)} MB`,
      );
    }
  }
}
