// The parts of a citation as a reader reads them on real, page-broken text: issuing body, whole law names,
// lists, damaged dates. One table of input → expected parts (each citation in order), with negatives.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Citation, extract } from "../src/index.js";

type Parts = Partial<Pick<Citation, "key" | "nameKey" | "kind" | "issuedBy" | "issuedByKey" | "title" | "date" | "term" | "subject">> & {
  diagnostics?: string[];
  /** The text of the issuing body's span. */
  bySpan?: string;
};

const CASES: [string, string, Parts[]][] = [
  // A line break inside a body or a name is a space.
  ["break in Chính⏎phủ", "Nghị định số 30/2020/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính\nphủ về công tác văn thư", [
    { key: "30/2020/NĐ-CP", issuedBy: "Chính phủ", issuedByKey: "chính phủ", bySpan: "Chính\nphủ", subject: "công tác văn thư" }]],
  ["break in Bộ⏎Chính trị", "Kết luận số 12-KL/TW của Bộ\nChính trị;", [{ issuedBy: "Bộ Chính trị" }]],
  ["break in Thủ tướng⏎Chính phủ", "Quyết định số 12/QĐ-TTg của Thủ tướng\nChính phủ;", [{ issuedBy: "Thủ tướng Chính phủ" }]],
  ["break in a law's name", "Căn cứ Luật Ban hành văn bản\nquy phạm pháp luật ngày 19 tháng 02 năm 2025;", [
    { key: "Luật ban hành văn bản quy phạm pháp luật năm 2025", title: "Ban hành văn bản quy phạm pháp luật", date: "2025-02-19" }]],
  ["break after Bộ luật", "Căn cứ Bộ luật\nLao động;", [{ key: "Bộ luật lao động", title: "Lao động" }]],
  ["break in địa⏎phương", "Căn cứ Luật Tổ chức chính quyền địa\nphương ngày 19/6/2015;", [{ title: "Tổ chức chính quyền địa phương", date: "2015-06-19" }]],
  // Body words that look like other words.
  ["Ban Tổ chức Trung ương", "Hướng dẫn số 16-HD/BTCTW của Ban Tổ chức Trung ương về", [
    { issuedBy: "Ban Tổ chức Trung ương", issuedByKey: "ban tổ chức trung ương đảng" }]],
  ["Ban Chỉ đạo 35 Huyện ủy", "Kế hoạch số 5-KH/BCĐ của Ban Chỉ đạo 35 Huyện ủy về", [{ issuedBy: "Ban Chỉ đạo 35 Huyện ủy", issuedByKey: "ban chỉ đạo 35 huyện ủy" }]],
  ["a law's name with a verb", "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;", [
    { title: "Thực hiện dân chủ ở cơ sở", date: "2022-11-10" }]],
  ["a comma inside a law's name", "Luật An toàn, vệ sinh lao động số 84/2015/QH13", [
    { key: "84/2015/QH13", title: "An toàn, vệ sinh lao động", diagnostics: [] }]],
  ["Bộ Nông nghiệp và Phát triển nông thôn", "Quyết định số 3041/QĐ-BNN-TCCB ngày 10/8/1999 của Bộ Nông nghiệp và Phát triển nông thôn về việc thành lập", [
    { issuedBy: "Bộ Nông nghiệp và Phát triển nông thôn", subject: "việc thành lập" }]],
  // Party conference forms.
  ["Hội nghị lần thứ sáu", "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về một số vấn đề", [
    { issuedBy: "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng", issuedByKey: "ban chấp hành trung ương đảng", term: "XII", subject: "một số vấn đề" }]],
  ["Hội nghị Trung ương 6", "Nghị quyết số 19-NQ/TW của Hội nghị Trung ương 6 khóa XII;", [
    { issuedBy: "Hội nghị Trung ương 6", issuedByKey: "ban chấp hành trung ương đảng", term: "XII" }]],
  // Several bodies.
  ["Bộ Chính trị, Ban Bí thư", "Kết luận số 126-KL/TW của Bộ Chính trị, Ban Bí thư về một số nội dung", [
    { issuedBy: "Bộ Chính trị, Ban Bí thư", issuedByKey: "ban bí thư + bộ chính trị", subject: "một số nội dung" }]],
  ["Chính phủ và Ủy ban Trung ương MTTQ", "Nghị quyết liên tịch số 19/2008/NQLT/CP-UBTUMTTQVN ngày 22/8/2008 của Chính phủ và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam;", [
    { issuedBy: "Chính phủ và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam" }]],
  ["a body after a comma that starts a clause", "Quyết định 1500/QĐ-TCHQ ngày 24/5/2016 của Tổng cục trưởng Tổng cục Hải quan, Tổng cục Hải quan hướng dẫn bổ sung", [
    { issuedBy: "Tổng cục trưởng Tổng cục Hải quan", issuedByKey: "tổng cục hải quan" }]],
  // One body for a list.
  ["a list's body", "Kết luận số 192-KL/TW, ngày 19/9/2025 và Kết luận số 221-KL/TW, ngày 20/9/2025 của Bộ Chính trị", [
    { key: "192-KL/TW", issuedBy: "Bộ Chính trị", bySpan: "Bộ Chính trị" }, { key: "221-KL/TW", issuedBy: "Bộ Chính trị" }]],
  ["a list of Hướng dẫn", "các Hướng dẫn số 16-HD/BTCTW ngày 1/2/2020, Hướng dẫn số 21-HD/BTCTW ngày 3/4/2021 của Ban Tổ chức Trung ương", [
    { key: "16-HD/BTCTW", issuedBy: "Ban Tổ chức Trung ương" }, { key: "21-HD/BTCTW", issuedBy: "Ban Tổ chức Trung ương" }]],
  // A body before the citation.
  ["Theo đề nghị của Giám đốc Sở …", "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 326/TTr-STC ngày 5/6/2024.", [
    { key: "326/TTr-STC", kind: "Tờ trình", issuedBy: "Giám đốc Sở Tài chính", issuedByKey: "sở tài chính", date: "2024-06-05" }]],
  ["đề nghị của Sở Nội vụ tại Văn bản", "Xét đề nghị của Sở Nội vụ tại Văn bản số 12/SNV-TCBC ngày 1/2/2024;", [{ key: "12/SNV-TCBC", issuedBy: "Sở Nội vụ" }]],
  // A body that runs on.
  ["Chính phủ trừ đi", "Nghị định số 135/2020/NĐ-CP của Chính phủ trừ đi tuổi", [{ issuedBy: "Chính phủ" }]],
  ["UBND tỉnh ban hành", "Quyết định số 12/QĐ-UBND của UBND tỉnh ban hành Quy chế", [{ issuedBy: "UBND tỉnh", issuedByKey: "ủy ban nhân dân tỉnh" }]],
  ["Ban Chấp hành Trung ương ban hành", "Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương ban hành Khung", [
    { issuedBy: "Ban Chấp hành Trung ương", issuedByKey: "ban chấp hành trung ương đảng" }]],
  ["Bộ Chính trị ban hành", "Quyết định số 218-QĐ/TW ngày 12/12/2013 của\nBộ Chính trị ban hành kèm theo", [{ issuedBy: "Bộ Chính trị" }]],
  ["a place after a body", "Công văn số 5/UBND của Ủy ban nhân dân tỉnh Kon Tum về", [{ issuedBy: "Ủy ban nhân dân tỉnh Kon Tum" }]],
  // Numbers sharing one code.
  ["187, 188-KL/TW", "Thực hiện Kết luận số 187, 188-KL/TW ngày 5/8/2025 của Bộ Chính trị", [
    { key: "187-KL/TW", kind: "Kết luận", diagnostics: [] }, { key: "188-KL/TW", kind: "Kết luận", date: "2025-08-05", diagnostics: [] }]],
  ["12, 13/QĐ-UBND", "Quyết định số 12, 13/QĐ-UBND của UBND tỉnh", [{ key: "12/QĐ-UBND" }, { key: "13/QĐ-UBND", issuedBy: "UBND tỉnh" }]],
  // The state style's subject.
  ["quy định về", "Thông tư số 38/2015/TT-BTC ngày 25/3/2015 của Bộ trưởng Bộ Tài chính quy định về thủ tục hải quan; kiểm tra", [
    { issuedBy: "Bộ trưởng Bộ Tài chính", issuedByKey: "bộ tài chính", subject: "quy định về thủ tục hải quan" }]],
  ["về việc⏎phê duyệt", "Quyết định số 12/QĐ-UBND ngày 1/2/2020 của UBND tỉnh về việc\nphê duyệt quy hoạch;", [{ subject: "việc phê duyệt quy hoạch" }]],
  // A `về` that lost its mark still opens the subject (kept as printed); `vé`, `vẻ` do not.
  ["ve without its mark", "Ket luan so 93-KL/TW cua Bo Chinh tri ve tiep tuc thuc hien Nghi quyet;", [{ key: "93-KL/TW", subject: "tiep tuc thuc hien Nghi quyet" }]],
  ["VE in capitals", "KẾT LUẬN SỐ 93-KL/TW VE TIEP TUC THUC HIEN", [{ key: "93-KL/TW", subject: "TIEP TUC THUC HIEN" }]],
  ["vé is no về", "Công văn số 5/UBND vé tàu;", [{ key: "5/UBND", subject: null }]],
  // Upper case and glued forms.
  ["SỐ64-CP", "NGHỊ ĐỊNH CỦA CHÍNH PHỦ SỐ64-CP NGÀY 27-9-1993 VỀ VIỆC", [{ key: "64-CP", issuedBy: "CHÍNH PHỦ", issuedByKey: "chính phủ", date: "1993-09-27" }]],
  ["Số hiệu:", "Số hiệu: 30-HĐBT", [{ key: "30-HĐBT", diagnostics: [] }]],
  ["a space beside the slash", "Số: 34 /KH-LĐLĐ", [{ key: "34/KH-LĐLĐ", diagnostics: ["ocr-repaired", "malformed-identifier"] }]],
  // Laws by name in OCR text and in lower case.
  // Luật Hải quan 2014 is 54/2014/QH13 in the statutes catalogue: its number is the key, its name key stays.
  ["Luat", "theo Luat Hải quan năm 2014;", [{ key: "54/2014/QH13", nameKey: "Luật hải quan năm 2014", kind: "Luật" }]],
  ["Luật giá", "Căn cứ Luật giá ngày 19 tháng 6 năm 2023;", [{ key: "16/2023/QH15", nameKey: "Luật giá năm 2023", title: "giá", date: "2023-06-19" }]],
  // Forms are no documents.
  ["theo mẫu số", "lập theo mẫu số 01/PĐXXĐTMS ban hành kèm theo", [{ key: "1/PĐXXĐTMS", kind: "form", diagnostics: [] }]],
  ["Bản kê", "Bản kê 21/BKTrC/GSQL", [{ kind: "form" }]],
  ["Mẫu", "theo Mẫu 29/DSCT/GSQL", [{ kind: "form" }]],
  // One body, many spellings: one key.
  ["BCH Trung ương Đảng", "Nghị quyết số 20-NQ/TW của BCH Trung ương Đảng;", [{ issuedBy: "BCH Trung ương Đảng", issuedByKey: "ban chấp hành trung ương đảng" }]],
  ["BCH TW", "Nghị quyết số 20-NQ/TW của BCH TW;", [{ issuedBy: "BCH TW", issuedByKey: "ban chấp hành trung ương đảng" }]],
  ["lost diacritics", "Nghị quyết số 20-NQ/TW của Ban Chap hanh Trung uong Dang;", [{ issuedBy: "Ban Chấp hành Trung ương Đảng", issuedByKey: "ban chấp hành trung ương đảng" }]],
  ["NFD", "Kế hoạch số 25-KH/TU của Ban Thường vụ Tỉnh ủy;".normalize("NFD"), [{ issuedBy: "Ban Thường vụ Tỉnh ủy", issuedByKey: "ban thường vụ tỉnh ủy" }]],
  ["old tone placement", "Kế hoạch số 166-KH/TU của Ban Thường vụ Tỉnh uỷ thực hiện", [{ issuedBy: "Ban Thường vụ Tỉnh uỷ", issuedByKey: "ban thường vụ tỉnh ủy", subject: null }]],
  ["BTVTU", "Kế hoạch số 25-KH/TU của BTVTU;", [{ issuedBy: "BTVTU", issuedByKey: "ban thường vụ tỉnh ủy" }]],
  ["upper case", "KẾ HOẠCH SỐ 25-KH/TU CỦA BAN THƯỜNG VỤ TỈNH ỦY", [{ issuedBy: "BAN THƯỜNG VỤ TỈNH ỦY", issuedByKey: "ban thường vụ tỉnh ủy" }]],
  ["Ủy ban MTTQ", "Công văn số 1895/MTTQ-BTT của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh;", [
    { issuedBy: "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", issuedByKey: "ban thường trực ủy ban mặt trận tổ quốc việt nam tỉnh" }]],
  ["an unknown body", "Công văn số 12/CV-BQL của Ban Quản lý Khu kinh tế tỉnh về", [{ issuedBy: "Ban Quản lý Khu kinh tế tỉnh", issuedByKey: "ban quản lý khu kinh tế tỉnh" }]],
  ["a known body after `của` in an unknown name", "Báo cáo số 24/BC-ĐGS ngày 27 tháng 5 năm 2022 của Đoàn giám sát của Quốc hội về kết quả", [
    { issuedBy: "Đoàn giám sát của Quốc hội", issuedByKey: "đoàn giám sát của quốc hội", subject: "kết quả" }]],
  ["tone placement folded only in an open syllable", "Quyết định số 1/QĐ-UBND của Ủy ban nhân dân xã Hoà Bình", [{ issuedByKey: "ủy ban nhân dân xã hòa bình" }]],
  ["an amending law of 37 laws", "Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch ngày 20 tháng 11 năm 2018;", [
    { title: "sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch", date: "2018-11-20" }]],
  ["a pinpoint after `và` is no part of a name", "theo quy định của Luật Đất đai và Điều 7 Nghị định số 102/2024/NĐ-CP", [
    { key: "Luật đất đai", title: "Đất đai" }, { key: "102/2024/NĐ-CP" }]],
  ["a pinpoint word inside a name", "Căn cứ Luật Đê điều ngày 29 tháng 11 năm 2006;", [{ title: "Đê điều", date: "2006-11-29" }]],
  // Damaged or blank dates never cost the citation (issue 15).
  ["blank day and month", "Thực hiện Nghị quyết số 20-NQ/TW ngày tháng năm 2024 của Bộ Chính trị", [
    { key: "20-NQ/TW", date: null, issuedBy: "Bộ Chính trị", diagnostics: ["incomplete-date"] }]],
  ["blank month", "Nghị quyết số 20-NQ/TW ngày 5 tháng năm 2024", [{ key: "20-NQ/TW", date: null, diagnostics: ["incomplete-date"] }]],
  ["day and slash", "Nghị quyết số 20-NQ/TW, ngày 5/ của Bộ Chính trị", [{ key: "20-NQ/TW", date: null, issuedBy: "Bộ Chính trị", diagnostics: ["incomplete-date"] }]],
  ["xx month", "Nghị định 30/2020/NĐ-CP ngày 20/xx/2020", [{ key: "30/2020/NĐ-CP", date: null, diagnostics: ["invalid-date"] }]],
  ["a look-alike month", "Nghị định số 30/2020/NĐ-CP ngày 20 tháng l1 năm 2020", [{ date: "2020-11-20", diagnostics: ["ocr-repaired"] }]],
  ["look-alike digits after a slash", "5-Q/T ngày 4/l1/2023", [{ key: "5-Q/T", date: "2023-11-04" }]],
  ["O for 0", "2-Q/T ngày 7/O9/2019", [{ key: "2-Q/T", date: "2019-09-07" }]],
  // A draft's blanks between slashes: the body and subject after them are still the citation's.
  ["blank day and month between slashes", "Kết luận số 93-KL/TW ngày   /  /2024 của Bộ Chính trị về tiếp tục thực hiện;", [
    { key: "93-KL/TW", date: null, issuedBy: "Bộ Chính trị", subject: "tiếp tục thực hiện", diagnostics: ["incomplete-date"] }]],
  ["blanks as dots", "Quyết định số 12/QĐ-UBND ngày ../../2021 của UBND tỉnh;", [{ key: "12/QĐ-UBND", date: null, issuedBy: "UBND tỉnh", diagnostics: ["incomplete-date"] }]],
  ["blanks as ellipses", "Kế hoạch số 5-KH/TU ngày …/…/2021 của Ban Thường vụ Tỉnh ủy;", [{ key: "5-KH/TU", date: null, issuedBy: "Ban Thường vụ Tỉnh ủy", diagnostics: ["incomplete-date"] }]],
  ["a blank month between slashes", "Quyết định số 14/QĐ-UBND ngày 5/ /2020 của UBND tỉnh;", [{ key: "14/QĐ-UBND", date: null, issuedBy: "UBND tỉnh", diagnostics: ["incomplete-date"] }]],
];

