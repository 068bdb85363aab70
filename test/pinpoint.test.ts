// Pinpoints: structured paths with lists and ranges expanded, attached to what they qualify.
import { describe, expect, it } from "vitest";
import { findPinpoints, parseDocument } from "../src/index.js";

describe("pinpoint forms", () => {
  it.each([
    ["Điều 5", [{ article: "5" }]],
    ["khoản 2 Điều 3", [{ clause: "2", article: "3" }]],
    ["điểm a khoản 1 Điều 12", [{ point: "a", clause: "1", article: "12" }]],
    ["điểm a, b khoản 1 Điều 12", [{ point: "a", clause: "1", article: "12" }, { point: "b", clause: "1", article: "12" }]],
    ["Điều 5, Điều 6 và Điều 7", [{ article: "5" }, { article: "6" }, { article: "7" }]],
    ["các khoản 1, 2 và 4 Điều 8", [{ clause: "1", article: "8" }, { clause: "2", article: "8" }, { clause: "4", article: "8" }]],
    ["từ Điều 5 đến Điều 7", [{ article: "5" }, { article: "6" }, { article: "7" }]],
    ["Điều 10 - 12", [{ article: "10" }, { article: "11" }, { article: "12" }]],
    ["Điều 5a", [{ article: "5a" }]],
    ["Chương II", [{ chapter: "II" }]],
    ["Mục 3", [{ section: "3" }]],
    ["Phụ lục I", [{ appendix: "I" }]],
  ])("%s", (text, paths) => {
    const found = findPinpoints(`theo ${text} của văn bản`);
    expect(found.map((p) => [p.text, p.paths])).toEqual([[text, paths]]);
  });

  // b_030 (Nghị định 102/2024) lists 23 articles after one clause: read whole, however long, as one pinpoint.
  it("reads a list longer than its first window as one pinpoint", () => {
    const articles = Array.from({ length: 30 }, (_, i) => `Điều ${100 + i}`);
    const found = findPinpoints(`tại khoản 8 ${articles.join(", ")} của Luật Đất đai`);
    expect(found).toHaveLength(1);
    expect(found[0]?.paths).toEqual(articles.map((_, i) => ({ clause: "8", article: String(100 + i) })));
  });

  it("finds a pinpoint right after a word's end, never inside a word", () => {
    expect(findPinpoints("xĐiều 5; (Điều 6)").map((p) => p.text)).toEqual(["Điều 6"]);
  });

  // A level it cannot read ends the pinpoint there, with the levels read so far (b_014 `khoản 1 Điều 21của`,
  // b_027 `Điểm I Mục C`); a level read twice starts the next pinpoint.
  it.each([
    ["theo khoản 1 Điều 21của Luật", ["khoản 1"]],
    ["theo Điều 5của Luật", []],
    ["quy định tại Chương II Điều kiện chung", ["Chương II"]],
    ["theo khoản 1 Điều 5 khoản 2 Điều 6 của Luật", ["khoản 1 Điều 5", "khoản 2 Điều 6"]],
  ])("%s", (text, found) => {
    expect(findPinpoints(text).map((p) => p.text)).toEqual(found);
  });

  it("reads decomposed (NFD) text, with spans in it", () => {
    const text = "theo điểm a khoản 1 Điều 12 của Luật".normalize("NFD");
    const [p] = findPinpoints(text);
    expect(p?.paths).toEqual([{ point: "a", clause: "1", article: "12" }]);
    expect(text.slice(p?.start, p?.end)).toBe(p?.text);
  });

  it.each(["Điều lệ Đảng", "đủ điều kiện", "Điều 5. Hiệu lực thi hành", "Chương trình hành động", "Mục tiêu", "điểm đến"])("%s is no pinpoint", (text) => {
    expect(findPinpoints(text)).toEqual([]);
  });

  // Headings dropped before they are read (`Điều 5.`, `Chương II:`) and those read first (`Mục 3` alone, `các Điều 5.`):
  // only the references around them are kept, under every spelling and line end.
  const headed = "Điều 5. Hiệu lực\nChương II: QUY ĐỊNH\nMục 3\nPhụ lục 2.\ntheo khoản 2 Điều 7.\nĐiều 6:\nxem Điều 8, Điều 9.";
  it.each([
    ["clean", headed],
    ["NFD, Ð", headed.normalize("NFD").replace(/Đ/g, "Ð")],
    ["\\r\\n", headed.replace(/\n/g, "\r\n")],
  ])("headings among references (%s)", (_, text) => {
    const found = findPinpoints(text);
    expect(found.map((p) => p.paths)).toEqual([[{ clause: "2", article: "7" }], [{ article: "8" }, { article: "9" }]]);
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});

describe("pinpoints relative to where they stand", () => {
  const text = [
    "Điều 3. Mức giảm",
    "1. Giảm 30% tiền thuê đất.",
    "2. Mức giảm quy định tại khoản 1 Điều này được tính; điểm b khoản này không áp dụng.",
    "[...]",
    "3. Nội dung quy định tại khoản 1 Điều này.",
    "Chương II QUY ĐỊNH VỀ CỔNG THÔNG TIN Điều 9. Nguyên tắc",
    "Theo Khoản 1 Điều này và “khoản 2 Điều này” của luật khác.",
  ].join("\n");
  it("reads `Điều này` and `khoản này` as the article and clause above; not after a gap, in a quotation, or a heading", () => {
    expect(findPinpoints(text).map((p) => [p.text, p.paths])).toEqual([
      ["khoản 1 Điều này", [{ clause: "1", article: "3" }]],
      ["điểm b khoản này", [{ point: "b", clause: "2", article: "3" }]],
      ["Khoản 1 Điều này", [{ clause: "1", article: "9" }]],
    ]);
  });
});

describe("attachment", () => {
  const attach = (text: string) => {
    const d = parseDocument(text, { id: "x" });
    return { cited: d.mentions.filter((m) => m.citation).map((m) => [m.resolvedKey, m.pinpoints.map((p) => p.text)]), own: d.pinpoints.map((p) => p.text) };
  };

  it("to the citation after it", () => {
    expect(attach("theo quy định tại điểm a khoản 1 Điều 12 Nghị định số 30/2020/NĐ-CP.")).toEqual({ cited: [["30/2020/NĐ-CP", ["điểm a khoản 1 Điều 12"]]], own: [] });
    expect(attach("tại Điều 5 của Nghị định số 30/2020/NĐ-CP")).toEqual({ cited: [["30/2020/NĐ-CP", ["Điều 5"]]], own: [] });
  });
  it("to the citation before it", () => {
    expect(attach("Nghị định số 30/2020/NĐ-CP tại Điều 5.")).toEqual({ cited: [["30/2020/NĐ-CP", ["Điều 5"]]], own: [] });
  });
  it("to the document itself: `của Luật này`, or no document named", () => {
    expect(attach("khoản 2 Điều 3 của Luật này; theo quy định tại Điều 7.")).toEqual({ cited: [], own: ["khoản 2 Điều 3", "Điều 7"] });
  });
  it("each to its own citation", () => {
    expect(attach("tại Điều 5 của Nghị định số 30/2020/NĐ-CP và khoản 2 Điều 3 Luật Doanh nghiệp năm 2020").cited).toEqual([
      ["30/2020/NĐ-CP", ["Điều 5"]],
      ["59/2020/QH14", ["khoản 2 Điều 3"]], // Luật Doanh nghiệp năm 2020, by the statutes catalogue
    ]);
  });
});
