// resolve(citations, options): extract()'s citations resolved to document keys on their own, as parseDocument
// resolves its mentions. Expected values read against the texts (the line of fixture 004 is given with each).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArgumentError, type Citation, extract, parseDocument, resolve, type ResolveOptions, type ResolvedReference } from "../src/index.js";
import { CORPUS_DIR, corpusTest, hasCorpus } from "./helpers/corpus.js";
import { TIMING } from "./helpers/timing.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");
const seed = readFileSync(join(fixtures, "004_174a28dc88bcd672.txt"), "utf8");
const lineOf = (text: string, offset: number) => text.slice(0, offset).split("\n").length;
/** The references of `text` that start on `line`, as `text → key by`, in text order. */
const onLine = (refs: readonly ResolvedReference[], text: string, line: number) =>
  refs.filter((r) => lineOf(text, r.start) === line).map((r) => `${r.text} → ${r.resolvedKey} ${r.resolvedBy}`);

describe("resolve on fixture 004 (a Huyện ủy plan carrying out Kết luận số 93-KL/TW)", () => {
  const citations = extract(seed);

  it("with the text: line 9 defines `Kết luận số 93`, which then stands for 93-KL/TW", () => {
    const { citations: refs, backReferences } = resolve(citations, { text: seed });
    // Line 9: `… Kết luận số 93-KL/TW, ngày 20/11/2020 của Ban Bí thư … (sau đây gọi tắt là Kết luận số 93), …`
    expect(onLine(refs, seed, 9)).toEqual([
      "Kế hoạch số 25-KH/TU, ngày 19/4/2021 của Ban Thường vụ Tỉnh ủy → 25-KH/TU identifier",
      "Kết luận số 93-KL/TW, ngày 20/11/2020 của Ban Bí thư → 93-KL/TW identifier",
      "Chỉ thị số 42-CT/TW, ngày 16/4/2010 của Bộ Chính trị (khóa X) → 42-CT/TW identifier",
      "Kết luận số 93 → 93-KL/TW definition",
    ]);
    // Line 15: `- Quán triệt các nội dung của Kết luận số 93 của Ban Bí thư …`: the short name, by its definition.
    const short = refs.find((r) => lineOf(seed, r.start) === 15 && r.text.startsWith("Kết luận số 93")) as ResolvedReference;
    expect(short).toMatchObject({ text: "Kết luận số 93 của Ban Bí thư", resolvedKey: "93-KL/TW", resolvedBy: "definition", diagnostics: [] });
    expect(short.evidence?.text).toBe("(sau đây gọi tắt là Kết luận số 93)");
    expect(lineOf(seed, short.evidence?.start ?? 0)).toBe(9);
    // Line 57: `Kết luận số 93-NQ/TW của Ban Bí thư`: the code says NQ, the word Kết luận: the text's own form.
    const slip = refs.find((r) => r.text.startsWith("Kết luận số 93-NQ/TW")) as ResolvedReference;
    expect(lineOf(seed, slip.start)).toBe(57);
    expect(slip).toMatchObject({ resolvedKey: "93-KL/TW", resolvedBy: "definition" });
    expect(slip.diagnostics.map((d) => d.code)).toEqual(["inconsistent-citation"]);
    expect(slip.citation?.key).toBe("93-NQ/TW");
    expect(backReferences).toEqual([]);
  });

  it("groups the references by document key, in the order first cited (eyecite's resource → citations)", () => {
    const { byKey } = resolve(citations, { text: seed });
    // 93-KL/TW on lines 7, 9 (twice), 15, 21, 23, 31, 53, 55 (twice), 57 (twice), 59; 42-CT/TW on lines 7, 9, 15,
    // 17, 31, 41, 59; 25-KH/TU on lines 9, 21, 23, 31, 59.
    expect([...byKey].map(([key, refs]) => [key, refs.map((r) => lineOf(seed, r.start))])).toEqual([
      ["93-KL/TW", [7, 9, 9, 15, 21, 23, 31, 53, 55, 55, 57, 57, 59]],
      ["42-CT/TW", [7, 9, 15, 17, 31, 41, 59]],
      ["25-KH/TU", [9, 21, 23, 31, 59]],
    ]);
  });

  it("without the text: no definition is known, so the short name is the one full citation before it (line 7)", () => {
    const refs = resolve(citations).citations;
    const short = refs.find((r) => lineOf(seed, r.start) === 15 && r.text.startsWith("Kết luận số 93")) as ResolvedReference;
    expect(short).toMatchObject({ resolvedKey: "93-KL/TW", resolvedBy: "earlier-citation" });
    expect(short.evidence).toEqual({ text: "Kết luận số 93-KL/TW, ngày 20/11/2020 của Ban Bí thư", start: seed.indexOf("Kết luận số 93-KL/TW"), end: seed.indexOf("Kết luận số 93-KL/TW") + 52 });
    expect(lineOf(seed, short.evidence?.start ?? 0)).toBe(7);
    // Line 57 again: now the one consistent form the text cites elsewhere.
    const slip = refs.find((r) => r.text.startsWith("Kết luận số 93-NQ/TW")) as ResolvedReference;
    expect(slip).toMatchObject({ resolvedKey: "93-KL/TW", resolvedBy: "consistent-citation" });
    expect(slip.diagnostics.map((d) => d.code)).toEqual(["inconsistent-citation"]);
  });

  it("returns new data: the citations given are left as they were, and come back in the order given", () => {
    const before = structuredClone(citations);
    const reversed = [...citations].reverse();
    const forward = resolve(citations, { text: seed });
    const backward = resolve(reversed, { text: seed });
    expect(citations).toEqual(before);
    expect(forward.citations.map((r) => r.start)).toEqual(citations.map((c) => c.start));
    expect(backward.citations).toEqual([...forward.citations].reverse());
  });
});

