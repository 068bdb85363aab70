// One citation per input: the fields each form must produce (eyecite-style table of input → expected).
import { describe, expect, it } from "vitest";
import { type Citation, extract } from "../src/index.js";

type Expected = Partial<Omit<Citation, "diagnostics" | "spans">> & { diagnostics?: string[] };

const CASES: [string, Expected][] = [
  // Party style
  ["Nghị quyết số 20-NQ/TW", { key: "20-NQ/TW", typeCode: "NQ", issuer: "TW", style: "party", kind: "Nghị quyết" }],
  ["Kết luận số 69-KL/TW", { key: "69-KL/TW", typeCode: "KL", kind: "Kết luận" }],
  ["Kế hoạch số 116-KH/TU", { key: "116-KH/TU", issuer: "TU", kind: "Kế hoạch" }],
  ["Hướng dẫn số 171-HD/BTGTU", { key: "171-HD/BTGTU", typeCode: "HD", issuer: "BTGTU" }],
  ["Chương trình hành động số 77-CTr/TU", { key: "77-CTr/TU", typeCode: "CTr", kind: "Chương trình hành động" }],
  ["Công văn số 171-CV/BTGHU", { key: "171-CV/BTGHU", typeCode: "CV", kind: "Công văn" }],
  ["Chỉ thị số 42-CT/TW", { key: "42-CT/TW", typeCode: "CT", kind: "Chỉ thị" }],
  ["theo số 128-KH/HU", { text: "số 128-KH/HU", key: "128-KH/HU", kind: "Kế hoạch", diagnostics: ["bare-identifier"] }],
  ["Quy định số 08-QĐi/TW", { key: "8-QĐi/TW", number: "08", typeCode: "QĐi", kind: "Quy định" }],
  ["Quyết định số 367-QĐ/TWĐTN-VP", { key: "367-QĐ/TWĐTN-VP", typeCode: "QĐ", issuer: "TWĐTN-VP", style: "party" }],
  ["Thông tri số 05-TT/TU", { key: "5-TT/TU", kind: "Thông tri" }],
  ["Báo cáo số 118-BC/ĐU", { key: "118-BC/ĐU", issuer: "ĐU" }],
  ["Thông báo số 139-TB/ĐU", { key: "139-TB/ĐU", typeCode: "TB" }],
  ["Kế hoạch số 97-KH/ĐUK", { key: "97-KH/ĐUK", issuer: "ĐUK" }],
  ["Công văn số 3398-CV/BTGTU", { key: "3398-CV/BTGTU" }],
  ["NGHỊ QUYẾT SỐ 20-NQ/TW", { key: "20-NQ/TW", kind: "Nghị quyết" }],
  ["Nghị Quyết số 20-NQ/TW", { key: "20-NQ/TW", kind: "Nghị quyết" }],
  ["Kết luận 69-KL/TW", { text: "Kết luận 69-KL/TW", key: "69-KL/TW" }],
  ["Số 25-KH/HU", { key: "25-KH/HU" }],
  ["Số: 36-HD/VPTW", { key: "36-HD/VPTW", issuer: "VPTW" }],
  // Front, unions, state
  ["Công văn số 1895/MTTQ-BTT", { key: "1895/MTTQ-BTT", typeCode: null, issuer: "MTTQ-BTT", style: "state", kind: "Công văn" }],
  ["Công văn số 1051/LĐLĐ", { key: "1051/LĐLĐ", typeCode: null, issuer: "LĐLĐ" }],
  ["Số: 300/LĐLĐ", { key: "300/LĐLĐ", kind: null, diagnostics: [] }],
  ["Hướng dẫn số 91/HD-MTTW-BTT", { key: "91/HD-MTTW-BTT", typeCode: "HD", issuer: "MTTW-BTT" }],
  ["Kế hoạch số 16/KH-MTTQ-BTT", { key: "16/KH-MTTQ-BTT", typeCode: "KH", issuer: "MTTQ-BTT" }],
  ["Quyết định số 933/QĐ-TLĐ", { key: "933/QĐ-TLĐ", issuer: "TLĐ" }],
  ["Nghị định số 30/2020/NĐ-CP", { key: "30/2020/NĐ-CP", year: 2020, typeCode: "NĐ", issuer: "CP", style: "state", kind: "Nghị định" }],
  ["Quyết định số 123/QĐ-UBND", { key: "123/QĐ-UBND", year: null, typeCode: "QĐ", issuer: "UBND" }],
  ["Luật số 59/2020/QH14", { key: "59/2020/QH14", typeCode: null, issuer: "QH14", kind: "Luật" }],
  ["Thông tư 01/2011/TT-BNV", { key: "1/2011/TT-BNV", number: "01", typeCode: "TT", kind: "Thông tư" }],
  ["Thông tư số 01/2011/TT-BNV", { key: "1/2011/TT-BNV", issuer: "BNV" }],
  ["Thông tư liên tịch số 02/2015/TTLT-BTNMT-BNV", { key: "2/2015/TTLT-BTNMT-BNV", typeCode: "TTLT", issuer: "BTNMT-BNV", kind: "Thông tư liên tịch" }],
  ["Công văn số 1234/UBND-VX", { key: "1234/UBND-VX", typeCode: null, issuer: "UBND-VX" }],
  ["Nghị định số 73/CP", { key: "73/CP", typeCode: null, issuer: "CP" }],
  ["Quyết định số 66/HĐBT", { key: "66/HĐBT", issuer: "HĐBT" }],
  ["Quyết định số 169-CP", { key: "169-CP", issuer: "CP", style: "state", diagnostics: [] }],
  ["Nghị quyết liên tịch số 19/2008/NQLT/CP-UBTUMTTQVN", { key: "19/2008/NQLT/CP-UBTUMTTQVN", typeCode: "NQLT", issuer: "CP-UBTUMTTQVN" }],
  ["Quyết định số 977/QĐ-TTg", { key: "977/QĐ-TTg", issuer: "TTg" }],
  ["Nghị quyết số 351/2017/UBTVQH14", { key: "351/2017/UBTVQH14", typeCode: null, issuer: "UBTVQH14" }],
  ["Văn bản hợp nhất số 03/VBHN-VPQH", { key: "3/VBHN-VPQH", typeCode: "VBHN", issuer: "VPQH" }],
  ["Thông tư số 09/2014/TTLT-BTP-TANDTC-VKSNDTC-BTC", { key: "9/2014/TTLT-BTP-TANDTC-VKSNDTC-BTC", diagnostics: ["short-type-word"] }],
  ["Luật Doanh nghiệp số 59/2020/QH14", { text: "Luật Doanh nghiệp số 59/2020/QH14", key: "59/2020/QH14", kind: "Luật" }],
  ["Bộ luật Dân sự số 91/2015/QH13", { key: "91/2015/QH13", kind: "Bộ luật" }],
  ["Văn bản số 5/BNV-CCVC", { key: "5/BNV-CCVC", kind: "Văn bản", typeCode: null }],
  // Issuer before the number, date after the issuer
  ["Quyết định của Bộ Chính trị số 31-QĐ/TW, ngày 01-10-1997", { key: "31-QĐ/TW", issuedBy: "Bộ Chính trị", date: "1997-10-01", kind: "Quyết định" }],
  ["Chỉ thị số 42-CT/TW của Bộ Chính trị, ngày 16/4/2010", { key: "42-CT/TW", issuedBy: "Bộ Chính trị", date: "2010-04-16" }],
  // Dates
  ["Kết luận số 69-KL/TW, ngày 11/5/2022", { date: "2022-05-11" }],
  ["Công văn số 1895/MTTQ-BTT, ngày 08/6/2022", { date: "2022-06-08" }],
  ["Nghị quyết số 20-NQ/TW ngày 01 tháng 11 năm 2012", { date: "2012-11-01" }],
  ["Nghị quyết số 20-NQ/TW, ngày 01-11-2012", { date: "2012-11-01" }],
  ["Nghị quyết số 20-NQ/TW, ngày 01.11.2012", { date: "2012-11-01" }],
  ["Quyết định số 416/QĐ-TTg  ngày 06 / 7 /2005", { date: "2005-07-06" }],
  ["Kế hoạch số 5-KH/HU ngày   tháng 02 năm 2025", { date: null, diagnostics: ["incomplete-date"] }],
  ["Kế hoạch số 5-KH/HU ngày 31/02/2022", { date: null, diagnostics: ["invalid-date"] }],
  ["Kế hoạch số 5-KH/HU ngày 12/13/2022", { date: null, diagnostics: ["invalid-date"] }],
  ["Kế hoạch số 5-KH/HU ngày 29/2/2024", { date: "2024-02-29" }],
  // Issuing body, term, subject
  ["Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng (khóa XI)", { issuedBy: "Ban Chấp hành Trung ương Đảng", term: "XI" }],
  ["Chỉ thị số 42-CT/TW của Bộ Chính trị khoá X về công tác", { issuedBy: "Bộ Chính trị", term: "X", subject: "công tác" }],
  ["Nghị quyết số 45-NQ/TW của Ban Chấp hành Trung ương Đảng (Khoá XIII)", { term: "XIII" }],
  ['Kết luận số 50-KL/TW của Ban Bí thư về "Tiếp tục thực hiện Nghị quyết"; Kế hoạch', { subject: "Tiếp tục thực hiện Nghị quyết" }],
  ["Kế hoạch số 166-KH/TU của Ban Thường vụ Tỉnh uỷ thực hiện", { issuedBy: "Ban Thường vụ Tỉnh uỷ", subject: null }],
  ["Nghị định số 96/2023/NĐ-CP của Chính phủ quy định chi tiết", { issuedBy: "Chính phủ" }],
  ["Công văn số 1/UBND-VX của Ủy ban nhân dân tỉnh về việc lập kế hoạch.", { issuedBy: "Ủy ban nhân dân tỉnh", subject: "việc lập kế hoạch" }],
  // Incomplete and odd forms: found and flagged
  ["69-KL/TW", { key: "69-KL/TW", kind: "Kết luận", diagnostics: ["bare-identifier"] }],
  ["Kết luận số 69-KL", { key: null, typeCode: "KL", issuer: null, diagnostics: ["incomplete-identifier"] }],
  ["Chương trình hành động số 77 CT/TU", { key: "77-CT/TU", diagnostics: ["malformed-identifier", "type-code-mismatch"] }],
  ["Kế hoạch số 84 KH/TU", { key: "84-KH/TU", diagnostics: ["malformed-identifier"] }],
  ["Kết luận số 93", { key: null, number: "93", kind: "Kết luận", diagnostics: ["short-reference"] }],
  ["Nghị quyết 20", { key: null, number: "20", kind: "Nghị quyết", diagnostics: ["short-reference"] }],
  ["Kết luận số 93-NQ/TW", { key: "93-NQ/TW", kind: "Kết luận", typeCode: "NQ", diagnostics: ["type-code-mismatch"] }],
  // Noise the normalizer folds
  ["Nghị định số 30/2020/NÐ-CP", { key: "30/2020/NĐ-CP", text: "Nghị định số 30/2020/NÐ-CP" }],
  ["Nghị định số 30/2020/ND-CP", { key: "30/2020/NĐ-CP", diagnostics: ["ocr-repaired"] }],
  ["Nghị quyết số 20–NQ/TW", { key: "20-NQ/TW" }],
  ["Nghị quyết số 20-\nNQ/TW", { key: "20-NQ/TW" }],
  ["Kế hoạch số\n116-KH/TU", { key: "116-KH/TU", kind: "Kế hoạch" }],
  ["Nghi\u0323 quyê\u0301t sô\u0301 20-NQ/TW", { key: "20-NQ/TW", kind: "Nghị quyết" }],
  ["Thông tư số 51/2025/TT-BT\u0421", { key: "51/2025/TT-BTC" }],
  ["Quyết định số 3467 /QĐ-BYT", { key: "3467/QĐ-BYT" }],
];

describe("citation forms", () => {
  it.each(CASES)("%s", (input, expected) => {
    const found = extract(input);
    expect(found, JSON.stringify(found.map((c) => c.text))).toHaveLength(1);
    const c = found[0] as Citation;
    const { diagnostics, ...fields } = expected;
    expect(c).toMatchObject(fields);
    if (diagnostics) expect(c.diagnostics.map((d) => d.code)).toEqual(diagnostics);
    expect(input.slice(c.start, c.end)).toBe(c.text);
  });
});

it("has at least 60 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(60));