describe("parts as a reader reads them", () => {
  it.each(CASES)("%s", (_name, input, expected) => {
    const found = extract(input);
    expect(found.map((c) => c.text), "citations").toHaveLength(expected.length);
    expected.forEach((e, i) => {
      const c = found[i] as Citation;
      const { diagnostics, bySpan, ...fields } = e;
      expect(c).toMatchObject(fields);
      if (diagnostics) expect(c.diagnostics.map((d) => d.code)).toEqual(diagnostics);
      if (bySpan) expect(c.spans.issuedBy?.text).toBe(bySpan);
      expect(input.slice(c.start, c.end)).toBe(c.text);
      for (const s of Object.values(c.spans)) if (s) expect(input.slice(s.start, s.end)).toBe(s.text);
    });
  });
});

describe("what is no citation, or no part of one", () => {
  it.each([
    "BIỆN PHÁP XỬ LÝ TRONG HOẠT ĐỘNG LUẬT SƯ",
    "VĂN BẢN QUY PHẠM PHÁP LUẬT DO BỘ TÀI CHÍNH BAN HÀNH",
    "LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT HẢI QUAN\nCăn cứ",
    "Nghị định số      /2018/NĐ-CP ngày     tháng     năm 2018",
    "giảm 1, 2-3 lần",
    "Nghị quyết Hội nghị Trung ương 6 (khóa XI)",
  ])("%j gives no citation", (text) => {
    expect(extract(text).map((c) => c.text)).toEqual([]);
  });

  it.each([
    // A new item after a line break is no part of the name before it.
    ["Căn cứ Luật Tần số vô tuyến điện\n1. Sửa đổi khoản 2", "Luật Tần số vô tuyến điện"],
    ["Căn cứ Luật Doanh nghiệp\nb) doanh nghiệp nhà nước", "Luật Doanh nghiệp"],
    ["Kế hoạch số 25-KH/TU của Ban Thường vụ Tỉnh ủy\nCăn cứ", "Kế hoạch số 25-KH/TU của Ban Thường vụ Tỉnh ủy"],
    ["Luật Phòng, chống tham nhũng quy định", "Luật Phòng, chống tham nhũng"],
    ["theo Bộ luật Dân sự, trừ trường hợp", "Bộ luật Dân sự"],
    ["Nghị định số 30/2020/NĐ-CP; Nghị định số 31/2020/NĐ-CP của Chính phủ", "Nghị định số 30/2020/NĐ-CP"],
  ])("%j ends at %j", (text, cited) => {
    expect(extract(text)[0]?.text).toBe(cited);
  });

  it("gives a body across `;` to no one", () => {
    expect(extract("Nghị định số 30/2020/NĐ-CP; Nghị định số 31/2020/NĐ-CP của Chính phủ")[0]?.issuedBy).toBeNull();
  });

  it("gives a list's body only to citations with the same issuer code", () => {
    const [a, b] = extract("Nghị định số 30/2020/NĐ-CP và Quyết định số 12/QĐ-UBND của UBND tỉnh");
    expect([a?.issuedBy, b?.issuedBy]).toEqual([null, "UBND tỉnh"]);
  });
});

