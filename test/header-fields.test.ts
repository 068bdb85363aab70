// Header fields, one shape `{ value, span }`: a CheckList of every field × the damage real texts carry (NFD, `Ð`,
// line ends, a line break inside, doubled blanks, markdown emphasis, lost diacritics, a blank day), one
// parseDocument call per variant; and on any string (fast-check), every value clean and every span exact.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DocumentRecord, type HeaderField, parseDocument } from "../src/index.js";

const SUBJECT = ["Triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị", "về đột phá phát triển khoa học"];
const doc = (subject: string[] = SUBJECT, date = "ngày 05 tháng 3 năm 2025") => `UBND THÀNH PHỐ ĐÀ NẴNG
SỞ TÀI CHÍNH
Số: 12/KH-STC
Đà Nẵng, ${date}

KẾ HOẠCH
${subject.join("\n")}

Kính gửi: Các phòng, đơn vị thuộc Sở.

Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;
Kế hoạch này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2025.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Đinh Văn Hòa

Nơi nhận:
- Như trên;
- Lưu: VT, KH.
`;

/** What the clean text gives, read by hand from it. */
const EXPECTED = {
  identifier: "12/KH-STC",
  type: "Kế hoạch",
  place: "Đà Nẵng",
  issuer: "SỞ TÀI CHÍNH",
  date: "2025-03-05",
  subject: "Triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học",
  effective: "2025-03-15",
  addressees: "Các phòng, đơn vị thuộc Sở.",
  recipients: "Như trên; | Lưu: VT, KH.",
  authority: "KT. GIÁM ĐỐC",
  title: "PHÓ GIÁM ĐỐC",
  signer: "Đinh Văn Hòa",
};
type Field = keyof typeof EXPECTED;

/** Each field of the record by name: its value (lists joined), and the fields themselves for their spans. */
function fieldsOf(d: DocumentRecord): { values: Record<Field, string | null>; all: (HeaderField<string | null> | null)[] } {
  const { identifier, type, place, issuer, date, subject, effective, addressees, recipients, signature } = d;
  const list = (fs: HeaderField[]) => (fs.length === 0 ? null : fs.map((f) => f.value).join(" | "));
  return {
    values: {
      identifier: identifier?.value ?? null, type: type?.value ?? null, place: place?.value ?? null, issuer: issuer?.value ?? null,
      date: date?.value ?? null, subject: subject?.value ?? null, effective: effective?.value ?? null,
      addressees: list(addressees), recipients: list(recipients),
      authority: signature.authority?.value ?? null, title: signature.title?.value ?? null, signer: signature.signer?.value ?? null,
    },
    all: [identifier, type, place, issuer, date, subject, effective, ...addressees, ...recipients, signature.authority, signature.title, signature.signer],
  };
}

const strip = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
const words = SUBJECT.join(" ").split(" ");
/** The subject broken onto two lines after word `i`. */
const brokenAfter = (i: number) => [words.slice(0, i).join(" "), words.slice(i).join(" ")];

// Variants whose every field must read as the clean text's.
const SAME: [string, string][] = [
  ["clean", doc()],
  ["NFD", doc().normalize("NFD")],
  ["Ð (U+00D0) for Đ, ð for đ", doc().replace(/Đ/g, "\u00D0").replace(/đ/g, "\u00F0")],
  ["\\r\\n line ends", doc().replace(/\n/g, "\r\n")],
  ["\\r line ends", doc().replace(/\n/g, "\r")],
  ["doubled blanks and a tab inside the subject", doc(SUBJECT.map((l) => l.replace(/ /g, "  ").replace("số", "\tsố")))],
  ["the subject and the signing block in bold", doc(SUBJECT.map((l) => `**${l}**`)).replace(/^(KT\. GIÁM ĐỐC|PHÓ GIÁM ĐỐC|Đinh Văn Hòa)$/gm, "**$1**")],
  ...[2, 5, 9, 12].map((i): [string, string] => [`the subject broken after word ${i}`, doc(brokenAfter(i))]),
  ["the subject on one line", doc([SUBJECT.join(" ")])],
];

describe("header fields × damage: the same values, spans in the original", () => {
  it.each(SAME)("%s", (_name, text) => {
    const { values, all } = fieldsOf(parseDocument(text));
    expect(values).toEqual(EXPECTED);
    for (const f of all) if (f) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
  });

  it("a blank day: the date's value null, its parts kept", () => {
    const text = doc(SUBJECT, "ngày    tháng 3 năm 2025");
    const d = parseDocument(text);
    expect(d.date && { value: d.date.value, day: d.date.day, month: d.date.month, year: d.date.year, span: d.date.span.text })
      .toEqual({ value: null, day: null, month: 3, year: 2025, span: "ngày    tháng 3 năm 2025" });
    expect(fieldsOf(d).values).toEqual({ ...EXPECTED, date: null });
  });

  it("lost diacritics: a field read gives the clean value without marks, never another", () => {
    const text = strip(doc());
    const { values } = fieldsOf(parseDocument(text));
    const read = Object.entries(values).filter(([, v]) => v !== null);
    // Printed fields keep what is printed; keys (identifier, type, dates) are the same as on the clean text.
    const KEYS = new Set(["identifier", "type", "date", "effective"]);
    for (const [field, value] of read) expect(value, field).toBe(KEYS.has(field) ? EXPECTED[field as Field] : strip(EXPECTED[field as Field]));
    // What is read today: every field (the effective sentence too, `Nghi dinh nay co hieu luc …`).
    expect(read.map(([f]) => f)).toEqual(["identifier", "type", "place", "issuer", "date", "subject", "effective", "addressees", "recipients", "authority", "title", "signer"]);
  });
});

describe("header fields on any string (fast-check, fixed seed)", () => {
  const pieces = [
    "Số: 12/KH-STC\n", "Hà Nội, ngày 05 tháng 3 năm 2025\n", "KẾ HOẠCH\n", "V/v ", "Kính gửi:", "Nơi nhận:\n", "- ", "TM. ", "BAN THƯỜNG VỤ\n",
    "PHÓ BÍ THƯ\n", "Nguyễn Văn An\n", "**", "_", "\n", "\r\n", "\r", " ", "  ", "\t", "\u00A0", "\u2028", "Ð", "ð", "\u0301", "\u0323", "a", "Đà Nẵng",
    "\u0000", "\f", "•", "–",
  ];
  const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: fc.constantFrom(...pieces), maxLength: 60 }));

  it("every printed value is NFC, with `Đ`, on one line, single-spaced and trimmed; every span exact", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const d = parseDocument(text);
        const { issuer, place, subject, addressees, recipients, signature } = d;
        for (const f of [issuer, place, subject, ...addressees, ...recipients, signature.authority, signature.title, signature.signer]) {
          if (!f) continue;
          expect(f.value).toBe(f.value.normalize("NFC"));
          expect(f.value).not.toMatch(/[\u00D0\u00F0\u0189]|[^\S ]| {2}|^ | $/);
        }
        for (const f of fieldsOf(d).all) if (f) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
      }),
      { seed: 28, numRuns: 300, endOnFailure: true },
    );
  });
});
