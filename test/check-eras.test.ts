// Old state identifiers read in their era (grammar/eras.json), codes of units (grammar/units.json), joint texts
// named by their short type word: capability × perturbation, every case checked, each with what it must and
// must not report.
import { describe, expect, it } from "vitest";
import erasJson from "../grammar/eras.json";
import unitsJson from "../grammar/units.json";
import { check, extract } from "../src/index.js";

type Case = [name: string, text: string, must: string[], mustNot: string[], needsDay?: string];

const era = erasJson.eras[0] as (typeof erasJson.eras)[number];
// One case per era ministry (ministry/department and ministry/type shapes), from the table itself.
const MINISTRY_CASES: Case[] = era.ministries.flatMap((m): Case[] => [
  [`${m.code}/department, dated in the era`, `Căn cứ Thông tư số 70-${m.code}/TCT ngày 05 tháng 7 năm 1994 của ${m.names[0]};`, [], ["type-code-mismatch", "issuer-mismatch", "unknown-issuer"]],
  [`${m.code}/department, a year only`, `Theo Thông tư 69-${m.code}/ĐT năm 1994.`, [], ["type-code-mismatch", "unknown-issuer"]],
  [`${m.code}/type`, `Căn cứ Thông tư số 15-${m.code}/TT ngày 03 tháng 02 năm 1995;`, [], ["type-code-mismatch", "unknown-type-code"]],
  // Slash forms of the 1990s, found after the rules were written (public legal text, not the corpus).
  [`${m.code}-department after a slash`, `Căn cứ Thông tư số 06/${m.code}-TCDN ngày 24/02/1997;`, [], ["type-code-mismatch"]],
  [`${m.code} alone after a slash`, `Theo Thông tư 108/${m.code} năm 1995.`, [], ["type-code-mismatch", "incomplete-identifier"]],
  [`${m.code}/department dated after the era: today's rules`, `Căn cứ Thông tư số 70-${m.code}/TCT ngày 05 tháng 7 năm 2005;`, ["type-code-mismatch"], []],
]);

const CASES: Case[] = [
  ...MINISTRY_CASES,
  ["type/council of state", "Căn cứ Lệnh số 38-LCT/HĐNN8 ngày 02 tháng 02 năm 1990;", [], ["type-code-mismatch", "unknown-type-code", "unknown-issuer"]],
  ["joint circular of ministries", "Căn cứ Thông tư liên bộ số 12/TT-LB ngày 01 tháng 01 năm 1993;", [], ["type-code-mismatch", "unknown-issuer", "bare-identifier"]],
  // Found after the rules were written (public legal text, not the corpus): the joint ministries both ways round,
  // and a joint circular of the era named by today's word.
  ["joint ministries, ministry/type", "Căn cứ Thông tư liên bộ số 21-LB/TT ngày 17 tháng 3 năm 1994;", [], ["type-code-mismatch", "unknown-type-code", "unknown-issuer"]],
  ["joint circular of the era by today's word", "Căn cứ Thông tư liên tịch 80/TT-LB ngày 05/5/1993;", [], ["type-code-mismatch", "short-type-word"]],
  ["joint circular by today's word after the era", "Căn cứ Thông tư liên tịch 80/TT-LB ngày 05/5/2013;", ["type-code-mismatch"], []],
  ["council of ministers", "Căn cứ Nghị định số 351-HĐBT ngày 03 tháng 4 năm 1990;", [], ["type-code-mismatch", "unknown-issuer"]],
  ["a Party conclusion is never an old state text", "Thực hiện Kết luận số 93-NQ/TW ngày 01 tháng 01 năm 1995.", ["type-code-mismatch"], []],
  ["a Party decision keeps its code", "Căn cứ Quyết định số 217-QĐ/TW ngày 02 tháng 01 năm 2014;", [], ["type-code-mismatch"]],
  ["joint resolution by its short word: a note", "Theo Nghị quyết 72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN.", ["short-type-word"], ["type-code-mismatch"]],
  ["joint circular by its short word: a note", "Căn cứ Thông tư số 09/2014/TTLT-BTP-TANDTC-VKSNDTC-BTC;", ["short-type-word"], ["type-code-mismatch"]],
  ["a ministry's short code and its department", "Căn cứ Quyết định số 3041/QĐ-BNN-TCCB ngày 10/8/1999 của Bộ Nông nghiệp và Phát triển nông thôn;", [], ["issuer-mismatch"]],
  ["the Youth Union's secretariat", "Thay thế Quyết định số 1836-QĐ/TWĐTN ngày 23/6/2006 của Ban Bí thư Trung ương Đoàn;", [], ["issuer-mismatch"]],
  ["a department named by its code after the ministry's", "Theo Công văn số 19046/BTC-TCHQ ngày 30/12/2014 của Tổng cục Hải quan;", [], ["issuer-mismatch"]],
  ["a body that is not the code's still mismatches", "Căn cứ Quyết định số 12/QĐ-BTC ngày 10/8/2019 của Bộ Y tế;", ["issuer-mismatch"], []],
  ["a provincial term is the province's", "Chương trình số 53-CTr/TU ngày 21 tháng 02 năm 2018 của Ban Chấp hành Đảng bộ tỉnh khóa XV.", [], ["term-mismatch"]],
  // (A term is checked against a full date: with a blank one there is nothing to check.)
  ["a central term is the Central Committee's", "Nghị quyết số 19-NQ/TW ngày 25 tháng 10 năm 2017 (khóa X).", ["term-mismatch"], [], "needs the day"],
  ["a body given by its code is that body", "Quyết định 1500/QĐ-TCHQ ngày 24/5/2016 của Tổng cục trưởng Tổng cục Hải quan; Quyết định 1500/QĐ-TCHQ ngày 24/5/2016 của TCHQ.", [], ["inconsistent-citation"]],
  ["a form's number is no identifier", "Báo cáo theo Mẫu số 06-TBTĐ ban hành kèm theo Thông tư này.", [], ["incomplete-identifier", "unknown-type-code"]],
  // One case per unit code of the table: the unit's report, named by the unit of the National Assembly.
  ...unitsJson.units.map((u): Case => [`unit ${u.code}`, `Theo Báo cáo số 166/BC-${u.code} ngày 27 tháng 5 năm 2022 của ${u.names[0]} của Quốc hội;`, [], ["issuer-mismatch", "unknown-issuer"]]),
];