describe("clean values on noisy seeds", () => {
  const dir = join(import.meta.dirname, "..", "fixtures");
  const seeds = readdirSync(dir).filter((f) => f.endsWith(".txt"));
  const strip = (t: string) => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");

  it.each(seeds)("%s: NFD text gives the same bodies, keys and subjects, in NFC", (seed) => {
    const text = readFileSync(join(dir, seed), "utf8");
    const parts = (cs: Citation[]) => cs.map((c) => [c.issuedBy, c.issuedByKey, c.subject, c.kind, c.title]);
    expect(parts(extract(text.normalize("NFD")))).toEqual(parts(extract(text)));
  });

  it.each(seeds)("%s: text without diacritics gives the known bodies' spelling and the same keys but for marks of unknown names", (seed) => {
    const text = readFileSync(join(dir, seed), "utf8");
    const clean = extract(text);
    const bare = extract(strip(text));
    expect(bare.map((c) => c.issuedByKey && strip(c.issuedByKey))).toEqual(clean.map((c) => c.issuedByKey && strip(c.issuedByKey)));
    const known = ["Ban Thường vụ Tỉnh ủy", "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương Đảng"];
    bare.forEach((c, i) => {
      if (known.includes(clean[i]?.issuedBy as string)) expect(c.issuedBy).toBe(clean[i]?.issuedBy);
    });
  });
});
