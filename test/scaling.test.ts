// parseDocument and check stay linear on text that once made them re-read the rest of the text at each spot
// (issue 15): each pattern at two sizes, the time ratio held near the size ratio. No absolute time is asserted.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCorpus, checkDocument, CitationGraph, extract, parseDocument } from "../src/index.js";
import { TIMING } from "./helpers/timing.js";
import { CORPUS_DIR, hasCorpus } from "./helpers/corpus.js";
import { strip as noMarks } from "./noise.js";

// Real text: the shared corpus, or the seed texts where it is absent.
const corpus = hasCorpus ? CORPUS_DIR : join(import.meta.dirname, "..", "fixtures");
const real = readdirSync(corpus).filter((f) => f.endsWith(".txt")).sort().slice(0, 30).map((f) => readFileSync(join(corpus, f), "utf8")).join("\n");


/** The fastest of a few runs of parseDocument and check on `text`, in ms (the fastest is the least disturbed). */
function timeOf(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    checkDocument(parseDocument(text));
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const SIZE_RATIO = 5;
// Generous: a machine shared with other work is noisy; the patterns fixed here grew with the square of the size.
const BOUND = 3 * SIZE_RATIO;

describe("parseDocument and check scale linearly", TIMING, () => {
  it.each([
    ["a number run into the next word: `Điều 5của`", (n: number) => "Điều 5của văn bản ".repeat(n), 400],
    ["a number run into a letter: `khoản 1ề`", (n: number) => "khoản 1ề văn bản ".repeat(n), 400],
    ["a level word that is a word: `Chương II Điều kiện`", (n: number) => "Chương II Điều kiện chung ".repeat(n), 300],
    ["`khoản 1 Điều này` with no article heading", (n: number) => "khoản 1 Điều này\n".repeat(n), 400],
    ["short-name definitions: `(sau đây gọi tắt là Luật A)`", (n: number) => "(sau đây gọi tắt là Luật A) ".repeat(n), 300],
    ["back-references: `Nghị quyết nêu trên`", (n: number) => "Nghị quyết nêu trên ".repeat(n), 300],
    ["real text with no line breaks", (n: number) => real.slice(0, n * 100).replace(/\n/g, " "), 300],
    // Offsets moved by normalization: the stages' spans are mapped to the original in one pass at the end.
    ["real text decomposed, with `Ð` and `\\r\\n`", (n: number) => real.slice(0, n * 100).normalize("NFD").replace(/Đ/g, "\u00D0").replace(/\n/g, "\r\n"), 300],
    ["a list of items under one act (the body's grammar over lines)", (n: number) => `Điều 1. Bãi bỏ các quyết định sau:\n${Array.from({ length: n }, (_, i) => `${i + 1}. Quyết định số ${i + 1}/QĐ-UBND ngày 5/3/2020 của Ủy ban nhân dân tỉnh;`).join("\n")}`, 200],
    // The amendments' lines end at `\r` as at `\n` (a line read to the next `\n` ran to the end of such a text).
    ["lines broken by `\\r` alone", (n: number) => "Điều 1. Bãi bỏ quy định của Nghị định số 5/2020/NĐ-CP\r".repeat(n), 200],
    // Parses are remembered under their first tokens: one start followed by ever new words keeps few of them.
    // Laws by name read against the statutes catalogue, damaged ones repaired (the search with repairs).
    ["laws by name, damaged and whole, against the catalogue", (n: number) => "Căn cứ Luật Ngân sácb nhà nuớc ngày 25 tháng 6 năm 2015 và Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán và Luật Phòng, chống thiên tai;\n".repeat(n), 150],
    // The layout grammar over the lines: every kind of line, and headings flattened or broken after their word.
    ["lines of every layout kind", (n: number) => "Phần thứ nhất\nChương II QUY ĐỊNH GIA Điều 9. Nguyên tắc\nMục 1\nI. MỤC ĐÍCH\nĐiều\n82. Trách nhiệm\n1. khoản Điều này\na) điểm\n[...]\nCăn cứ Luật A;\nQUYẾT ĐỊNH:\nPHỤ LỤC I\n".repeat(n), 100],
    // Header fields: a subject of many lines and a long list of recipients, each value cleaned (printedValue).
    ["a subject of many lines, a long list of recipients", (n: number) => `KẾ HOẠCH\n${"dòng **của** trích  yếu\n".repeat(n)}\nNơi nhận:\n${"- Ban A;\n".repeat(n)}`, 2_000],
    // The preamble's segments (layout/segments.ts): a page flattened onto one line, every basis after a title in
    // capitals, `;` and sentence ends, the first article inline at the end.
    ["a preamble flattened onto one line, its first article inline", (n: number) => `${"VỀ VIỆC THU HỒI Căn cứ Luật Đất đai số 31/2024/QH15; - Căn cứ Nghị định số 102/2024/NĐ-CP. Xét đề nghị: ".repeat(n)}QUYẾT ĐỊNH: Điều 1. Bãi bỏ Quyết định số 15/2018/QĐ-UBND.`, 150],
    // Text that lost its marks (docs/marks.md): the tables' patterns read `Dieu`, `nay`, `khoan` too.
    ["real text without marks, no line breaks", (n: number) => noMarks(real.slice(0, n * 100)).replace(/\n/g, " "), 300],
    ["lines of every layout kind, without marks", (n: number) => noMarks("Phần thứ nhất\nChương II QUY ĐỊNH GIA Điều 9. Nguyên tắc\nMục 1\nĐiều\n82. Trách nhiệm\n1. khoản Điều này\na) điểm\nCăn cứ Luật A;\nQUYẾT ĐỊNH:\nPHỤ LỤC I\n").repeat(n), 100],
    ["`nay` (now) and `này` (this) without marks, after type words", (n: number) => "hien nay khoan 1 Dieu nay Thong tu nay thay the Quyet dinh nay ".repeat(n), 300],
    ["one citation's start with a new date each time", (n: number) => Array.from({ length: n }, (_, i) => `Nghị quyết số 20-NQ/TW ngày ${1 + (i % 28)}/${1 + (i % 12)}/${1950 + (i % 70)} về việc ${i}`).join(";\n"), 300],
  ] as const)("%s", (_name, make, n) => {
    timeOf(make(n)); // warm-up: the lexers and parsers are built, the code compiled
    const small = timeOf(make(n));
    const large = timeOf(make(n * SIZE_RATIO));
    expect(large / Math.max(small, 1)).toBeLessThan(BOUND);
  });
});

describe("extract scales linearly", TIMING, () => {
  /** The fastest of a few runs of extract on `text`, in ms. */
  const extractTime = (text: string) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      extract(text);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };

  // The subject's opening (`  **  về “…`) once tried every split of a long run of spaces between three patterns.
  it.each([
    ["a citation, then a long run of spaces", (n: number) => `Nghị quyết số 20-NQ/TW${" ".repeat(n)}x`, 2_000],
    ["citations apart by long runs of tabs", (n: number) => `Kết luận số 5-KL/TW${"\t".repeat(n)}`.repeat(4), 1_000],
    // A date's pieces are read as far as they are glued or blank, a list of numbers as far as its code (issue 26).
    ["a date's blank run", (n: number) => `Kế hoạch số 5-KH/TU ngày ${"… ".repeat(n)}/4/2021 của Ban Thường vụ`, 20_000],
    ["a date's digits and brackets glued on and on", (n: number) => `Kế hoạch số 5-KH/TU ngày ${"1[".repeat(n)}/4/2021`, 20_000],
    ["numbers under one code, a long list", (n: number) => `Kết luận số ${"1, ".repeat(n)}2-KL/TW`, 50_000],
    ["numbers with no code after them", (n: number) => `Kết luận số ${"1, ".repeat(n)}`, 50_000],
    ["dates of a draft again and again", (n: number) => "Kế hoạch số 5-KH/TU ngày … tháng … năm 20… của Ban Thường vụ về việc x;\n".repeat(n), 400],
    // Places of issuing bodies (src/extract/place.ts): a long run of capitalized words or of unit words after a body.
    ["a long run of capitalized words after a unit word", (n: number) => `Quyết định số 1/QĐ-UBND của UBND tỉnh ${"Quảng Nam Bắc ".repeat(n)}về việc`, 200],
    ["unit words over and over after a body", (n: number) => `Quyết định số 1/QĐ-UBND của UBND ${"tỉnh thành phố TP. ".repeat(n)}`, 200],
    ["committees with their provinces", (n: number) => Array.from({ length: n }, (_, i) => `Chỉ thị số ${i}-CT/TU của Tỉnh ủy Nghệ An về việc ${i};`).join("\n"), 1_000],
  ] as const)("%s", (_name, make, n) => {
    extractTime(make(n));
    const small = extractTime(make(n));
    const large = extractTime(make(n * SIZE_RATIO));
    expect(large / Math.max(small, 1)).toBeLessThan(BOUND);
  });
});

