// Damaged and blank dates never cost a citation its issuing body or subject, and always say what is wrong
// (issue 26): each date shape crossed with the damage real texts carry (NFD, `Ð`, a line break inside, lost
// diacritics, a capital, `\r\n`), all in one text read by one extract call.
import { describe, expect, it } from "vitest";
import { extract, parseDocument } from "../src/index.js";

/** A date as printed, the date read from it, and the diagnostic it must carry (null: none). */
const SHAPES: [date: string, iso: string | null, diagnostic: string | null][] = [
  ["ngày … tháng … năm 20…", null, "incomplete-date"],
  ["ngày ... tháng ... năm 2024", null, "incomplete-date"],
  ["ngày __ tháng __ năm 2024", null, "incomplete-date"],
  ["ngày __/__/2024", null, "incomplete-date"],
  ["ngày  tháng  năm ", null, "incomplete-date"],
  ["ngày …/…/20…", null, "incomplete-date"],
  ["ngày ../../2021", null, "incomplete-date"],
  ["ngày 5/4/", null, "incomplete-date"],
  ["ngày 5/ /2020", null, "incomplete-date"],
  ["ngày 19 tháng 4, năm 2021", "2021-04-19", null],
  ["ngày 19 tháng 4 năm 2021", "2021-04-19", null],
  ["ngày l9/4/2021", "2021-04-19", "ocr-repaired"],
  ["ngày 19/O4/2021", "2021-04-19", "ocr-repaired"],
  ["ngày 19 tháng l1 năm 2021", "2021-11-19", "ocr-repaired"],
  ["ngày 19 tháng 4 năm 202l", "2021-04-19", "ocr-repaired"],
  ["ngày 19/4/2O21", "2021-04-19", "ocr-repaired"],
  ["ngày I9/4/2021", "2021-04-19", "ocr-repaired"],
  ["ngày [9/4/2021", null, "invalid-date"],
  ["ngày 19 tháng б năm 2021", null, "incomplete-date"],
  ["ngày 1[9]/4/2021", null, "invalid-date"],
  ["ngày 1]/4/2021", null, "invalid-date"],
  ["ngày 20/xx/2020", null, "invalid-date"],
  ["ngày 31/02/2021", null, "invalid-date"],
  ["ngày 19/4/2021", "2021-04-19", null],
];

const strip = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
/** The damage, applied to a whole sentence (the date, the body and the subject). */
const DAMAGE: Record<string, (sentence: string, date: string) => string> = {
  clean: (s) => s,
  nfd: (s) => s.normalize("NFD"),
  eth: (s) => s.replace(/Đ/g, "\u00D0").replace(/đ/g, "\u00F0"),
  "no diacritics": (s) => strip(s),
  // The line broken inside the date (at its last space) and before the body.
  "line break": (s, date) => s.replace(date, date.replace(/ (?=[^ ]*$)/, "\n")).replace(" của", "\ncủa"),
  "\\r\\n": (s) => s.replace(" của", "\r\ncủa"),
  capital: (s) => s.replace("ngày", "Ngày"),
};

describe("damaged dates", () => {
  const cases = SHAPES.flatMap(([date, iso, code], i) => Object.entries(DAMAGE).map(([damage, apply], j) => {
    const number = i * 100 + j + 1;
    const sentence = `Thực hiện Kế hoạch số ${number}-KH/ĐU, ${date} của Ban Thường vụ Đảng ủy về việc triển khai công tác.`;
    return { name: `${date} × ${damage}`, number, iso, code, text: apply(sentence, date) };
  }));
  const text = cases.map((c) => c.text).join("\n\n");
  const found = new Map(extract(text).map((c) => [c.number, c]));

  it.each(cases.map((c) => [c.name, c] as const))("%s: body, subject, date and a diagnostic", (_name, c) => {
    const citation = found.get(String(c.number));
    expect(citation?.key).toBe(`${c.number}-KH/ĐU`);
    expect(citation?.issuedByKey).toBe("ban thường vụ đảng ủy");
    expect(strip(citation?.subject ?? "")).toBe("viec trien khai cong tac");
    expect(citation?.date).toBe(c.iso);
    const codes = citation?.diagnostics.map((d) => d.code) ?? [];
    if (c.code) expect(codes).toContain(c.code);
    else expect(codes.filter((x) => x.endsWith("-date"))).toEqual([]);
    // The date's span is the date as printed, in the text.
    const span = citation?.spans.date;
    expect(span && text.slice(span.start, span.end)).toBe(span?.text);
  });
});

describe("what follows a whole year is the sentence's, not a blank of the date", () => {
  it.each(["ngày 19/4/2021…", "ngày 19 tháng 4 năm 2021..", "ngày 19 tháng 4 năm 2021.", "ngày 19/4/2021_"])("%s", (date) => {
    const [c] = extract(`Thực hiện Kế hoạch số 5-KH/ĐU ${date}`);
    expect([c?.date, c?.spans.date?.text]).toEqual(["2021-04-19", date.replace(/[….._]+$/, "")]);
  });
});

describe("a document's own date line, damaged", () => {
  const header = (dateLine: string) => parseDocument(`ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 12/QĐ-UBND\n${dateLine}\nQUYẾT ĐỊNH\nVề việc x\n`);
  it.each([
    ["Kon Tum, ngày … tháng … năm 20…", null],
    ["Kon Tum, ngày ... tháng ... năm 2024", null],
    ["Kon Tum, ngày __ tháng __ năm 20__", null],
    ["Kon Tum, ngày 3 tháng 5, năm 2024", "2024-05-03"],
    ["Kon Tum, ngày 3 tháng 5 năm 2024", "2024-05-03"],
  ] as const)("%s gives the place and the date", (line, iso) => {
    const doc = header(line);
    expect(doc.place?.value).toBe("Kon Tum");
    expect(doc.date?.value ?? null).toBe(iso);
    expect(doc.date?.span.text).toBe(line.slice("Kon Tum, ".length));
  });
});
