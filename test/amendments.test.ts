// What amending texts change: one case per form, and a real amending decree checked item by item.
import { describe, expect, it } from "vitest";
import { CitationGraph, parseDocument } from "../src/index.js";
import { corpusTest, corpusText, hasCorpus } from "./helpers/corpus.js";

const amendments = (text: string) =>
  parseDocument(text, { id: "x" }).amendments.map((a) => ({ action: a.action, target: a.target, paths: a.pinpoint?.paths ?? [], date: a.date, phrase: a.phrase }));

describe("amendment forms", () => {
  const HEAD = "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 119/2014/NĐ-CP như sau:\n";
  it.each([
    ["1. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:", "amends", [{ clause: "2", article: "3" }]],
    ["2. Bổ sung Điều 5a vào sau Điều 5 như sau:", "amends", [{ article: "5a" }]],
    ["3. Bổ sung khoản 11 vào Điều 7 như sau:", "amends", [{ clause: "11", article: "7" }]],
    ["4. Bãi bỏ khoản 3 Điều 64.", "repeals", [{ clause: "3", article: "64" }]],
    ["5. Sửa đổi, bổ sung các khoản 2, 3 và 4 Điều 51 như sau:", "amends", [{ clause: "2", article: "51" }, { clause: "3", article: "51" }, { clause: "4", article: "51" }]],
  ])("%s", (line, action, paths) => {
    expect(amendments(HEAD + line)).toEqual([{ action, target: "119/2014/NĐ-CP", paths, date: null, phrase: null }]);
  });

  // One verb table gives the relation and the amendment (issue 25: `Hủy bỏ`, `Đính chính` gave a relation only).
  it.each([
    ["Điều 1. Hủy bỏ Quyết định số 15/2018/QĐ-UBND ngày 02 tháng 5 năm 2018.", "repeals", "repeals"],
    ["Điều 1. Huỷ bỏ Quyết định số 15/2018/QĐ-UBND ngày 02 tháng 5 năm 2018.", "repeals", "repeals"],
    ["Điều 1. Đính chính khoản 2 Điều 3 Quyết định số 15/2018/QĐ-UBND ngày 02 tháng 5 năm 2018 như sau:", "amends", "corrects"],
  ])("%s: an amendment and its relation", (line, action, relation) => {
    const text = `ỦY BAN NHÂN DÂN TỈNH GIA LAI\nSố: 10/2025/QĐ-UBND\nGia Lai, ngày 05 tháng 10 năm 2025\nQUYẾT ĐỊNH\nVề việc xử lý văn bản\nCăn cứ Luật số 77/2015/QH13;\n${line}`;
    for (const t of [text, text.normalize("NFD").replace(/Đ/g, "Ð")]) {
      const d = parseDocument(t, { id: "x" });
      expect(d.amendments.map((a) => [a.action, a.target])).toEqual([[action, "15/2018/QĐ-UBND"]]);
      expect(d.cited.find((c) => c.key === "15/2018/QĐ-UBND")?.relation).toBe(relation);
    }
  });

  it("reads decomposed (NFD) text with `Ð`: the same amendments, clean words, spans in the text", () => {
    const text = `${HEAD}4. Thay thế cụm từ “Bộ Tài chính” bằng cụm từ “Bộ Kế hoạch” tại khoản 2 Điều 3.\nNghị định số 30/2020/NĐ-CP hết hiệu lực kể từ ngày 01 tháng 7 năm 2025.`;
    const noisy = text.replace(/Đ/g, "\u00D0").normalize("NFD");
    expect(amendments(noisy)).toEqual(amendments(text));
    expect(amendments(noisy)).toEqual([
      { action: "replaces", target: "119/2014/NĐ-CP", paths: [{ clause: "2", article: "3" }], date: null, phrase: { from: "Bộ Tài chính", to: "Bộ Kế hoạch" } },
      { action: "repeals", target: "30/2020/NĐ-CP", paths: [], date: "2025-07-01", phrase: null },
    ]);
    for (const a of parseDocument(noisy).amendments) {
      expect(noisy.slice(a.span.start, a.span.end)).toBe(a.span.text);
      if (a.pinpoint) expect(noisy.slice(a.pinpoint.start, a.pinpoint.end)).toBe(a.pinpoint.text);
    }
  });

  it("refines a numbered item with its lettered sub-items", () => {
    const text = `${HEAD}1. Sửa đổi, bổ sung một số điểm của khoản 2 Điều 5 như sau:\na) Sửa đổi, bổ sung điểm c như sau:\nb) Bãi bỏ điểm h;`;
    expect(amendments(text).map((a) => [a.action, a.paths])).toEqual([
      ["amends", [{ clause: "2", article: "5" }]],
      ["amends", [{ point: "c", clause: "2", article: "5" }]],
      ["repeals", [{ point: "h", clause: "2", article: "5" }]],
    ]);
  });

  it("takes the document a line names over the heading's", () => {
    expect(amendments(`${HEAD}2. Bãi bỏ Điều 7 Thông tư số 01/2011/TT-BNV.`)).toEqual([
      { action: "repeals", target: "1/2011/TT-BNV", paths: [{ article: "7" }], date: null, phrase: null },
    ]);
  });

  it("reads a replaced phrase", () => {
    const [a] = amendments(`${HEAD}3. Thay thế cụm từ “Bộ Giao thông vận tải” bằng cụm từ “Bộ Xây dựng” tại khoản 2 Điều 3.`);
    expect(a).toEqual({ action: "replaces", target: "119/2014/NĐ-CP", paths: [{ clause: "2", article: "3" }], date: null, phrase: { from: "Bộ Giao thông vận tải", to: "Bộ Xây dựng" } });
  });

  it("reads a repeal with its date", () => {
    expect(amendments("Nghị định số 30/2020/NĐ-CP hết hiệu lực kể từ ngày 01 tháng 7 năm 2025.")).toEqual([
      { action: "repeals", target: "30/2020/NĐ-CP", paths: [], date: "2025-07-01", phrase: null },
    ]);
  });

  it("ignores portals' bracketed notes and numbered lines of the new text", () => {
    const text = `${HEAD}1. Sửa đổi [Khoản này hết hiệu lực bởi Khoản 2 Điều 19 Luật số 67/2014/QH13] khoản 4 Điều 9 như sau:\n“4. Cơ quan đăng ký tiếp nhận hồ sơ.”`;
    expect(amendments(text)).toEqual([{ action: "amends", target: "119/2014/NĐ-CP", paths: [{ clause: "4", article: "9" }], date: null, phrase: null }]);
  });
});

