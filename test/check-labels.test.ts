// Every error and warning check gives on the shared corpus and the seeds, against the hand-read labels of
// test/check-labels.json: a reviewer can trust an error, and nine warnings in ten at least.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../src/index.js";
import labelsJson from "./check-labels.json";
import { CORPUS_DIR, corpusTest, hasCorpus } from "./helpers/corpus.js";

interface Label {
  file: string;
  severity: string;
  code: string;
  text: string;
  true: boolean;
  why: string;
}
const labels: Label[] = labelsJson.labels;
const falseBefore: Label[] = labelsJson.falseBefore;
const id = (l: { file: string; severity: string; code: string; text: string }) => `${l.file} ${l.severity} ${l.code} ${JSON.stringify(l.text)}`;

const fixtures = join(import.meta.dirname, "..", "fixtures");
const texts = [
  ...(hasCorpus ? readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".txt")).map((f) => join(CORPUS_DIR, f)) : []),
  ...readdirSync(fixtures).filter((f) => f.endsWith(".txt")).map((f) => join(fixtures, f)),
];

/** Each error and warning as file, severity, code and span text (one entry per place). */
function reported(): { file: string; severity: string; code: string; text: string }[] {
  return texts.flatMap((path) => {
    const text = readFileSync(path, "utf8");
    const file = path.split(/[\\/]/).at(-1) as string;
    return check(text)
      .filter((d) => d.severity !== "info")
      .map((d) => ({ file, severity: d.severity, code: d.code, text: text.slice(d.start, d.end) }));
  });
}

describe("check on the corpus and the seeds, as labelled by hand", () => {
  const found = reported();
  const byId = new Map(labels.map((l) => [id(l), l]));
  const fromCorpus = (f: { file: string }) => !/^\d{3}_/.test(f.file);

  it("has a label for every error and warning it gives", () => {
    expect(found.filter((f) => !byId.has(id(f))).map(id)).toEqual([]);
  });
  it("labels each entry with why", () => {
    for (const l of [...labels, ...falseBefore]) expect(l.why.length, id(l)).toBeGreaterThan(10);
  });
  it("gives no false error", () => {
    expect(found.filter((f) => f.severity === "error" && byId.get(id(f))?.true === false).map(id)).toEqual([]);
  });
  it(corpusTest("gives at most one false warning in ten on the corpus"), () => {
    const warnings = found.filter((f) => f.severity === "warning" && fromCorpus(f));
    const wrong = warnings.filter((f) => byId.get(id(f))?.true === false);
    if (hasCorpus) expect(warnings.length).toBeGreaterThan(10);
    expect(wrong.length * 10).toBeLessThanOrEqual(warnings.length);
  });
  it(corpusTest("still reports the corpus's real error (91/2024/NĐ-CP dated after the text)"), () => {
    if (!hasCorpus) return;
    expect(found.map(id)).toContain('b_039_Nghi_dinh_131_2025_ND_CP.txt error date-after-document "ngày 18 tháng 7 năm 2025"');
  });
  it("still reports the seeds' real problems: 93-NQ/TW, 77-CT/TU, 69-KL", () => {
    const ids = found.map(id);
    expect(ids).toContain('004_174a28dc88bcd672.txt error type-code-mismatch "Kết luận số 93-NQ/TW"');
    expect(ids).toContain('001_57220ce583489b87.txt error type-code-mismatch "Chương trình hành động số 77-CT/TU"');
    expect(ids).toContain('001_57220ce583489b87.txt warning incomplete-identifier "69-KL"');
  });
  it(corpusTest("no longer gives the errors and warnings read false before (old identifiers, units, guesses)"), () => {
    const ids = new Set(found.map((f) => `${f.file} ${f.code} ${JSON.stringify(f.text)}`));
    expect(falseBefore.filter((l) => ids.has(`${l.file} ${l.code} ${JSON.stringify(l.text)}`)).map(id)).toEqual([]);
  });
});