describe("resolve on sentences (each read by hand)", () => {
  const run = (text: string, options: { date?: string | null } = {}) => resolve(extract(text), { text, ...options });
  const summary = (refs: readonly ResolvedReference[]) => refs.map((r) => [r.text, r.resolvedKey, r.resolvedBy, r.diagnostics.map((d) => d.code)]);

  it("a back-reference: the nearest earlier document of its kind", () => {
    const text = "Căn cứ Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng và Kế hoạch số 25-KH/TU. Thực hiện Nghị quyết nêu trên, các cấp ủy triển khai.";
    const r = run(text);
    expect(summary(r.backReferences)).toEqual([["Nghị quyết nêu trên", "20-NQ/TW", "back-reference", []]]);
    expect(r.backReferences[0]?.evidence?.text).toBe("Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng");
    expect(r.byKey.get("20-NQ/TW")?.map((x) => x.text)).toEqual(["Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng", "Nghị quyết nêu trên"]);
    // Without the text there is no back-reference to find.
    expect(resolve(extract(text)).backReferences).toEqual([]);
  });

  it("a law by name: the number the text gives it elsewhere", () => {
    const r = run("Căn cứ Luật Doanh nghiệp số 59/2020/QH14; theo quy định của Luật Doanh nghiệp, công ty phải đăng ký.");
    expect(summary(r.citations)).toEqual([
      ["Luật Doanh nghiệp số 59/2020/QH14", "59/2020/QH14", "identifier", []],
      ["Luật Doanh nghiệp", "59/2020/QH14", "name", []],
    ]);
  });

  it("a law by name alone on a date: the catalogue's version in force then (Luật Đất đai 2013 until 2025-01-01, then 2024)", () => {
    const text = "Căn cứ Luật Đất đai; Căn cứ Luật Nhà ở;";
    const citations = extract(text);
    expect(run(text, { date: "2020-01-01" }).citations.map((r) => r.resolvedKey)).toEqual(["45/2013/QH13", "65/2014/QH13"]);
    const later = run(text, { date: "2025-03-01" }).citations;
    expect(later.map((r) => [r.resolvedKey, r.citation?.keySource])).toEqual([["31/2024/QH15", "catalogue"], ["27/2023/QH15", "catalogue"]]);
    // No date: the name key, as printed; and the citations given keep theirs.
    expect(run(text).citations.map((r) => r.resolvedKey)).toEqual(["Luật đất đai", "Luật nhà ở"]);
    resolve(citations, { date: "2025-03-01" });
    expect(citations.map((c) => [c.key, c.keySource])).toEqual([["Luật đất đai", "printed"], ["Luật nhà ở", "printed"]]);
  });

  it("the date defaults to the text's header; `date: null` says there is none", () => {
    const text = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/QĐ-UBND\nNghệ An, ngày 05 tháng 3 năm 2025\nQUYẾT ĐỊNH\nCăn cứ Luật Đất đai;\n";
    const law = (options: { date?: string | null }) => run(text, options).citations.find((r) => r.text === "Luật Đất đai")?.resolvedKey;
    expect(law({})).toBe("31/2024/QH15");
    expect(law({ date: null })).toBe("Luật đất đai");
  });

  it("a short reference with no full one before it, or with two: unresolved, with the diagnostic that says why", () => {
    const r = run("Kết luận số 93 và Nghị quyết số 20-NQ/TW; Nghị quyết số 20 và Nghị quyết số 20-NQ/TU; Nghị quyết số 20.");
    expect(summary(r.citations)).toEqual([
      ["Kết luận số 93", null, null, ["unresolved-reference"]],
      ["Nghị quyết số 20-NQ/TW", "20-NQ/TW", "identifier", []],
      ["Nghị quyết số 20", "20-NQ/TW", "earlier-citation", []],
      ["Nghị quyết số 20-NQ/TU", "20-NQ/TU", "identifier", []],
      ["Nghị quyết số 20", null, null, ["ambiguous-reference"]],
    ]);
  });

  it("rejects what is not citations or options with an ArgumentError", () => {
    const one = extract("Nghị quyết số 20-NQ/TW")[0] as Citation;
    const badSpans = [{ ...one, spans: {} }, { ...one, spans: { ...one.spans, date: { start: "1" } } }];
    for (const bad of [null, "Nghị quyết số 20-NQ/TW", [{ start: 0 }], [{ ...one, start: -1 }], ...badSpans.map((c) => [c])]) {
      expect(() => resolve(bad as unknown as Citation[]), JSON.stringify(bad)).toThrow(ArgumentError);
    }
    expect(() => resolve([], { text: 5 as unknown as string })).toThrow(ArgumentError);
    expect(() => resolve([], { date: "5/3/2025" })).toThrow(ArgumentError);
    expect(() => resolve([], null as unknown as ResolveOptions)).toThrow(ArgumentError);
  });
});