describe.skipIf(!hasCorpus)(corpusTest("Nghị định 247/2025/NĐ-CP amending Nghị định 171/2016/NĐ-CP (shared corpus b_047)"), () => {
  const record = parseDocument(corpusText("b_047_Nghi_dinh_247_2025_ND_CP_sua_doi_Nghi_dinh_171_2016_ND_CP.txt"), { id: "b_047" });

  it("finds the twelve items of Điều 1, checked by hand against the text", () => {
    expect(record.key).toBe("247/2025/NĐ-CP");
    expect(record.amendments.map((a) => [a.action, a.target, a.pinpoint?.text])).toEqual([
      ["amends", "171/2016/NĐ-CP", "khoản 10 Điều 3"],
      ["amends", "171/2016/NĐ-CP", "khoản 11 Điều 3"],
      ["amends", "171/2016/NĐ-CP", "khoản 1 Điều 4"],
      ["amends", "171/2016/NĐ-CP", "khoản 2 Điều 4"],
      ["amends", "171/2016/NĐ-CP", "khoản 4 Điều 5"],
      ["amends", "171/2016/NĐ-CP", "khoản 1 Điều 6"],
      ["amends", "171/2016/NĐ-CP", "điểm c khoản 1 Điều 7"],
      ["amends", "171/2016/NĐ-CP", "khoản 2 Điều 7"],
      ["amends", "171/2016/NĐ-CP", "Điều 8"],
      ["amends", "171/2016/NĐ-CP", "Điều 9"],
      ["amends", "171/2016/NĐ-CP", "Điều 10"],
      ["amends", "171/2016/NĐ-CP", "Điều 11"],
    ]);
  });

  it("lists them article by article in the graph", () => {
    const g = new CitationGraph();
    g.add(record);
    const changes = g.amendmentsOf("171/2016/NĐ-CP");
    expect(changes).toHaveLength(12);
    expect(changes.every((c) => c.by === "247/2025/NĐ-CP" && c.action === "amends")).toBe(true);
    expect(changes.slice(0, 3).map((c) => c.paths)).toEqual([[{ clause: "10", article: "3" }], [{ clause: "11", article: "3" }], [{ clause: "1", article: "4" }]]);
    expect(CitationGraph.fromJSON(JSON.parse(JSON.stringify(g.toJSON()))).amendmentsOf("171/2016/NĐ-CP")).toEqual(changes);
  });
});
