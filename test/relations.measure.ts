// Measures relations against the hand-read set (test/relations.gold.json): `npx tsx test/relations.measure.ts`.
// Document-level accuracy over cited documents, stated-relation recall and precision, on clean text and on the
// same texts with decomposed diacritics and `Ð` for `Đ`.
import { readFileSync } from "node:fs";
import { parseDocument } from "../src/document/document.js";
import gold from "./relations.gold.json";

const NUMBERED = /^\d+[/-]/;
const variants: Record<string, (t: string) => string> = { clean: (t) => t, "NFD+Ð": (t) => t.normalize("NFD").replace(/Đ/g, "Ð") };
for (const [name, variant] of Object.entries(variants)) {
  for (const set of ["build", "held", "held2", "held3", "held4"]) {
    let right = 0, total = 0, found = 0, expected = 0, given = 0, correct = 0;
    for (const doc of gold.documents.filter((d) => d.set === set)) {
      const d = parseDocument(variant(readFileSync(doc.file, "utf8")), { id: doc.file });
      const cited = new Map(d.cited.map((c) => [c.key.normalize("NFC"), c.relation]));
      for (const [key, relation] of Object.entries(doc.cited)) {
        total++;
        const got = cited.get(key) ?? "mentions";
        if (got === relation) right++;
        else if (process.env.V) console.log(`  ${name} ${doc.file.slice(-30)} ${key}: ${got} ≠ ${relation}`);
      }
      const want = new Set(doc.stated.map((s) => s.join(" ")));
      // A text annotated for numbered keys only is not marked down for what it states of documents cited by name.
      const counted = (s: { from: string; to: string }) => !("numberedOnly" in doc) || (NUMBERED.test(s.from) && NUMBERED.test(s.to));
      const have = new Set(d.statedRelations.filter(counted).map((s) => [s.from, s.relation, s.to].join(" ").normalize("NFC")));
      expected += want.size;
      given += have.size;
      for (const s of want) if (have.has(s)) found++; else if (process.env.V) console.log(`  ${name} ${doc.file.slice(-30)} missed: ${s}`);
      for (const s of have) if (want.has(s)) correct++; else if (process.env.V) console.log(`  ${name} ${doc.file.slice(-30)} extra: ${s}`);
    }
    const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`;
    console.log(`${name.padEnd(6)} ${set.padEnd(5)} document-level ${pct(right, total)}  stated recall ${pct(found, expected)}  precision ${pct(correct, given)}`);
  }
}
