/**
 * Stage 4: build. Turns a parse into the public Citation: canonical key, codes from the tables, the date
 * read with luxon, spans mapped back to the original text, and the diagnostics of the form itself.
 */
import { readBody } from "./body.js";
import { identifierYear, readDate } from "./date.js";
import { diagnostic } from "../diagnostics.js";
import { type NormalizedText, PAGE_BREAK, type Repair, toOriginal } from "./normalize.js";
import type { Piece, RawCitation, RawIdentifier } from "./parse.js";
import type { Citation, Diagnostic, Span } from "../schema.js";
import { readInEra } from "./era.js";
import { readStatute } from "./statute.js";
import { findSubject, findSubjectAfterBody } from "./subject.js";
import { ASSEMBLIES, foldKey, issuerInfo, kindOfWord, stripDiacritics, typeCodeInfo } from "../tables.js";
import { firstIndex, remembered, singleSpaced, withoutLeadingZeros } from "../text.js";
import { lookalikeDigits } from "./tokens.js";

interface Codes {
  typeCode: string | null;
  issuer: string | null;
  key: string | null;
  style: "party" | "state";
}

const ASSEMBLY = new RegExp(`^(?:${ASSEMBLIES.join("|")})\\d*$`, "i");

/**
 * A code group in canonical spelling: the table's own (`ctr` → CTr, `ttg` → TTg), and an ASCII `D` read as
 * `Đ` where only that spelling is known (`ND` → NĐ, `LDLD` → LĐLĐ). Unknown codes stay as printed.
 */
function canonicalCode(raw: string, known: (c: string) => string | undefined, repairs?: [string, string][]): string | undefined {
  const direct = known(raw);
  if (direct) return direct;
  // An ASCII D for Đ, which the tables can settle. (No known code has an O, so a 0 read for O never matters.)
  if (!/D/i.test(raw)) return undefined;
  const found = known(raw.replace(/D/g, "Đ").replace(/d/g, "đ"));
  if (found) repairs?.push([raw, found]);
  return found;
}
const knownType = (c: string) => typeCodeInfo(c)?.code;
const knownIssuer = (c: string) => {
  const info = issuerInfo(c);
  if (!info) return undefined;
  // `QH14` is known through `QH`: keep its term digits.
  return c.length > info.code.length ? info.code + c.slice(info.code.length) : info.code;
};

/** The codes of an identifier, and the code letters repaired in it (pushed to `repairs`). */
function readCodes(id: RawIdentifier, repairs: [string, string][], number: string): Codes {
  const spelling = [number, id.separator, id.year?.text ?? "", ...id.groups.map((g) => g.sep + g.code.text)].join(SEP);
  const known = codesOf(spelling);
  for (const r of known.repairs) repairs.push(r);
  return known.codes;
}

const SEP = "\u0000";
// A text cites the same identifiers again and again: read once per spelling (number, separator, year, groups).
const codesOf = remembered((spelling: string) => {
  const [number, separator, year, ...groups] = spelling.split(SEP) as [string, string, string, ...string[]];
  const repairs: [string, string][] = [];
  const codes = readCodesOf(number, separator, year, groups.map((g) => ({ sep: g[0] as "-" | "/", raw: g.slice(1) })), repairs);
  return { codes, repairs };
});

