// The relations gold (test/relations.gold.json, read by hand) as a measured floor: on the texts used to write the
// rules and on those held out, clean and with decomposed diacritics and `Ð` for `Đ`. The figures themselves are
// printed by `npx tsx test/relations.measure.ts`; here only the floors the issues set (14, 25) are held.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/index.js";
import gold from "./relations.gold.json";

const NUMBERED = /^\d+[/-]/;
const variants: [string, (t: string) => string][] = [
  ["clean", (t) => t],
  ["NFD+Ð", (t) => t.normalize("NFD").replace(/Đ/g, "Ð")],
];
const GROUPS: Record<string, readonly string[]> = { rules: ["build"], "held out": ["held", "held2", "held3", "held4"] };

describe.each(variants)("relations gold (%s)", (_name, vary) => {
  it.each(Object.entries(GROUPS))("%s: document-level ≥ 0.95, stated recall ≥ 0.85 at precision ≥ 0.95", (_group, sets) => {
    let right = 0, total = 0, found = 0, expected = 0, correct = 0, given = 0;
    for (const doc of gold.documents.filter((d) => sets.includes(d.set))) {
      const d = parseDocument(vary(readFileSync(doc.file, "utf8")), { id: doc.file });
      const cited = new Map(d.cited.map((c) => [c.key.normalize("NFC"), c.relation]));
      for (const [key, relation] of Object.entries(doc.cited)) {
        total++;
        if ((cited.get(key) ?? "mentions") === relation) right++;
      }
      const counted = (s: { from: string; to: string }) => !("numberedOnly" in doc) || (NUMBERED.test(s.from) && NUMBERED.test(s.to));
      const want = new Set(doc.stated.map((s) => s.join(" ")));
      const have = new Set(d.statedRelations.filter(counted).map((s) => [s.from, s.relation, s.to].join(" ").normalize("NFC")));
      expected += want.size;
      given += have.size;
      for (const s of want) if (have.has(s)) found++;
      for (const s of have) if (want.has(s)) correct++;
    }
    expect(total).toBeGreaterThan(30);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
    expect(found / expected).toBeGreaterThanOrEqual(0.85);
    expect(correct / given).toBeGreaterThanOrEqual(0.95);
  });
});
