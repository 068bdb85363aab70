// The statutes catalogue (grammar/statutes.json): its invariants, laws by name resolved to their numbers, whole
// titles on a generated suite of real titles, damaged titles repaired, and the cross-checks.
import { describe, expect, it } from "vitest";
import { check, extract, parseDocument } from "../src/index.js";
import { catalogueProblems, matchTitle, STATUTES, statuteOf, titleWords } from "../src/extract/statute-catalogue.js";
import { scored, SHAPES, suite, VARIANTS } from "./statutes-suite.js";

describe("the catalogue", () => {
  it("holds well-formed numbers, ordered dates, every law it refers to, a source for each entry", () => {
    expect(STATUTES.length).toBeGreaterThan(200);
    expect(catalogueProblems(STATUTES)).toEqual([]);
  });

  it("holds facts as the laws' own texts state them", () => {
    // Luật số 76/2015/QH13 (header), passed 19/6/2015; Luật Đất đai 45/2013/QH13 ended by 31/2024/QH15 (its Điều 252).
    expect(statuteOf("76/2015/QH13")).toMatchObject({ kind: "Luật", title: "Tổ chức Chính phủ" });
    expect(statuteOf("45/2013/QH13")).toMatchObject({ passed: "2013-11-29", inForce: "2014-07-01", replacedBy: "31/2024/QH15", outOfForce: "2025-01-01" });
    expect(statuteOf("68/2014/QH13")?.replaces).toEqual(["37/2013/QH13", "60/2005/QH11"]);
  });

  it("finds the longest title, whatever the marks, and no title below the repair threshold", () => {
    const m = (s: string) => {
      const w = titleWords(s);
      const r = matchTitle((i) => w[i]);
      return r && { words: r.words, cost: r.cost, numbers: r.versions.map((v) => v.number) };
    };
    expect(m("Luật Đầu tư công năm")).toMatchObject({ words: 4, cost: 0 });
    expect(m("Luat Dau tu cong")?.numbers).toContain("58/2024/QH15");
    expect(m("Luật Ngân sácb nhà nuớc")).toMatchObject({ words: 5, cost: 1 });
    // Two repairs, or a repaired two-word title, are no match.
    expect(m("Luật Ngân sácb nhà nuớt")?.words ?? 0).toBeLessThan(5);
    expect(m("Luật Đấu thau")).toMatchObject({ cost: 0 });
    expect(m("Luật Đấu thay")).toBeNull();
  });
});