function readCodesOf(number: string, separator: string, idYear: string, groups: { sep: "-" | "/"; raw: string }[], repairs: [string, string][]): Codes {
  const head = groups[0]!.raw;
  // Old state numbers put a hyphen before the issuer: `169-CP`, `66-HĐBT`.
  const oldState = separator === "-" && groups.length === 1 && !canonicalCode(head, knownType) && issuerInfo(head) !== undefined;
  if (oldState) {
    const issuer = canonicalCode(head, knownIssuer, repairs) ?? head;
    return { typeCode: null, issuer, key: `${withoutLeadingZeros(number)}-${issuer}`, style: "state" };
  }
  const style = separator === "/" ? "state" : "party";
  // The first group is a type code in the Party style always; in the state style only when it is a known
  // type followed by an issuer (`123/QĐ-UBND`), never an assembly (`59/2020/QH14`) or a lone issuer (`300/LĐLĐ`).
  const headIsType =
    style === "party" ||
    (!ASSEMBLY.test(head) && canonicalCode(head, knownType) !== undefined && (groups.length > 1 || issuerInfo(head) === undefined));
  const typeCode = headIsType ? (canonicalCode(head, knownType, repairs) ?? head) : null;
  const issuerGroups = (headIsType ? groups.slice(1) : groups).map((g) => ({
    sep: g.sep,
    code: canonicalCode(g.raw, knownIssuer, repairs) ?? g.raw,
  }));
  const issuer = issuerGroups.length > 0 ? issuerGroups.map((g, i) => (i === 0 ? "" : g.sep) + g.code).join("") : null;
  const n = withoutLeadingZeros(number);
  let key: string | null = null;
  if (issuer !== null) {
    if (style === "party") key = `${n}-${typeCode}/${issuer}`;
    else {
      const year = idYear ? `${idYear}/` : "";
      const symbol = typeCode ? `${typeCode}${issuerGroups[0]!.sep === "/" ? "/" : "-"}${issuer}` : issuer;
      key = `${n}/${year}${symbol}`;
    }
  }
  return { typeCode, issuer, key, style };
}

/**
 * The key of a law cited by name: kind, title folded to lower case (texts capitalize titles differently), and
 * the year when the text gives one: `Luật tổ chức chính phủ năm 2015`.
 */
function namedKey(kind: string, title: string, year: number | null): string {
  return `${kind} ${foldedTitle(title)}${year ? ` năm ${year}` : ""}`;
}

// A text names the same few laws again and again.
const foldedTitle = remembered((title: string) => {
  // Lower-cased word by word; identifiers inside an amending law's title (`số 31/2024/QH15`) keep their case.
  const spaced = singleSpaced(title).trim();
  return /\d/.test(spaced) ? spaced.split(" ").map((w) => (/\d/.test(w) ? w : w.toLowerCase())).join(" ") : spaced.toLowerCase();
});

/** Whether the parts of a date that read as numbers are those of an ISO date (`ngày 23 tháng б năm 2023`, 2023-06-23). */
function agrees(d: { day: string | null; month: string | null; year: string | null }, iso: string): boolean {
  const [y, m, day] = iso.split("-").map(Number);
  const same = (part: string | null, value: number | undefined) => part === null || !/^\d+$/.test(part) || Number(part) === value;
  return d.year !== null && Number(d.year) === y && same(d.month, m) && same(d.day, day);
}

/** The repairs normalization made inside a span of the original text (repairs are sorted by start). */
function repairsWithin(nt: NormalizedText, span: Span): Repair[] {
  const repairs = nt.repairs;
  const out: Repair[] = [];
  for (let i = firstIndex(repairs.length, (k) => (repairs[k] as Repair).start >= span.start); i < repairs.length && (repairs[i] as Repair).start < span.end; i++) {
    if ((repairs[i] as Repair).end <= span.end) out.push(repairs[i] as Repair);
  }
  return out;
}

/** The document type in words: the type word's, else the type code's (Thông tri for a Party `TT`). */
function kindOf(typeWord: Piece | null, typeCode: string | null, style: string | null): string | null {
  if (typeWord) return kindOfWord(typeWord.text)?.kind ?? typeWord.text;
  if (!typeCode) return null;
  const info = typeCodeInfo(typeCode);
  if (!info) return null;
  return style === "party" && "partyKind" in info ? (info.partyKind as string) : info.kind;
}

// How much each kind of OCR repair lowers a citation's confidence (multiplied together).
const PENALTY = { letter: 0.97, diacritics: 0.95, separator: 0.97, codeLetter: 0.9, digit: 0.85, pageBreak: 0.9, word: 0.9 } as const;
/** Two spellings that differ in marks only (`Dat dai`, `Đất đai`), not in a letter or a word. */
const foldsAlike = (a: string, b: string) => stripDiacritics(a.replace(/,/g, " ")) === stripDiacritics(b.replace(/,/g, " "));
// Module constants: the bundler turns a regex literal with \p{…} into `new RegExp(…)`, built again at every use.
const LETTER_RUNS = /\p{L}+/gu;
const KEYWORDS = new Map([["so", "số"], ["ngay", "ngày"], ["thang", "tháng"], ["nam", "năm"]]);

