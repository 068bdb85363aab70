// OCR robustness: every seed reference survives each kind of damage (property tests), the noisy seeds give
// the hand-checked documents of the clean ones with every repair recorded, and damage never makes references.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Citation, extract } from "../src/index.js";
import { damage, NOISE_KINDS, random } from "./noise.js";

const dir = join(import.meta.dirname, "..", "fixtures");
const SEEDS = ["000_1db0ab688705c645", "001_57220ce583489b87", "002_279a46a1877946ee", "004_174a28dc88bcd672"];
const references = SEEDS.flatMap((seed) => extract(readFileSync(join(dir, `${seed}.txt`), "utf8")));

/** What must not change under noise: the document and the facts about it. */
const facts = (c: Citation) => ({
  key: c.key, number: c.number.replace(/^0+(?=\d)/, ""), typeCode: c.typeCode, issuer: c.issuer, kind: c.kind, date: c.date, term: c.term,
});

describe("every seed reference, under every kind of noise (fast-check, fixed seed)", () => {
  it.each(NOISE_KINDS)("%s", (kind) => {
    fc.assert(
      fc.property(fc.constantFrom(...references), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (ref, seed) => {
        const damaged = damage(ref.text, kind, random(seed));
        const found = extract(`Căn cứ ${damaged}; và`);
        expect(found.map(facts)).toEqual([facts(ref)]);
        if (damaged.normalize("NFC") !== ref.text && !["date-format", "line-break", "nfd"].includes(kind)) {
          expect(found[0]?.confidence).toBeLessThan(1);
          expect(found[0]?.diagnostics.some((d) => d.code === "ocr-repaired")).toBe(true);
        }
      }),
      { seed: 2026, numRuns: 150 },
    );
  });
});

describe.each(SEEDS)("noisy %s", (seed) => {
  const text = readFileSync(join(dir, "noisy", `${seed}.txt`), "utf8");
  const found = extract(text);
  const clean: { key: string | null; number: string; kind: string | null; date: string | null }[] = JSON.parse(readFileSync(join(dir, `${seed}.expected.json`), "utf8"));
  const expected: { text: string; confidence: number; repairs: string[] }[] = JSON.parse(readFileSync(join(dir, "noisy", `${seed}.expected.json`), "utf8"));

  it("finds the same documents, numbers, kinds and dates as the hand-checked clean text", () => {
    expect(found.map((c) => [c.key, c.number.replace(/^0+(?=\d)/, ""), c.kind, c.date])).toEqual(clean.map((c) => [c.key, c.number.replace(/^0+(?=\d)/, ""), c.kind, c.date]));
  });
  it("records each repair and lowers confidence, with spans in the noisy text", () => {
    expect(found.map((c) => ({ text: c.text, confidence: c.confidence, repairs: c.diagnostics.filter((d) => d.code === "ocr-repaired").map((d) => d.message) }))).toEqual(expected);
    for (const c of found) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      for (const d of c.diagnostics) expect(d.end).toBeGreaterThan(d.start);
    }
  });
});

describe("repairs never make references out of ordinary text", () => {
  it.each([
    "Dieu 5. Hieu luc thi hanh", "theo khoan 2 Dieu 3", "phong chong dich COVID-l9", "He thong ISO 9OO1:2O15", "Trang l2/45",
    "So dien thoai 0912-345-678", "lan 2-3 trong nam", "ngay 15/6 toi", "nhiem ky 2O2O-2O25", "Sở Tư pháp số 5 đường Lê Lợi",
    "cửa hàng số 12", "khoa học và công nghệ", "Ban Khoa giáo Trung ương", "IO-KH/TU", "so sánh 2 phương án", "năm 2020 - 2025",
    "Hà Noi, ngay 30 thang 6 nam 2021", "\n- 3 -\n",
  ])("%j gives nothing", (text) => {
    expect(extract(text).map((c) => c.text)).toEqual([]);
  });

  it("a seed without any diacritics gives the same references (no new ones)", () => {
    const text = readFileSync(join(dir, "001_57220ce583489b87.txt"), "utf8");
    const stripped = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
    expect(extract(stripped).map((c) => c.key)).toEqual(extract(text).map((c) => c.key));
  });
});