describe("resolve agrees with parseDocument", () => {
  // Every mention parseDocument resolves, but the text's own title (`self`): resolve does not read the header.
  const agree = (text: string) => {
    const record = parseDocument(text);
    const { citations, backReferences } = resolve(extract(text), { text });
    const ours = new Map([...citations, ...backReferences].map((r) => [r.start, r]));
    const compared = record.mentions.filter((m) => m.resolvedBy !== "self" && (m.citation || m.resolvedKey !== null || ours.has(m.start)));
    expect(compared.length).toBeGreaterThan(0);
    for (const m of compared) {
      const r = ours.get(m.start);
      expect([m.text, r?.resolvedKey, r?.resolvedBy, r?.evidence, r?.diagnostics]).toEqual([m.text, m.resolvedKey, m.resolvedBy, m.evidence, m.diagnostics]);
    }
  };
  for (const f of readdirSync(fixtures).filter((f) => f.endsWith(".txt"))) it(`on fixtures/${f}`, () => agree(readFileSync(join(fixtures, f), "utf8")));
  // The state texts of fixtures/state: consolidated laws full of `Luật này`, `Điều này` and laws by name.
  const stateTexts = readdirSync(join(fixtures, "state")).map((f) => f.replace(/\.expected\.json$/, ""));
  it.skipIf(!hasCorpus)(corpusTest("on the state texts of fixtures/state (from the shared corpus)"), () => {
    const files = readdirSync(CORPUS_DIR).filter((f) => stateTexts.some((name) => f.startsWith(`${name}_`)));
    expect(files).toHaveLength(stateTexts.length);
    for (const f of files) agree(readFileSync(join(CORPUS_DIR, f), "utf8"));
  });
});