/** The keywords of a marker or date read without their marks (`so`, `ngay 5 thang 6`): where, and as what. */
function misspelledKeywords(piece: Piece): Piece[] {
  return misspelledIn(piece.text).map((w) => ({ start: piece.start + w.start, end: piece.start + w.end, text: w.text }));
}

// Offsets in the piece's text. Markers and dates are written the same few ways in a text.
const misspelledIn = remembered((text: string): Piece[] => {
  const found: Piece[] = [];
  // An exec loop: matchAll would copy the regex at every call.
  LETTER_RUNS.lastIndex = 0;
  for (let m = LETTER_RUNS.exec(text); m !== null; m = LETTER_RUNS.exec(text)) {
    const as = KEYWORDS.get(stripDiacritics(m[0]));
    if (as && m[0].toLowerCase() !== as) found.push({ start: m.index, end: m.index + m[0].length, text: as });
  }
  return found;
});

/**
 * The type word against the type code: `Kết luận số 93-NQ/TW` is an error. A joint text named by its short type
 * word (`Nghị quyết … /NQLT-…`, `Thông tư … /TTLT-…`) is only a note: the code's kind is the word's, made joint.
 */
function typeCodeMismatch(word: string, code: string | null, typeSpan: Span, idSpan: Span): Diagnostic | null {
  const expected = kindOfWord(word);
  if (!code || !expected || expected.codes.length === 0 || expected.codes.includes(code)) return null;
  const codeKind = typeCodeInfo(code)?.kind;
  const args = { word: typeSpan.text, code, codeKind: codeKind ?? "?" };
  return diagnostic(codeKind?.startsWith(`${expected.kind} `) ? "short-type-word" : "type-code-mismatch", typeSpan.start, idSpan.end, args);
}

