/**
 * The citing document's own header (identifier, place, date) and signing block (authority, title, signer), as a
 * table: input → expected parts, checked by hand. The layouts are those of real Party and union documents
 * (fixtures/001, 002, 004, a_001, a_004) and of web pages that flatten them into one line.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/index.js";

const body = "\nCăn cứ Điều lệ Đảng;\nBan Thường vụ đề nghị các chi bộ thực hiện.\n\n";

type Signature = [authority: string | null, title: string | null, signer: string | null];
const SIGNATURES: [string, string, Signature][] = [
  ["K/T with the deputy's title", "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\nNguyễn Thị Hường\n", ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Thị Hường"]],
  ["KT. and (đã ký)", "KT. BÍ THƯ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n(đã ký)\nTrần Văn Nam\n", ["KT. BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Trần Văn Nam"]],
  ["T/M and blank lines for the signature", "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n\n\nLê Văn Sỹ\n", ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Văn Sỹ"]],
  ["TM. and Đã ký", "TM. BAN CHẤP HÀNH\nCHỦ TỊCH\nĐã ký\nPhạm Thị Lan\n", ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Phạm Thị Lan"]],
  ["TM without blank, markdown bold", "**TM.BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH THƯỜNG TRỰC**\n\n**Võ Văn Hùng**\n", ["TM.BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Võ Văn Hùng"]],
  ["TM without dot", "TM BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nĐinh Văn Hòa\n", ["TM BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Đinh Văn Hòa"]],
  ["TUQ. and the office's head", "TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nHoàng Minh Tuấn\n", ["TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Hoàng Minh Tuấn"]],
  ["TL. and the office's head", "TL. BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\nBùi Thị Thu\n", ["TL. BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Bùi Thị Thu"]],
  ["Q. alone", "Q. TRƯỞNG BAN\n\nĐỗ Văn Bình\n", ["Q. TRƯỞNG BAN", null, "Đỗ Văn Bình"]],
  ["nested T/M and K/T", "T/M BAN THƯỜNG VỤ\nK/T BÍ THƯ\nPHÓ BÍ THƯ\n\nNguyễn Văn An\n", ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn An"]],
  ["flattened on one line", "TM. BAN THƯỜNG VỤ PHÓ BÍ THƯ Nguyễn Văn An\n", ["TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn An"]],
  ["flattened, nested", "T/M BAN THƯỜNG VỤ K/T BÍ THƯ PHÓ BÍ THƯ Ksor Phước Hà\n", ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Ksor Phước Hà"]],
  ["flattened, glued title and (đã ký)", "TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀNBÍ THƯ THƯỜNG TRỰC (đã ký) Phan Văn Mãi\n", ["TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN", "BÍ THƯ THƯỜNG TRỰC", "Phan Văn Mãi"]],
  ["flattened, an appendix follows the name", "TM. BAN THƯỜNG VỤ BÍ THƯ Lê Thị Mai Phụ lục (Kèm theo Kế hoạch số 12-KH/TU)\n", ["TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Thị Mai"]],
  ["flattened, a heading in capitals follows", "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ Vũ Hồng Duy CHƯƠNG TRÌNH HÀNH ĐỘNG\n", ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Vũ Hồng Duy"]],
  ["an authority that ends in a title word", "TM. BAN GIÁM ĐỐC\nGIÁM ĐỐC\n\nNguyễn Văn Bình\n", ["TM. BAN GIÁM ĐỐC", "GIÁM ĐỐC", "Nguyễn Văn Bình"]],
  ["a name with a one-letter word", "TM. BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\nY Biêr Niê\n", ["TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Y Biêr Niê"]],
  // The value on one line; the span keeps the line break (`TM.\nBAN THƯỜNG VỤ`).
  ["prefix wrapped onto its own line", "TM.\nBAN THƯỜNG VỤ PHÓ BÍ THƯ Nguyễn Văn An\n", ["TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn An"]],
  // Negatives.
  ["TM. inside body text is no signature", "Đề nghị TM. BAN THƯỜNG VỤ xem xét và cho ý kiến.\n", [null, null, null]],
  ["an address is no signing block", "Q. Ba Đình, TP. Hà Nội\n", [null, null, null]],
  ["an address before the block does not hide it", "Q. Ba Đình, TP. Hà Nội\nTM. BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn Sỹ\n", ["TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Văn Sỹ"]],
  ["KTXH at the start of a line is no prefix", "KTXH năm 2024 tăng trưởng khá.\n", [null, null, null]],
  ["a form's blank block is no signature", "TM. BAN THƯỜNG VỤ\nBÍ THƯ\n(Ký, ghi rõ họ tên, đóng dấu)\n", [null, null, null]],
  ["the form is skipped, the real block read", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (Ký, ghi rõ họ tên, đóng dấu)\nx\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nTrần Văn Nam\n", ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Nam"]],
  ["a name-like heading is no signer", "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nPhụ Lục Kèm Theo\n", ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", null]],
  ["Nơi nhận after the title is no signer", "TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH\n\nNơi Nhận\n- Như trên;\n", ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", null]],
  ["a name in capitals is left unread, never a title", "KT. BÍ THƯ\nPHÓ BÍ THƯ\nNGUYỄN VĂN AN\n", ["KT. BÍ THƯ", "PHÓ BÍ THƯ", null]],
  ["a sentence is no name", "TM. BAN THƯỜNG VỤ\nBÍ THƯ\nĐề nghị các đồng chí thực hiện\n", ["TM. BAN THƯỜNG VỤ", "BÍ THƯ", null]],
];

describe("the signing block", () => {
  it.each(SIGNATURES)("%s", (_name, block, expected) => {
    const text = `ĐẢNG BỘ HUYỆN\n${body}${block}`;
    const s = parseDocument(text).signature;
    expect([s.authority?.value ?? null, s.title?.value ?? null, s.signer?.value ?? null]).toEqual(expected);
    for (const f of [s.authority, s.title, s.signer]) if (f) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
  });
});

type Top = [identifier: string | null, place: string | null, iso: string | null];
const HEADERS: [string, string, Top][] = [
  ["Số: and the place and date on one line", "TỈNH ỦY HÀ TĨNH\n*\nSố: 12-KH/TU Hà Tĩnh, ngày 3 tháng 5 năm 2024\nKẾ HOẠCH\n", ["Số: 12-KH/TU", "Hà Tĩnh", "2024-05-03"]],
  ["Số without colon, place and date on one line", "LĐLĐ HUYỆN DMC\nSố 300/LĐLĐ Huyện DMC, ngày 05 tháng 02 năm 2025\nV/v tuyên truyền\n", ["Số 300/LĐLĐ", "Huyện DMC", "2025-02-05"]],
  ["the issuer before Số on the line", "TỈNH ỦY HÀ TĨNH * Số 12-KH/TU Hà Tĩnh, ngày 3 tháng 5 năm 2024\n", [null, "Hà Tĩnh", "2024-05-03"]],
  ["Số and the place on separate lines", "ĐẢNG UỶ KHỐI\n*\nSố 128-KH/ĐUK\n\nĐẢNG CỘNG SẢN VIỆT NAM\nCao Lãnh, ngày 01 tháng 10 năm 2014\n", ["Số 128-KH/ĐUK", "Cao Lãnh", "2014-10-01"]],
  ["a flattened portal header without comma", "Số: 87/2025/NĐ-CP Hà Nội ngày 11 tháng 4 năm 2025\n", ["Số: 87/2025/NĐ-CP", "Hà Nội", "2025-04-11"]],
  // Negatives: no place is invented from a number or from prose.
  ["a number damaged by blanks: the place is the words in title case", "Số: 367 - QĐ/TWĐTN-VP Hà Nội, ngày 29 tháng 10 năm 2013\n", ["Số: 367 - QĐ/TWĐTN-VP", "Hà Nội", "2013-10-29"]],
  ["a sentence that starts with Số is no header", "Số 120 người dự hội nghị tại Hà Nội, ngày 3 tháng 5 năm 2024.\n", [null, null, null]],
  ["prose with a date is no header", "Hội nghị được tổ chức vào ngày 3 tháng 5 năm 2024 tại hội trường.\n", [null, null, null]],
];

describe("the identifier, place and date", () => {
  it.each(HEADERS)("%s", (_name, head, [identifier, place, iso]) => {
    const d = parseDocument(`${head}${body}`);
    expect(d.identifier?.span.text ?? null).toBe(identifier);
    expect(d.place?.value ?? null).toBe(place);
    expect(d.date?.value ?? null).toBe(iso);
  });
});

describe("decomposed and look-alike letters", () => {
  const text = "TỈNH ỦY HÀ TĨNH\nSố 12-KH/TU Hà Tĩnh, ngày 3 tháng 5 năm 2024\n" + body + "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nĐinh Văn Hòa\n";
  const clean = parseDocument(text);
  // The values are clean whatever the letters: NFC, `Đ`.
  const parts = (d: ReturnType<typeof parseDocument>) => ({
    place: d.place?.value, iso: d.date?.value,
    authority: d.signature.authority?.value, title: d.signature.title?.value, signer: d.signature.signer?.value,
  });
  it("reads the clean text", () => {
    expect(parts(clean)).toEqual({ place: "Hà Tĩnh", iso: "2024-05-03", authority: "T/M BAN THƯỜNG VỤ", title: "PHÓ BÍ THƯ", signer: "Đinh Văn Hòa" });
  });
  it.each([
    ["NFD", text.normalize("NFD")],
    ["Ð (U+00D0) for Đ", text.replace(/Đ/g, "Ð")],
  ])("%s gives the same values, spans in the original", (_name, variant) => {
    const d = parseDocument(variant);
    expect(parts(d)).toEqual(parts(clean));
    for (const f of [d.place, d.date, d.signature.authority, d.signature.title, d.signature.signer]) {
      if (f) expect(variant.slice(f.span.start, f.span.end)).toBe(f.span.text);
    }
  });
});