describe("resolve on any input (fast-check, fixed seed)", () => {
  const PIECES = ["Nghị quyết số 20-NQ/TW", "Nghị quyết số 20", "Nghị quyết nêu trên", "(sau đây gọi tắt là Nghị quyết số 20)", "Luật Đất đai", "Luật Doanh nghiệp số 59/2020/QH14", "Luật này", "“", "”", "\n", "\r\n", "Ð", "\u0301", "Chương II\n", " ", "số ", "-NQ/TW", "Kết luận số 93-NQ/TW"];
  const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 30 }));

  it("never throws, gives one reference per citation, and each is resolved or says why; spans slice the text", () => {
    fc.assert(
      fc.property(anyText, anyText, fc.boolean(), fc.option(fc.constantFrom("2010-01-01", "2025-06-30")), (text, other, shuffle, date) => {
        const citations = extract(text);
        const given = shuffle ? [...citations].reverse() : citations;
        for (const options of [{ text }, {}, { text: other }, { text, date }]) {
          const r = resolve(given, options);
          expect(r.citations).toHaveLength(given.length);
          for (const ref of [...r.citations, ...r.backReferences]) expect(ref.resolvedKey !== null || ref.diagnostics.length > 0).toBe(true);
          if (options.text === text) for (const ref of [...r.citations, ...r.backReferences]) {
            expect(text.slice(ref.start, ref.end)).toBe(ref.text);
            if (ref.evidence) expect(text.slice(ref.evidence.start, ref.evidence.end)).toBe(ref.evidence.text);
          }
        }
      }),
      { seed: 28, numRuns: 80, endOnFailure: true },
    );
  });

  it("never throws on citations changed by hand: any offsets, keys, kinds, numbers, overlapping or out of the text", () => {
    const base = extract("Căn cứ Nghị quyết số 20-NQ/TW; Luật Đất đai số 31/2024/QH15; Kết luận số 93; Luật Đất đai; Nghị quyết số 20.");
    const edit = fc.record({
      from: fc.nat({ max: base.length - 1 }),
      start: fc.nat({ max: 400 }),
      length: fc.nat({ max: 60 }),
      key: fc.option(fc.oneof(fc.string(), fc.constantFrom("20-NQ/TW", "Luật đất đai", "31/2024/QH15"))),
      nameKey: fc.option(fc.oneof(fc.string(), fc.constantFrom("Luật đất đai", "20-NQ/TW"))),
      kind: fc.option(fc.oneof(fc.string(), fc.constantFrom("Nghị quyết", "Luật", "Kết luận"))),
      number: fc.oneof(fc.string(), fc.constantFrom("20", "0", "93")),
      title: fc.option(fc.string()),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), anyText, (edits, text) => {
        const citations = edits.map(({ from, start, length, ...fields }) => ({ ...(base[from] as Citation), ...fields, start, end: start + length }));
        for (const options of [{ text }, {}, { text, date: "2025-03-01" }]) expect(resolve(citations, options).citations).toHaveLength(citations.length);
      }),
      { seed: 29, numRuns: 80, endOnFailure: true },
    );
  });
});

describe("resolve scales linearly", TIMING, () => {
  const timeOf = (text: string) => {
    const citations = extract(text);
    let best = Infinity;
    // The fastest of five: a collection of the garbage of the run before, or another process, slows one.
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      resolve(citations, { text });
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  it.each([
    ["short references and back-references after one full citation", (n: number) => `Nghị quyết số 20-NQ/TW. ${"Nghị quyết số 20; Nghị quyết nêu trên. ".repeat(n)}`, 1_000],
    ["many documents, each cited in full then short", (n: number) => Array.from({ length: n }, (_, i) => `Kết luận số ${i + 1}-KL/TW và Kết luận số ${i + 1}.`).join("\n"), 1_000],
    ["laws by name, then by name and number", (n: number) => `${"Căn cứ Luật Đất đai; ".repeat(n)}Luật Đất đai số 31/2024/QH15.`, 2_000],
  ] as const)("%s", (_name, make, n) => {
    // Sizes where the smaller run takes milliseconds enough (5–10 ms) that the timer and the collector are noise.
    timeOf(make(n));
    const small = timeOf(make(n));
    const large = timeOf(make(n * 5));
    expect(large / Math.max(small, 1)).toBeLessThan(15);
  });
});