describe("laws by name resolved to their numbers", () => {
  it.each([
    ["Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", "Tổ chức Chính phủ", "76/2015/QH13"],
    ["Căn cứ Luật An toàn, vệ sinh lao động ngày 25 tháng 6 năm 2015;", "An toàn, vệ sinh lao động", "84/2015/QH13"],
    ["Căn cứ Luật Tiêu chuẩn và quy chuẩn kỹ thuật ngày 29 tháng 6 năm 2006;", "Tiêu chuẩn và quy chuẩn kỹ thuật", "68/2006/QH11"],
    ["Căn cứ Luật Luật sư ngày 29 tháng 6 năm 2006;", "Luật sư", "65/2006/QH11"],
    ["Căn cứ Luật Tổ chức\nChính phủ ngày 19 tháng 6 năm 2015;", "Tổ chức Chính phủ", "76/2015/QH13"],
  ])("%s", (text, title, key) => {
    const [c, ...rest] = extract(text);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ title, key, keySource: "catalogue" });
  });

  it("reads an amending law's title whole, the laws it names too", () => {
    const [c, ...rest] = extract("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;");
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ key: "47/2019/QH14", keySource: "catalogue", date: "2019-11-22" });
    const [d] = extract("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán và Luật Phòng, chống thiên tai;");
    expect(d?.title).toBe("sửa đổi, bổ sung một số điều của Luật Chứng khoán và Luật Phòng, chống thiên tai");
  });

  it("repairs a damaged title, on record, the printed text kept", () => {
    const text = "Căn cứ Luật Ngân sácb nhà nuớc ngày 25 tháng 6 năm 2015;";
    const [c] = extract(text);
    expect(c).toMatchObject({ key: "83/2015/QH13", title: "Ngân sách nhà nước", keySource: "catalogue" });
    expect(c?.spans.title?.text).toBe("Ngân sácb nhà nuớc");
    expect(c?.diagnostics.map((d) => [d.code, text.slice(d.start, d.end)])).toEqual([["ocr-repaired", "Ngân sácb nhà nuớc"]]);
    expect(c?.confidence).toBeLessThan(1);
    // A dropped word.
    expect(extract("Căn cứ Luật Ngân sách nước ngày 25 tháng 6 năm 2015;")[0]).toMatchObject({ key: "83/2015/QH13" });
  });

  it("fills a law's date the reader could not finish from the catalogue, where what was read agrees", () => {
    const text = "Căn cứ Luật Đấu thầu ngày 23 tháng б năm 2023;";
    const [c] = extract(text);
    expect(c).toMatchObject({ key: "22/2023/QH15", date: "2023-06-23" });
    expect(c?.diagnostics.map((d) => [d.code, text.slice(d.start, d.end)])).toEqual([["ocr-repaired", "ngày 23 tháng б năm 2023"]]);
    // The day read (24) is not the law's (23): no guess.
    expect(extract("Căn cứ Luật Đấu thầu ngày 24 tháng б năm 2023;")[0]).toMatchObject({ date: null });
  });

  it("keeps the name key where the catalogue names no version", () => {
    expect(extract("theo Luật Đất đai.")[0]).toMatchObject({ key: "Luật đất đai", keySource: "printed" });
    expect(extract("theo Luật Đất đai năm 2016.")[0]).toMatchObject({ key: "Luật đất đai năm 2016", keySource: "printed" });
  });

  it("takes a law by name alone in the version in force on the document's date", () => {
    const d = parseDocument("ỦY BAN NHÂN DÂN\nSố: 5/QĐ-UBND\nHà Nội, ngày 5 tháng 3 năm 2020\nQUYẾT ĐỊNH\nCăn cứ Luật Đất đai;\n");
    expect(d.mentions.map((m) => m.citation?.key)).toEqual(["45/2013/QH13"]);
  });

  it("reads no citation in a law's enacting formula", () => {
    expect(extract("Quốc hội ban hành Luật doanh nghiệp.")).toEqual([]);
    expect(extract("Ủy ban thường vụ Quốc hội ban hành Pháp lệnh Chi phí tố tụng.")).toEqual([]);
  });
});

describe("whole titles on a generated suite of real titles × shapes × variants", () => {
  const { text, cases } = suite();
  const results = scored(cases, extract(text));
  const rate = (f: (r: (typeof results)[number]) => boolean, rs = results) => rs.filter(f).length / rs.length;

  it("reads whole title and date right on 98 % or more of the cases", () => {
    expect(cases.length).toBeGreaterThan(1000);
    expect(rate((r) => r.title && r.date)).toBeGreaterThanOrEqual(0.98);
  });

  it.each([...VARIANTS, ...SHAPES])("%s: 97 % or more", (v) => {
    const of = results.filter((r) => r.variant === v || r.shape === v);
    expect(rate((r) => r.title && r.date && r.key, of)).toBeGreaterThanOrEqual(0.97);
  });
});

describe("cross-checks from the catalogue", () => {
  const text = [
    "ỦY BAN NHÂN DÂN", "Số: 12/QĐ-UBND", "Hà Nội, ngày 5 tháng 3 năm 2022", "QUYẾT ĐỊNH",
    "Căn cứ Luật Tổ chức Chính phủ số 77/2015/QH13 ngày 19 tháng 6 năm 2015;",
    "Căn cứ Luật Doanh nghiệp số 68/2014/QH13 ngày 26 tháng 11 năm 2014;",
    "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 ngày 20 tháng 6 năm 2015;",
    "Căn cứ Luật Đất đai năm 2016;", "QUYẾT ĐỊNH:",
  ].join("\n");
  const found = check(text).filter((d) => d.code.startsWith("statute-"));

  it("flags a name and number of two laws, a date not the law's, a year of no version, a basis out of force", () => {
    expect(found.map((d) => [d.code, text.slice(d.start, d.end)])).toEqual([
      ["statute-name-mismatch", "Tổ chức Chính phủ"],
      ["statute-out-of-force", "Luật Doanh nghiệp số 68/2014/QH13 ngày 26 tháng 11 năm 2014"],
      ["statute-date-mismatch", "ngày 20 tháng 6 năm 2015"],
      ["statute-no-version", "Luật Đất đai năm 2016"],
    ]);
    expect(found[1]?.message).toBe("68/2014/QH13 is cited as a basis but has been out of force since 2021-01-01 (replaced by 59/2020/QH14).");
  });
});
