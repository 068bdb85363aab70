// Issue 26, extract items: long lists of numbers under one code, damaged dates, line endings, stream spans.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editorialNotes, withoutNotes } from "../src/extract/source.js";
import { extract } from "../src/index.js";

describe("numbers that share one code", () => {
  // `Kết luận số 1, 2, …, 10-KL/TW`: the look-ahead for the code stopped after eight numbers.
  // A list longer than a parse reads (80 tokens, 520 characters) is read to its end, and its body after it.
  it.each([2, 9, 10, 12, 25, 40, 150, 201])("%i numbers under one code are each a citation, with the body after them", (n) => {
    const numbers = Array.from({ length: n }, (_, i) => String(i + 1));
    const text = `Thực hiện các Kết luận số ${numbers.join(", ")}-KL/TW của Bộ Chính trị.`;
    const found = extract(text);
    expect(found.map((c) => c.key)).toEqual(numbers.map((x) => `${x}-KL/TW`));
    for (const c of found) expect([c.issuedBy, c.diagnostics.map((d) => d.code)]).toEqual(["Bộ Chính trị", []]);
    // Each number's span is its own.
    for (const [i, c] of found.entries()) expect(text.slice(c.spans.identifier?.start, c.spans.identifier?.end)).toMatch(new RegExp(`^${i + 1}\\b`));
  });

  it("numbers joined by `và` and commas, with the state's code", () => {
    const list = Array.from({ length: 11 }, (_, i) => String(i + 1));
    const text = `Quyết định số ${list.slice(0, -1).join(", ")} và 11/QĐ-UBND`;
    expect(extract(text).map((c) => c.key)).toEqual(list.map((x) => `${x}/QĐ-UBND`));
  });

  // The list crossed with the damage real texts carry, all in one text read once.
  describe("through damage", () => {
    const DAMAGE: Record<string, (s: string) => string> = {
      clean: (s) => s,
      nfd: (s) => s.normalize("NFD"),
      eth: (s) => s.replace(/Đ/g, "\u00D0"),
      "no diacritics": (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/Đ/g, "D").replace(/đ/g, "d"),
      "line break after a comma": (s) => s.replace(", 7,", ",\n7,"),
      "\\r\\n after a comma": (s) => s.replace(", 7,", ",\r\n7,"),
      "spaces before commas": (s) => s.replace(/,/g, " ,"),
      "và before the last": (s) => s.replace(/, (\d+-)/, " và $1"),
    };
    const cases = Object.entries(DAMAGE).map(([name, apply], i) => {
      const numbers = Array.from({ length: 12 }, (_, k) => String(100 * (i + 1) + k));
      return { name, numbers, text: apply(`Thực hiện các Kết luận số ${numbers.join(", ")}-KL/ĐU của Ban Thường vụ Đảng ủy;`) };
    });
    const found = extract(cases.map((c) => c.text).join("\n\n"));
    it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const mine = found.filter((f) => c.numbers.includes(f.number));
      expect(mine.map((f) => f.key?.replace("Đ", "D"))).toEqual(c.numbers.map((x) => `${x}-KL/DU`));
      for (const f of mine) expect(f.issuedByKey).toBe("ban thường vụ đảng ủy");
    });
  });

  it("beyond 201 numbers, the last keeps its code", () => {
    const numbers = Array.from({ length: 250 }, (_, i) => String(i + 1));
    const found = extract(`Kết luận số ${numbers.join(", ")}-KL/TW`);
    expect(found.at(-1)?.key).toBe("250-KL/TW");
  });

  it("a list with no code at its end is no list", () => {
    const text = `Kết luận số 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 và các văn bản khác`;
    expect(extract(text).map((c) => c.key)).toEqual([null]);
  });
});

describe("editorial notes", () => {
  // The pattern editorialNotes replaces, kept here as its definition: a `[`, at most 3 000 characters with no `]`
  // nor line break, a `]`; leftmost first, apart.
  const PATTERN = /\[[^\]\n]{0,3000}\]/g;
  const byPattern = (text: string) => [...text.matchAll(PATTERN)].map((m) => [m.index - 1, m.index + m[0].length]);

  it("are what the pattern finds, on any mix of brackets, line breaks and long stretches", () => {
    const piece = fc.constantFrom("[", "]", "\n", "a", "[Khoản này được sửa đổi]", "x".repeat(1_500), "x".repeat(3_000));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(editorialNotes(text)).toEqual(byPattern(text));
      }),
      { seed: 26, numRuns: 300 },
    );
  });

  it("the longest is 3 000 characters between its brackets", () => {
    expect(editorialNotes(`[${"x".repeat(3_000)}]`)).toEqual([[-1, 3_002]]);
    expect(editorialNotes(`[${"x".repeat(3_001)}]`)).toEqual([]);
    expect(editorialNotes(`[[${"x".repeat(2_999)}]`)).toEqual([[-1, 3_002]]);
    expect(editorialNotes(`[${"x".repeat(10)}[${"x".repeat(2_999)}]`)).toEqual([[10, 3_012]]);
  });

  it("blanked, keep the text's length", () => {
    const note = "[được sửa đổi]";
    expect(withoutNotes(`Điều 2 ${note} bởi [a`)).toBe(`Điều 2 ${" ".repeat(note.length)} bởi [a`);
  });
});