it("reads a list of 150 000 items under one act without running out of stack", () => {
  const text = `QUYẾT ĐỊNH\nĐiều 1. Bãi bỏ các văn bản sau:\n${"- x\n".repeat(150_000)}Điều 2. Hiệu lực\n`;
  expect(() => checkDocument(parseDocument(text, { id: "x" }))).not.toThrow();
});

describe("checkCorpus", TIMING, () => {
  // Two texts spell 77-CT/TU against three spelling 77-CTr/TU (a Chương trình): the related places name their text.
  const texts = [
    ["a", "Thực hiện Chương trình hành động số 77-CT/TU của Tỉnh ủy."],
    ["b", "Căn cứ Chương trình hành động số 77-CTr/TU của Tỉnh ủy."],
    ["c", "Theo Chương trình hành động số 77-CTr/TU."],
    ["d", "Chương trình hành động số 77-CTr/TU đã nêu."],
  ] as const;
  const run = (order: readonly (typeof texts)[number][]) => {
    const g = new CitationGraph();
    for (const [id, text] of order) g.add(parseDocument(text, { id }));
    return checkCorpus(g);
  };

  it("gives each related span the document it points into, whatever the order documents were added in", () => {
    const forward = run(texts);
    expect(forward.map((d) => d.doc)).toEqual(["a"]);
    const related = forward[0]?.diagnostic.related ?? [];
    expect(related.map((r) => r.doc)).toEqual(["b", "c", "d"]);
    for (const r of related) {
      const text = texts.find(([id]) => id === r.doc)?.[1] as string;
      expect(text.slice(r.start, r.end)).toBe(r.text);
    }
    expect(run([...texts].reverse())).toEqual(forward);
  });
});

