// A citation graph of a folder of .txt files, then three questions to it: which documents are cited most, who
// cites the first of them, and the shortest chain of citations between two documents.
// Run: npx tsx examples/graph.ts <folder>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CitationGraph, parseDocument } from "vncite";

const folder = process.argv[2] ?? ".";
const graph = new CitationGraph();
for (const name of readdirSync(folder).filter((f) => f.endsWith(".txt")).sort()) {
  // The id names a document that has no number of its own; one that has is keyed by its number.
  graph.add(parseDocument(readFileSync(join(folder, name), "utf8"), { id: name }));
}

const top = graph.mostCited(3);
console.log("most cited:");
for (const { key, citedBy, mentions } of top) console.log(`  ${key}: cited by ${citedBy} document(s), ${mentions} mention(s)`);
const first = top[0];
if (first) {
  console.log(`documents citing ${first.key}:`);
  for (const edge of graph.citedBy(first.key)) console.log(`  ${edge.from} (${edge.relation})`);
  const from = graph.citedBy(first.key)[0]?.from;
  if (from) console.log(`path: ${graph.path(from, first.key)?.join(" → ")}`);
}
// The graph as JSON, to keep and read back with CitationGraph.fromJSON.
const saved = JSON.stringify(graph.toJSON());
const again = CitationGraph.fromJSON(JSON.parse(saved));
console.log(`saved: ${saved.length} characters of JSON; read back: ${[...again.nodes()].length} nodes`);
