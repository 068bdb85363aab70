// The relations gold (test/relations.gold.json, read by hand) as a measured floor: on the texts used to write the
// rules and on those held out, clean and with decomposed diacritics and `Ð` for `Đ`. The figures themselves are
// printed by `npx tsx test/relations.measure.ts`; here only the floors the issues set (14, 25) are held.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/index.js";
import { statuteOf } from "../src/extract/statute-catalogue.js";
import { versionYear } from "../src/extract/statute.js";
import { foldName } from "../src/tables.js";
import gold from "./relations.gold.json";

// Laws by name are keyed by their number where the statutes catalogue names the version (issue 24); the gold names
// them: a gold name and a number of the same title (and year, where both have one) are one law.
const lawOf = (key: string): { name: string; year: number | null } | null => {
  const s = statuteOf(key);
  if (s) return { name: foldName(`${s.kind} ${s.title}`), year: versionYear(s) };
  const m = /^(Bộ luật|Luật|Pháp lệnh) (.+?)(?: năm (\d{4}))?$/.exec(key);
  return m ? { name: foldName(`${m[1]} ${m[2]}`), year: m[3] ? Number(m[3]) : null } : null;
};
const sameDocument = (a: string, b: string) => {
  if (a === b) return true;
  const x = lawOf(a), y = lawOf(b);
  return x !== null && y !== null && x.name === y.name && (x.year === null || y.year === null || x.year === y.year);
};
const sameRelation = (a: string[], b: string[]) => a[1] === b[1] && sameDocument(a[0] as string, b[0] as string) && sameDocument(a[2] as string, b[2] as string);

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
      const cited = d.cited.map((c) => [c.key.normalize("NFC"), c.relation] as const);
      for (const [key, relation] of Object.entries(doc.cited)) {
        total++;
        const mine = cited.find(([k]) => k === key) ?? cited.find(([k]) => sameDocument(key, k));
        if ((mine?.[1] ?? "mentions") === relation) right++;
      }
      // A law's number from the catalogue is no number the text printed: the gold's numbered-only texts leave it out.
      const printed = new Set(d.mentions.flatMap((m) => (m.citation?.key && m.citation.keySource === "printed" ? [m.citation.key] : [])));
      const numbered = (k: string) => NUMBERED.test(k) && (printed.has(k) || !statuteOf(k));
      const counted = (s: { from: string; to: string }) => !("numberedOnly" in doc) || (numbered(s.from) && numbered(s.to));
      const want = [...new Set(doc.stated.map((s) => s.join("\u0000")))].map((s) => s.split("\u0000"));
      const have = [...new Set(d.statedRelations.filter(counted).map((s) => [s.from, s.relation, s.to].join("\u0000").normalize("NFC")))].map((s) => s.split("\u0000"));
      expected += want.length;
      given += have.length;
      for (const s of want) if (have.some((h) => sameRelation(s, h))) found++;
      for (const s of have) if (want.some((w) => sameRelation(w, s))) correct++;
    }
    expect(total).toBeGreaterThan(30);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
    expect(found / expected).toBeGreaterThanOrEqual(0.85);
    expect(correct / given).toBeGreaterThanOrEqual(0.95);
  });
});
