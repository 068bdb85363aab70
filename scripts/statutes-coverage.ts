// npm run statutes:coverage [dir]: the catalogue's size and sources, and how many of the laws a corpus cites by
// name reach a number: from the catalogue, or from a text of the corpus that states name and number together.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CitationGraph, parseDocument } from "../src/index.js";
import { SOURCES, STATUTES } from "../src/extract/statute-catalogue.js";

const dir = process.argv[2] ?? join(import.meta.dirname, "..", "..", "shared", "corpus");
const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
const graph = new CitationGraph();
const named: { file: string; key: string | null; nameKey: string; keySource: string | null | undefined }[] = [];
for (const f of files) {
  const text = readFileSync(join(dir, f), "utf8");
  const record = parseDocument(text, { id: f });
  graph.add(record);
  for (const c of record.mentions.flatMap((m) => (m.citation ? [m.citation] : []))) {
    // A law cited by name with no number printed beside it.
    if (c.nameKey && (c.key === c.nameKey || c.keySource === "catalogue")) named.push({ file: f, key: c.key, nameKey: c.nameKey, keySource: c.keySource });
  }
}
const byCatalogue = named.filter((n) => n.keySource === "catalogue").length;
const byCorpus = named.filter((n) => n.keySource !== "catalogue" && graph.canonical(n.nameKey) !== n.nameKey).length;
const pct = (n: number) => `${((100 * n) / Math.max(1, named.length)).toFixed(1)} %`;
console.log(`catalogue: ${STATUTES.length} statutes from ${SOURCES.map((s) => `${s.repo}@${s.commit.slice(0, 10)}`).join(", ")}`);
const what = (w: string) => STATUTES.filter((s) => s.sources.some((x) => x.what === w)).length;
console.log(`  read from the law's own text ${what("text")}, the census ${what("census")}, cited with number in other texts ${what("cited")}`);
console.log(`  with date passed ${STATUTES.filter((s) => s.passed).length}, in force ${STATUTES.filter((s) => s.inForce).length}, out of force ${STATUTES.filter((s) => s.outOfForce).length}`);
console.log(`corpus ${dir}: ${files.length} texts, ${named.length} citations of a law by name without its number`);
console.log(`  number from the catalogue: ${byCatalogue} (${pct(byCatalogue)}); from a text that states name and number (the graph joins them): ${byCorpus} (${pct(byCorpus)}); in all ${pct(byCatalogue + byCorpus)}; none: ${named.length - byCatalogue - byCorpus}`);
const left = new Map<string, number>();
for (const n of named) if (n.keySource !== "catalogue" && graph.canonical(n.nameKey) === n.nameKey) left.set(n.nameKey, (left.get(n.nameKey) ?? 0) + 1);
console.log("  most cited names left without a number:");
for (const [k, n] of [...left].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${n}\t${k}`);
