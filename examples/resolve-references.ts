// Each document a text refers to, with the references that resolve to it: short ones (`Kết luận số 93` after
// `Kết luận số 93-KL/TW`), laws by name, `Nghị quyết nêu trên`; and how each short one was resolved.
// Run: npx tsx examples/resolve-references.ts text.txt
import { readFileSync } from "node:fs";
import { extract, resolve } from "vncite";

const file = process.argv[2];
if (!file) throw new Error("usage: resolve-references <text.txt>");
const text = readFileSync(file, "utf8");
const { byKey, citations, backReferences } = resolve(extract(text), { text });
const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;

for (const [key, references] of byKey) console.log(`${key}: ${references.length} reference(s)`);
for (const r of [...citations, ...backReferences].filter((r) => r.resolvedBy !== "identifier")) {
  const why = [r.resolvedBy ?? "unresolved", ...r.diagnostics.map((d) => d.code)].join("; ");
  console.log(`line ${lineOf(r.start)}: ${r.text} → ${r.resolvedKey ?? "?"} (${why})`);
}
