// npm run eval:noise: recall and precision of extract on the four seeds damaged by each kind of OCR noise
// (test/noise.ts), against their hand-checked references (fixtures/<seed>.expected.json).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../src/index.js";
import { NOISE_KINDS, type NoiseKind, noisy, random } from "../test/noise.js";

const dir = join(import.meta.dirname, "..", "fixtures");
const SEEDS = ["000_1db0ab688705c645", "001_57220ce583489b87", "002_279a46a1877946ee", "004_174a28dc88bcd672"];
const RUNS = 5; // seeds of the generator per noise kind

interface Expected {
  text: string;
  key: string | null;
  kind: string | null;
  number: string;
  date: string | null;
}
/** What must survive the noise: the document, its date. */
const signature = (c: { key: string | null; kind: string | null; number: string; date: string | null }) =>
  `${c.key ?? `${c.kind} ${c.number.replace(/^0+/, "")}`}|${c.date}`;

function score(kind: NoiseKind | "mixed") {
  let tp = 0;
  let expectedCount = 0;
  let foundCount = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const seed of SEEDS) {
      const clean = readFileSync(join(dir, `${seed}.txt`), "utf8");
      const expected: Expected[] = JSON.parse(readFileSync(join(dir, `${seed}.expected.json`), "utf8"));
      const spans = extract(clean);
      if (spans.map((c) => c.text).join("\n") !== expected.map((e) => e.text).join("\n")) throw new Error(`${seed}: clean text no longer matches its fixture`);
      const damaged = noisy(clean, spans, random(1000 * run + seed.length), kind === "mixed" ? undefined : kind);
      const found = extract(damaged).map(signature);
      const want = expected.map(signature);
      const pool = new Map<string, number>();
      for (const f of found) pool.set(f, (pool.get(f) ?? 0) + 1);
      for (const w of want) {
        const n = pool.get(w) ?? 0;
        if (n > 0) {
          tp++;
          pool.set(w, n - 1);
        }
      }
      expectedCount += want.length;
      foundCount += found.length;
    }
  }
  return { recall: tp / expectedCount, precision: foundCount === 0 ? 1 : tp / foundCount, references: expectedCount };
}

const rows = [...NOISE_KINDS, "mixed"] as const;
console.log("| noise | references | recall | precision |");
console.log("|---|---|---|---|");
for (const kind of rows) {
  const s = score(kind);
  const label = kind === "mixed" ? "mixed (default level: half the references, one kind each)" : kind;
  console.log(`| ${label} | ${s.references} | ${s.recall.toFixed(3)} | ${s.precision.toFixed(3)} |`);
}