export function buildCitation(raw: RawCitation, nt: NormalizedText): Citation {
  const toSpan = (p: Piece | null): Span | null => {
    if (!p) return null;
    const start = toOriginal(nt, p.start);
    const end = toOriginal(nt, p.end);
    return { text: nt.original.slice(start, end), start, end };
  };
  const whole = toSpan({ start: raw.start, end: raw.end, text: "" }) as Span;
  const diagnostics: Diagnostic[] = [];
  let confidence = 1;
  const repaired = (at: Span, read: string, as: string, penalty: number) => {
    diagnostics.push(diagnostic("ocr-repaired", at.start, at.end, { read, as }));
    confidence *= penalty;
  };
  const codeRepairs: [string, string][] = [];
  const id = raw.identifier;
  const number = id ? lookalikeDigits(id.number.text) : (raw.shortNumber?.text ?? "");
  // A copy: an old identifier's codes are read again in its era below, and readCodes remembers its answers.
  const codes = id ? { ...readCodes(id, codeRepairs, number) } : null;
  let mismatchAt: number | null = null;
  let incompleteAt: number | null = null;
  const idSpan = toSpan(id);
  const typeSpan = toSpan(raw.typeWord);
  // A form (`theo mẫu số 01/ĐK`) is no document: its own kind, which the graph leaves out.
  const kind = raw.form ? "form" : kindOf(raw.typeWord, codes?.typeCode ?? null, codes?.style ?? null);

  // OCR damage: folded while normalizing (look-alike letters, page numbers) or read by the grammar.
  for (const r of repairsWithin(nt, whole)) {
    repaired({ text: r.read, start: r.start, end: r.end }, r.read, r.as, r.as === PAGE_BREAK ? PENALTY.pageBreak : PENALTY.letter);
  }
  // Marks lost or wrong (compared on the normalized text, so NFD input is not damage).
  if (typeSpan && raw.typeWord && kind && foldKey(raw.typeWord.text) !== foldKey(kind)) repaired(typeSpan, typeSpan.text, kind, PENALTY.diacritics);
  for (const piece of [raw.marker, ...raw.dates]) {
    for (const word of piece ? misspelledKeywords(piece) : []) {
      const at = toSpan(word) as Span;
      repaired(at, at.text, word.text, PENALTY.diacritics);
    }
  }
  // Inside an identifier, a space, a line break or a look-alike dash or slash is damage: `57 - NQ / TW`, `20–NQ⁄TW`.
  if (idSpan && id) {
    const compact = id.text.replace(/\s+/g, "");
    // The space of `77 CT/TU` in place of the hyphen is reported as malformed-identifier, not here.
    const rest = id.separator === " " ? idSpan.text.replace(/\s+/, "") : idSpan.text;
    if (/\s/.test(rest) || /[\u2010-\u2015\u2212\uFE63\uFF0D\u2044\u2215\uFF0F\u29F8]/.test(rest)) {
      repaired(idSpan, idSpan.text, compact, PENALTY.separator);
    }
  }
  if (id && idSpan) {
    if (number !== id.number.text) repaired(toSpan(id.number) as Span, id.number.text, number, PENALTY.digit);
    for (const [read, as] of codeRepairs) repaired(idSpan, read, as, PENALTY.codeLetter);
    if (id.separator === " " && codes?.key) {
      diagnostics.push(diagnostic("malformed-identifier", idSpan.start, idSpan.end, { id: idSpan.text, fix: codes.key }, codes.key));
    } else if (/[ \t][-/]|[-/][ \t]/.test(idSpan.text)) {
      // `Số: 34 /KH-LĐLĐ`: a space beside a separator on one line is the drafter's to remove (a line break is layout).
      const fix = idSpan.text.replace(/\s+/g, "");
      diagnostics.push(diagnostic("malformed-identifier", idSpan.start, idSpan.end, { id: idSpan.text, fix }, fix));
    }
    // A form's number (`Mẫu số 06-TBTĐ`) names no issuer: it is no document's identifier. Decided once the date
    // is read, as the type code is: `Thông tư 108/TC` of 1995 is the Ministry of Finance's.
    if (codes && !raw.form) incompleteAt = diagnostics.length;
    if (!raw.typeWord && !raw.form && !(raw.marker && raw.marker.text.endsWith(":"))) {
      diagnostics.push(diagnostic("bare-identifier", idSpan.start, idSpan.end, { id: idSpan.text }));
    }
    mismatchAt = diagnostics.length; // decided once the date is read (an old identifier is read in its era)
  } else if (raw.shortNumber) {
    diagnostics.push(diagnostic("short-reference", whole.start, whole.end, { text: whole.text }));
  }

  const titleSpan = toSpan(raw.title);
  const rawDate = raw.dates[0] ?? null;
  const dateSpan = toSpan(rawDate);
  let date: string | null = null;
  if (rawDate && dateSpan) {
    // A look-alike letter in a number (`tháng l1`, `7/O9/2019`) is read as its digit; anything else that is no
    // number (`20/xx/2020`) makes the date invalid, never the citation lost.
    const part = (s: string | null) => {
      if (s === null) return null;
      const digits = lookalikeDigits(s);
      if (digits !== s && /^\d+$/.test(digits)) repaired(dateSpan, s, digits, PENALTY.digit);
      return digits;
    };
    const reading = readDate(part(rawDate.day), part(rawDate.month), part(rawDate.year));
    if (reading.kind === "valid") date = reading.iso;
    else if (reading.kind === "invalid") diagnostics.push(diagnostic("invalid-date", dateSpan.start, dateSpan.end, { date: dateSpan.text }));
    else {
      const vi = { day: "ngày", month: "tháng", year: "năm" };
      diagnostics.push(
        diagnostic("incomplete-date", dateSpan.start, dateSpan.end, {
          date: dateSpan.text,
          missing: reading.missing.join(", "),
          missingVi: reading.missing.map((m) => vi[m]).join(", "),
        }),
      );
    }
  }
  // The first group read as a type code that is a ministry's in an earlier era: `70-TC/TCT`, `06/TC-TCDN`, `108/TC`.
  const sep = codes?.style === "party" ? "/" : (id?.groups[1]?.sep ?? "-");
  const era = id && codes && raw.typeWord && codes.typeCode
    ? readInEra(raw.typeWord.text, codes.typeCode, codes.issuer ?? "", sep, date, identifierYear(raw.year?.text.replace(/\D/g, "")) ?? identifierYear(rawDate?.year ?? undefined))
    : null;
  if (id && codes && era) {
    const key = codes.key ?? `${withoutLeadingZeros(number)}${id.separator}${codes.typeCode}${codes.issuer ? sep + codes.issuer : ""}`;
    Object.assign(codes, { ...era, key, style: "state" });
  }
  const mismatch = mismatchAt !== null && raw.typeWord && typeSpan && idSpan && !era ? typeCodeMismatch(raw.typeWord.text, codes?.typeCode ?? null, typeSpan, idSpan) : null;
  if (mismatch) diagnostics.splice(mismatchAt as number, 0, mismatch);
  if (incompleteAt !== null && idSpan && codes?.issuer === null) {
    diagnostics.splice(incompleteAt, 0, diagnostic("incomplete-identifier", idSpan.start, idSpan.end, { id: idSpan.text, full: "" }));
  }

  const termSpan = toSpan(raw.terms[0] ?? null);
  const issuedBySpan = toSpan(raw.issuedBy[0] ?? null);
  const body = raw.issuedBy[0] ? readBody(nt.text, raw.issuedBy[0]) : null;
  // After the citation's own date or body, a state text's subject may open with its verb (`quy định về …`).
  const tail = raw.dates.at(-1)?.end === raw.end || raw.issuedBy.at(-1)?.end === raw.end;
  const subjectPiece = raw.issuedBy.at(-1)?.end === raw.end ? findSubjectAfterBody(nt.text, raw.end, tail) : findSubject(nt.text, raw.end, tail);
  const subjectSpan = toSpan(subjectPiece);

  const year =
    identifierYear(id?.year?.text) ?? identifierYear(raw.year?.text.replace(/\D/g, "")) ?? (date ? Number(date.slice(0, 4)) : null) ?? identifierYear(rawDate?.year ?? undefined);
  // A law by name, read against the catalogue: its number, and its title where the text damaged it.
  const statute = raw.title && kind ? readStatute(kind, raw.title.text, year, date) : null;
  // A law's date the reader could not finish (`tháng б`): the catalogue's, where what was read agrees with it.
  const passed = statute?.statute?.passed;
  if (!date && passed && rawDate && dateSpan && agrees(rawDate, passed)) {
    date = passed;
    for (let i = diagnostics.length - 1; i >= 0; i--) if (/^(?:incomplete|invalid)-date$/.test((diagnostics[i] as Diagnostic).code)) diagnostics.splice(i, 1);
    repaired(dateSpan, dateSpan.text, passed, PENALTY.digit);
  }
  if (statute?.repairedTitle && titleSpan) {
    repaired(titleSpan, titleSpan.text, statute.repairedTitle, statute.repairedTitle && foldsAlike(titleSpan.text, statute.repairedTitle) ? PENALTY.diacritics : PENALTY.word);
  }
  const title = statute?.repairedTitle ?? (raw.title ? singleSpaced(raw.title.text) : null);
  const nameKey = title && kind ? namedKey(kind, title, year) : null;
  const key = codes?.key ?? (id ? null : (statute?.statute?.number ?? nameKey));

  return {
    text: whole.text,
    start: whole.start,
    end: whole.end,
    key,
    keySource: key === null ? null : !codes?.key && statute?.statute ? "catalogue" : "printed",
    title,
    nameKey,
    number,
    year: id ? identifierYear(id.year?.text) : year,
    typeCode: codes?.typeCode ?? null,
    issuer: codes?.issuer ?? null,
    style: codes?.style ?? null,
    kind,
    date,
    issuedBy: body?.value ?? null,
    issuedByKey: body?.key ?? null,
    issuedByPlace: body?.place ?? null,
    term: termSpan ? (/[IVXL]+(?=\)?$)/.exec(termSpan.text)?.[0] ?? null) : null,
    subject: subjectPiece ? singleSpaced(subjectPiece.text) : null,
    relation: "mentions",
    confidence: Math.round(confidence * 1000) / 1000,
    spans: { typeWord: typeSpan, title: titleSpan, identifier: idSpan, date: dateSpan, issuedBy: issuedBySpan, term: termSpan, subject: subjectSpan },
    diagnostics,
  };
}
