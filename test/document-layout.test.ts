// The layout grammar: a document's lines, classified once (src/document/layout). Expected values read off the texts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readLayout } from "../src/document/layout/grammar.js";

const DECISION = [
  "QUYẾT ĐỊNH", // 0
  "Về việc ban hành Quy chế", // 1
  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", // 2
  "Căn cứ Nghị định số 30/2020/NĐ-CP", // 3
  "của Chính phủ về công tác văn thư;", // 4
  "QUYẾT ĐỊNH:", // 5
  "Chương I", // 6
  "QUY ĐỊNH CHUNG", // 7
  "Điều 1. Phạm vi", // 8
  "1. Quy chế này quy định:", // 9
  "a) việc soạn thảo;", // 10
  "", // 11 (blank: no line)
  "Điều 2a: Hiệu lực", // 12
  "[...]", // 13
  "Mục 2", // 14
  "PHỤ LỤC I", // 15
].join("\n");

const at = (text: string, line: number) => text.split("\n").slice(0, line).join("\n").length + (line > 0 ? 1 : 0);

describe("readLayout", () => {
  const layout = readLayout(DECISION);
  it("classifies every non-blank line by what opens it", () => {
    expect(layout.lines.map((l) => l.kind)).toEqual([
      "text", "text", "preamble", "preamble", "text", "enacting", "chapter", "text", "article", "clause", "point", "article", "omission", "section", "appendix",
    ]);
  });
  it("gives headings with their numbers at their lines' starts (normalized offsets)", () => {
    expect(layout.articles).toEqual([{ start: at(DECISION, 8), number: "1" }, { start: at(DECISION, 12), number: "2a" }, { start: at(DECISION, 13), number: null }]);
    expect(layout.clauses).toEqual([{ start: at(DECISION, 9), number: "1" }]);
    expect(layout.points).toEqual([{ start: at(DECISION, 10), number: "a" }]);
    expect(layout.divisions).toEqual([{ start: at(DECISION, 6), number: "I" }, { start: at(DECISION, 14), number: "2" }]);
    expect(layout.appendices).toEqual([{ start: at(DECISION, 15), number: "I" }]);
    expect(layout.enacting).toBe(at(DECISION, 5));
  });
  it("runs a basis of the preamble over the lines that continue it", () => {
    expect(layout.preamble).toEqual([
      { start: at(DECISION, 2), end: at(DECISION, 3) - 1 },
      { start: at(DECISION, 3), end: at(DECISION, 5) - 1 },
    ]);
  });
  it("splits a chapter and its first article flattened onto one line", () => {
    const text = "Chương II QUY ĐỊNH VỀ XUẤT KHẨU LAO ĐỘNG GIA Điều 9. Nguyên tắc";
    const l = readLayout(text);
    expect(l.lines.map((x) => x.kind)).toEqual(["chapter", "article"]);
    expect(l.articles).toEqual([{ start: text.indexOf("Điều"), number: "9" }]);
  });
  it("joins an article heading broken after its word (`Điều ⏎ 82.`), which is no clause 82", () => {
    const l = readLayout("Điều\n82. Trách nhiệm thi hành\n1. Các Bộ trưởng");
    expect(l.articles).toEqual([{ start: 0, number: "82" }]);
    expect(l.clauses).toEqual([{ start: 30, number: "1" }]);
    expect(readLayout("Điều\nkhoản").articles).toEqual([]);
  });
  it("takes a table's row for no clause (`| 1. Nộp thuế |`)", () => {
    expect(readLayout("Điều 27. Mẫu\n| 1. Nộp thuế | x |\n| II. Than |").lines.map((x) => x.kind)).toEqual(["article", "text", "text"]);
  });
  it("marks the lines a plan's sections open (`I.`, `II -`, `1.`, `2)`, `3/`, a table's row too), no date or decimal", () => {
    const l = readLayout("KẾ HOẠCH\nI. MỤC ĐÍCH\nII - YÊU CẦU\n1. Tuyên truyền\n2) Tổ chức\n| 3/ Kinh phí |\n12.5 tỷ đồng\n25/12/2024\nĐiều 1. Phạm vi");
    expect(l.lines.map((x) => x.isNumbered)).toEqual([false, true, true, true, true, true, false, false, false]);
  });
  it("reads any line end, markdown leads and a text without lines", () => {
    const l = readLayout("## Điều 3. Hiệu lực\r\n2. Khoản hai\u2028b) điểm b");
    expect(l.lines.map((x) => x.kind)).toEqual(["article", "clause", "point"]);
    expect(readLayout("").lines).toEqual([]);
    expect(readLayout("\n\n  \n").lines).toEqual([]);
  });
  it("takes a reference inside a line for no heading (only a line's start is)", () => {
    expect(readLayout("theo quy định tại Điều 5. Nội dung").articles).toEqual([]);
    expect(readLayout("Căn cứ vào Điều 5.").lines.map((x) => x.kind)).toEqual(["preamble"]);
  });
  it("gives any string a layout: lines in order, inside the text, each heading a line's", () => {
    const pieces = ["Điều", " 5", ".", ":", "\n", "\r\n", "\u2028", "Chương", " II", "1.", "a)", "[...]", "Căn cứ", "QUYẾT ĐỊNH", "*", "#", "|", " ", "GIA ", "Phụ lục", "\u0300", "x"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join("")), (text) => {
        const l = readLayout(text);
        let last = -1;
        for (const line of l.lines) {
          expect(line.start).toBeGreaterThan(last);
          expect(line.start <= line.at && line.at <= line.end && line.end <= text.length).toBe(true);
          last = line.start;
        }
        const starts = new Set(l.lines.map((x) => x.start));
        for (const h of [...l.articles, ...l.clauses, ...l.points, ...l.divisions, ...l.appendices]) expect(starts.has(h.start)).toBe(true);
      }),
    );
  });
});