// The perturbations a real text brings: each must leave the reading as it is.
const PERTURB: [string, (s: string) => string][] = [
  ["clean", (s) => s],
  ["NFD", (s) => s.normalize("NFD")],
  ["Ð for Đ", (s) => s.replace(/Đ/g, "\u00D0")],
  ["CRLF", (s) => `${s}\r\nĐiều 1.\r\n`],
  ["CR", (s) => `${s}\rĐiều 1.\r`],
  ["line break after the number", (s) => s.replace(/(\d+)([-/])(?=[A-ZĐ])/, "$1$2\n")],
  ["type word without its marks", (s) => s.replace(/^(\D*?)(Thông tư|Lệnh|Nghị định|Quyết định|Kết luận|Nghị quyết|Báo cáo|Chương trình)/, (_m, pre: string, w: string) => pre + w.normalize("NFD").replace(/[\u0300-\u036f]/g, ""))],
  // A draft's blank date keeps its year, which places the identifier in its era (or after it).
  ["blank day and month", (s) => s.replace(/ngày \d+ tháng \d+ năm (\d{4})/, "ngày …/…/$1").replace(/ngày \d+\/\d+\/(\d{4})/, "ngày …/…/$1")],
  ["upper case type word", (s) => s.replace(/(Thông tư|Lệnh|Nghị định|Quyết định|Kết luận|Nghị quyết|Báo cáo|Chương trình)/, (w) => w.toUpperCase())],
];

describe("identifier eras, units and joint texts", () => {
  const rows = CASES.flatMap(([name, text, must, mustNot, needsDay]) =>
    PERTURB.filter(([p]) => !(needsDay && p === "blank day and month")).map(([p, f]) => ({ name: `${name} (${p})`, text: f(text), must, mustNot })));
  it(`reads ${rows.length} generated cases as their era and body say`, () => {
    const wrong: string[] = [];
    for (const r of rows) {
      const got = new Set<string>(check(r.text).map((d) => d.code));
      for (const m of r.must) if (!got.has(m)) wrong.push(`${r.name}: no ${m}`);
      for (const m of r.mustNot) if (got.has(m)) wrong.push(`${r.name}: ${m}`);
    }
    expect(wrong).toEqual([]);
  });
  it("gives an old identifier the codes of its era, its key as printed", () => {
    const [c] = extract("Theo Thông tư 70-TC/TCT năm 1994.");
    expect(c).toMatchObject({ key: "70-TC/TCT", typeCode: null, issuer: "TC/TCT", style: "state", kind: "Thông tư" });
    const [t] = extract("Căn cứ Thông tư số 15-BTC/TT ngày 03 tháng 02 năm 1995;");
    expect(t).toMatchObject({ key: "15-BTC/TT", typeCode: "TT", issuer: "BTC", style: "state" });
  });
  it("gives a slash form of the era its ministry, and a key as printed", () => {
    expect(extract("Theo Thông tư 108/TC năm 1995.")[0]).toMatchObject({ key: "108/TC", typeCode: null, issuer: "TC" });
    expect(extract("Căn cứ Thông tư số 06/TC-TCDN ngày 24/02/1997;")[0]).toMatchObject({ key: "6/TC-TCDN", typeCode: null, issuer: "TC-TCDN" });
    // Not for a word whose own code it is, nor for a number with no ministry.
    expect(check("Thông cáo số 3/TC.").map((d) => d.code)).toContain("incomplete-identifier");
  });
  it("reads an old identifier with today's tables once its date is after the era", () => {
    const [c] = extract("Căn cứ Thông tư số 70-TC/TCT ngày 05 tháng 7 năm 2005;");
    expect(c).toMatchObject({ typeCode: "TC", issuer: "TCT", style: "party" });
  });
  it("has a source for every era and unit code", () => {
    for (const list of [era.ministries, era.types, era.issuers, unitsJson.units]) for (const e of list) expect(e.source.length).toBeGreaterThan(10);
  });
});