// Shapes whose cost was bounded per character but by a large bound (a pattern reading 3 000 characters at each
// `[`), or quadratic only past a size a two-size test cannot afford: each against a harmless text of the same
// size and the same citations, which it should cost about as much as (issue 26).
describe("a hostile shape costs about what a harmless one of its size does", TIMING, () => {
  /** The fastest of three runs of each, taken in turns (a busy machine slows both alike), in ms. */
  const bestOfEach = (a: () => void, b: () => void) => {
    const best = [Infinity, Infinity];
    for (let i = 0; i < 3; i++) {
      for (const [k, run] of [a, b].entries()) {
        const at = performance.now();
        run();
        best[k] = Math.min(best[k] as number, performance.now() - at);
      }
    }
    return best as [number, number];
  };
  const document = (text: string) => () => checkDocument(parseDocument(text));
  it.each([
    ["a run of `[` (parseDocument and check)", document("[".repeat(1_000_000)), document("a".repeat(1_000_000))],
    ["`[` before words, never closed", document("[Khoản này ".repeat(20_000)), document("(Khoản này ".repeat(20_000))],
    // Each preamble clause read 3 000 characters for its end: a line of thousands of them, with marks or without.
    ["`Căn cứ ` on one line (parseDocument and check)", document(`QUYẾT ĐỊNH\n${"Căn cứ ".repeat(16_000)}`), document(`QUYẾT ĐỊNH\n${"Cần có ".repeat(16_000)}`)],
    ["`Can cu ` on one line (parseDocument and check)", document(`QUYẾT ĐỊNH\n${"Can cu ".repeat(16_000)}`), document(`QUYẾT ĐỊNH\n${"Cần có ".repeat(16_000)}`)],
    // isOwnTitle trimmed the whole line before each title to see whether it starts the line.
    ["`LUẬT ĐẤT ĐAI ` on one line (extract)", () => extract("LUẬT ĐẤT ĐAI ".repeat(20_000)), () => extract("Luật đất đai ".repeat(20_000))],
  ] as const)("%s", (_name, hostile, harmless) => {
    hostile();
    harmless();
    const [slow, fast] = bestOfEach(hostile, harmless);
    // The same work but for the shape: a bound well under what each cost before (5× to 1 000×); under 10 ms a
    // pause of the machine is no measure.
    expect(slow / Math.max(fast, 10)).toBeLessThan(3);
  });
});
