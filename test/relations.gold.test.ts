// The relations gold (test/relations.gold.json, read by hand) as a measured floor: on the texts used to write the
// rules and on those held out, clean and with decomposed diacritics and `Ð` for `Đ`. The figures themselves are
// printed by `npx tsx test/relations.measure.ts`; here only the floors the issues set (14, 25) are held.
import { describe, expect, it } from "vitest";
import { corpusTest, hasCorpus } from "./helpers/corpus.js";
import { GOLD_VARIANTS, MEASURED_VARIANTS, scoreGold } from "./helpers/relations-gold.js";

// held3 was read before its rules were written, then its misses gave rules (issue 25): it counts with the rule texts.
const GROUPS: Record<string, readonly string[]> = { rules: ["build", "held3"], "held out": ["held", "held2", "held4"] };

describe.skipIf(!hasCorpus).each(GOLD_VARIANTS)(corpusTest("relations gold (%s)"), (_name, vary) => {
  it.each(Object.entries(GROUPS))("%s: document-level ≥ 0.95, stated recall ≥ 0.85 at precision ≥ 0.95", (_group, sets) => {
    const s = scoreGold(sets, vary);
    expect(s.total).toBeGreaterThan(30);
    expect(s.right / s.total).toBeGreaterThanOrEqual(0.95);
    expect(s.found / s.expected).toBeGreaterThanOrEqual(0.85);
    expect(s.correct / s.given).toBeGreaterThanOrEqual(0.95);
  });
});

// Copies without any marks (docs/marks.md): held only to the floors they reach. The rule texts reach the document
// level and the recall; their precision (89 %) and the held-out texts (93.5 %, 79 %, 90 %) wait for the patterns of
// document.ts, relations.ts and header.ts that are not built through the shared builders yet.
describe.skipIf(!hasCorpus)(corpusTest("relations gold (no marks)"), () => {
  const noMarks = MEASURED_VARIANTS.find(([name]) => name === "no marks")?.[1] as (t: string) => string;
  it("rules: document-level ≥ 0.95, stated recall ≥ 0.85", () => {
    const s = scoreGold(GROUPS.rules as readonly string[], noMarks);
    expect(s.right / s.total).toBeGreaterThanOrEqual(0.95);
    expect(s.found / s.expected).toBeGreaterThanOrEqual(0.85);
  });
  // Precision without marks stays under 0.95 (94.3 % held out, 90.0 % on the rule texts): the Constitution and an
  // amending law's title cited by name get a key of their unmarked words (docs/marks.md).
  it("held out: document-level ≥ 0.95, stated recall ≥ 0.85, precision ≥ 0.9", () => {
    const s = scoreGold(GROUPS["held out"] as readonly string[], noMarks);
    expect(s.right / s.total).toBeGreaterThanOrEqual(0.95);
    expect(s.found / s.expected).toBeGreaterThanOrEqual(0.85);
    expect(s.correct / s.given).toBeGreaterThanOrEqual(0.9);
  });
});
