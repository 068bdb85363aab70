/**
 * The citing document's own header and footer, read line by line. Every field is null (or empty) when the
 * text does not give it: several real documents lost their header in conversion, and nothing is invented.
 *
 *   Số: 300/LĐLĐ                              identifier
 *   Huyện DMC, ngày   tháng 02 năm 2025       place, date (day blank)
 *   KẾ HOẠCH                                  heading → type
 *   V/v tuyên truyền …                        subject (or the title lines after the heading)
 *   Kính gửi: - Các công đoàn cơ sở …         addressees
 *   TM. BAN THƯỜNG VỤ / PHÓ CHỦ TỊCH          signing block; then the signer's name
 *   Nơi nhận: - Như trên; - Lưu: VP.          recipients
 */
import documentJson from "../../grammar/document.json";
import type { Source } from "../extract/source.js";
import type { DocumentRecord, HeaderField, Span } from "../types.js";
import { KINDS } from "../tables.js";
import { isBare, marksOptional, singleSpaced } from "../text.js";
import { DATE_IN_WORDS, type DateValue, dateValue } from "./date-phrase.js";
import { fold, words } from "./verbs.js";

const LABELS = documentJson.headerLabels;
const ADDRESSEES = new RegExp(`(?:${words(LABELS.addressees)})\\s*:`, "i");
const ADDRESSEES_LINE = new RegExp(`^[\\s*_]*${ADDRESSEES.source}`, "i");
const RECIPIENTS = new RegExp(`(?:${words(LABELS.recipients)})\\s*:`, "i");
const RECIPIENTS_LINE = new RegExp(`^[\\s*_]*${RECIPIENTS.source}`, "i");

/** The fields readHeader gives, as the record has them. */
export type Header = Pick<DocumentRecord, "type" | "place" | "date" | "subject" | "addressees" | "recipients" | "signature">;

/** The header as read from the normalized text: spans into it, the values not yet taken. */
interface Found {
  type: { kind: string; span: Span } | null;
  place: Span | null;
  date: (DateValue & { span: Span }) | null;
  subject: Span | null;
  addressees: Span[];
  recipients: Span[];
  signature: { authority: Span | null; title: Span | null; signer: Span | null };
}

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split("\n")) {
    lines.push({ text: raw, start });
    start += raw.length + 1;
  }
  return lines;
}

/** The span of `line` without markdown emphasis, list dashes and surrounding blanks. */
function trimmed(line: Line, from = 0): Span | null {
  const t = line.text.slice(from);
  const lead = /^[\s*_\-–•]*/.exec(t)?.[0].length ?? 0;
  const body = t.slice(lead).replace(/[\s*_]+$/, "");
  if (body === "") return null;
  const start = line.start + from + lead;
  return { text: body, start, end: start + body.length };
}

const join = (a: Span, b: Span, text: string): Span => ({ start: a.start, end: b.end, text: text.slice(a.start, b.end) });
const isBlank = (l: Line | undefined) => l === undefined || l.text.trim() === "";

// The header stands in the first lines; beyond them a "ngày …" line is prose, not the document's date.
export const HEADER_LINES = 30;
const HEADER_LINE_CHARS = 500;
// `Hà Nội, ngày 11 tháng 4 năm 2025`. Web portals flatten the header, put the number before the place and drop
// the comma (`Số: 87/2025/NĐ-CP Hà Nội ngày 11 tháng 4 năm 2025`): without a comma the place must be
// capitalised words, so that prose never matches. The issuer's name may stand before `Số` on that line
// (`TỈNH ỦY HÀ TĨNH * Số 12-KH/TU Hà Tĩnh, ngày …`), and Party documents write `Số` without a colon. A place
// starts with a capital: `Số 120 người … tại Hà Nội, ngày …` is prose.
const DATE_PART = `(?<date>${DATE_IN_WORDS})`;
// `Số`, `SỐ`: the number's label as printed (document.json `headerLabels.number`, its first).
const NUMBER_LABEL = `(?:${LABELS.number[0]}|${(LABELS.number[0] as string).toUpperCase()})`;
const PLACE_DATE = new RegExp(
  String.raw`^[\s*_]*(?:(?:[^\n]*?[\s*_])?${NUMBER_LABEL}\s*:?\s*)?(?:[^\s,]*\d[^\s,]*\s+)?(?:(?!${NUMBER_LABEL}\s*:?\s*\d)(?<place>\p{Lu}[^,\n/]{1,59}?),\s*|(?<bare>\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4})\s+)${DATE_PART}`,
  "du",
);
// When the number is damaged by blanks (`Số: 367 - QĐ/TWĐTN-VP Hà Nội, ngày …`), the place is the words in
// title case just before the comma; the number must have its slash, so that prose (`Số 120 người …`) never matches.
const PLACE_DATE_AFTER_NUMBER = new RegExp(
  String.raw`^[\s*_]*(?:[^\n]*?[\s*_])?${NUMBER_LABEL}\s*:?\s*\d[^\n]{0,30}?\/[^\n]*?\s(?<place>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,3}),\s*${DATE_PART}`,
  "du",
);
// A heading is a type word in capitals, its marks read or lost (`NGHỊ ĐỊNH`, `NGHI DINH`).
const HEADINGS = new Map(KINDS.map((k) => [k.kind.toUpperCase(), k.kind]));
const BARE_HEADINGS = new Map(KINDS.map((k) => [fold(k.kind), k.kind]));
const HEADING_MAX = Math.max(...KINDS.map((k) => k.kind.length));
// A line is read as a heading only when it is no longer than the longest (a long line is never folded).
const headingOf = (s: string) =>
  s.length > HEADING_MAX || s !== s.toUpperCase() ? undefined : (HEADINGS.get(s) ?? (isBare(s) ? BARE_HEADINGS.get(fold(s)) : undefined));
const HEADING_START = new RegExp(`^(${words(KINDS.map((k) => k.kind.toUpperCase()))})(?=\\s|$)`, "u");
const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
// A table word as a pattern, each word also with no mark at all (never for a word a name may be: `Phần`
// without marks is the surname `Phan`).
const loose = (s: string) => marksOptional(escape(s));
const PREFIXES = documentJson.signingFor.map(loose).join("|");
// `TM. BAN THƯỜNG VỤ`, `T/M BAN THƯỜNG VỤ`, `KT.BỘ TRƯỞNG`, `K/T TRƯỞNG BAN`: a prefix, its dot or a blank, capitals.
// Two capitals at least: `Q. Ba Đình, TP. Hà Nội` is an address.
const SIGN_PREFIX = new RegExp(`^[\\s*_|]*(?:${PREFIXES})(?:\\.\\s*|\\s+)(?=\\p{Lu}{2})`, "u");
// `TM.` alone on its line, the authority on the next (`TM.` / `CHÍNH PHỦ KT. THỦ TƯỚNG …`).
const PREFIX_ALONE = new RegExp(`^[\\s*_|]*(?:${PREFIXES})\\.?[\\s*_|]*$`, "u");
// A second prefix inside a flattened block: `TM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG`.
const INNER_PREFIX = new RegExp(`\\s(?:${PREFIXES})(?:\\.\\s*|\\s+)(?=\\p{Lu}{2})`, "u");
const TITLE = `(?:${loose(documentJson.deputyPrefix)}\\s+)?(?:${documentJson.signingTitles.map((t) => loose(t).replace(/ /g, "\\s+")).join("|")})(?:\\s+(?:${documentJson.titleSuffixes.map((t) => loose(t).replace(/ /g, "\\s+")).join("|")}))?`;
const SIGNING_TITLE = new RegExp(`^[\\s*_|]*${TITLE}[\\s*_|]*$`, "u");
// The title at the end of a flattened block's capitals; a web page may glue it to the authority (`ĐOÀNBÍ THƯ`).
const TITLE_AT_END = new RegExp(`${TITLE}$`, "u");
// The capitals of a signing line, up to the first word in lower case (the signer's name) or a bracket.
const CAPITALS = /^[\p{Lu}\d][\p{Lu}\d,.\-/…]*(?:\s+[\p{Lu}\d][\p{Lu}\d,.\-/…]*)*(?=\s|$|[(*_|])/u;
// `(đã ký)`, `(Ký, ghi rõ họ tên, đóng dấu)`, `[signature]`, `Đã ký`, an image: marks between the title and the name.
const SIGNING_MARK = new RegExp(`^[\\s*_|]*(?:\\(.*\\)|\\[.*\\]|!\\[.*|(?:${longestFirst(documentJson.signingMarks).map(loose).join("|")})(?=[\\s*_|.]|$)\\.?)[\\s*_|]*`, "iu");
const UPPER_LINE = /^[\s*_]*[\p{Lu}\d][\p{Lu}\d\s,.\-/()]*[\s*_]*$/u;
// A name: two to six words with a capital first letter (`Y Biêr Niê`), never a heading's word (`Phụ lục`, `Nơi nhận`).
// It ends at the line's end or before capitals, a bracket or a heading (`Lê Minh Khái Phụ lục (Kèm theo …)`).
const NOT_NAMES = longestFirst(documentJson.notNames).map(escape).join("|");
const NAME = new RegExp(`^\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,5}?(?=[\\s*_|]*$|\\s+(?:\\p{Lu}{2}|\\(|(?:${NOT_NAMES})(?=\\s|$)))`, "u");
const NOT_NAME = new RegExp(`^(?:${NOT_NAMES})(?=\\s|$)`, "iu");
// A bracketed note that asks for a signature, `(Ký, ghi rõ họ tên, đóng dấu)`: the block is a form's blank.
const FORM_NOTE = new RegExp(documentJson.formSigningNotes.map(loose).join("|"), "iu");

/**
 * The printed words of a normalized span as a value: NFC, its lines joined by one space, each without the list
 * mark or emphasis at its ends (a subject over two lines, `**V/v …**`), runs of blanks as one space.
 */
export const printedValue = (text: string): string =>
  singleSpaced(text.split("\n").map((line) => line.replace(/^[\s*_\-–•]+|[\s*_]+$/g, "")).filter((l) => l !== "").join(" ")).normalize("NFC");

/** The header and footer of the source's text, read normalized: values from it, spans in the original text. */
export function readHeader(src: Source): Header {
  const h = readNormalized(src.text);
  const field = (s: Span): HeaderField => ({ value: printedValue(s.text), span: src.span(s.start, s.end) });
  const maybe = (s: Span | null) => (s ? field(s) : null);
  const { type, date, signature } = h;
  return {
    type: type && { value: type.kind, span: src.span(type.span.start, type.span.end) },
    place: maybe(h.place),
    date: date && { value: date.iso, day: date.day, month: date.month, year: date.year, span: src.span(date.span.start, date.span.end) },
    subject: maybe(h.subject),
    addressees: h.addressees.map(field),
    recipients: h.recipients.map(field),
    signature: { authority: maybe(signature.authority), title: maybe(signature.title), signer: maybe(signature.signer) },
  };
}

/** The header of normalized `text`, with spans into it. */
function readNormalized(text: string): Found {
  const lines = linesOf(text);
  const header: Found = {
    type: null, place: null, date: null, subject: null, addressees: [], recipients: [],
    signature: { authority: null, title: null, signer: null },
  };
  const top = lines.slice(0, HEADER_LINES);

  for (const line of top) {
    // A flattened header puts the place and date within its first few hundred characters; reading no further
    // keeps a page that is one long line linear.
    const head = line.text.slice(0, HEADER_LINE_CHARS);
    const m = PLACE_DATE.exec(head) ?? PLACE_DATE_AFTER_NUMBER.exec(head);
    if (!m?.groups || !m.indices?.groups || header.date) continue;
    const [placeAt, placeEnd] = (m.indices.groups.place ?? m.indices.groups.bare) as [number, number];
    header.place = { text: line.text.slice(placeAt, placeEnd), start: line.start + placeAt, end: line.start + placeEnd };
    const [dateStart, dateEnd] = (m.indices.groups.date as [number, number]).map((i) => line.start + i) as [number, number];
    header.date = { ...dateValue(m.groups), span: { text: text.slice(dateStart, dateEnd), start: dateStart, end: dateEnd } };
    // A flattened header goes on after the date with the heading and the title: `… năm 2024 QUYẾT ĐỊNH VỀ …`.
    header.type ??= headingAt(line, dateEnd - line.start);
  }

  const headingIndex = top.findIndex((l) => headingOf(l.text.trim().replace(/[*_]/g, "")) !== undefined);
  if (headingIndex >= 0) {
    const line = top[headingIndex] as Line;
    const span = trimmed(line) as Span;
    header.type = { kind: headingOf(span.text) as string, span };
    header.subject = paragraphAfter(lines, headingIndex + 1, text);
  } else if (!header.type) {
    // `NGHỊ ĐỊNH QUY ĐỊNH VIỆC GIẢM TIỀN THUÊ ĐẤT NĂM 2024`: heading and title on one capitalised line.
    for (const line of top) {
      if (!UPPER_LINE.test(line.text)) continue;
      header.type = headingAt(line, 0);
      if (header.type) break;
    }
  }
  if (header.type && !header.subject) header.subject = titleAfter(header.type.span, text);
  const vv = top.findIndex((l) => /^[\s*_]*V\/v\s/.test(l.text));
  if (vv >= 0) {
    const first = top[vv] as Line;
    header.subject = paragraphFrom(lines, vv, first.text.indexOf("V/v") + 3, text);
    header.type ??= { kind: "Công văn", span: { text: "V/v", start: first.start + first.text.indexOf("V/v"), end: first.start + first.text.indexOf("V/v") + 3 } };
  }

  const kg = lines.findIndex((l) => ADDRESSEES_LINE.test(l.text));
  if (kg >= 0) header.addressees = listFrom(lines, kg, ADDRESSEES);
  const nn = lines.findIndex((l) => RECIPIENTS_LINE.test(l.text));
  if (nn >= 0) header.recipients = listFrom(lines, nn, RECIPIENTS);

  readSignature(lines, header);
  return header;
}

/** The heading type word at line.text[from…] (over blanks), when one stands there in capitals. */
function headingAt(line: Line, from: number): Found["type"] {
  const lead = /^[\s*_]*/.exec(line.text.slice(from))?.[0].length ?? 0;
  const m = HEADING_START.exec(line.text.slice(from + lead));
  if (!m) return null;
  const start = line.start + from + lead;
  return { kind: headingOf(m[1] as string) as string, span: { text: m[1] as string, start, end: start + (m[1] as string).length } };
}

/** The capitalised title after a heading on the same line, up to the first word in lower case (`Căn cứ`). */
function titleAfter(heading: Span, text: string): Span | null {
  const lineEnd = text.indexOf("\n", heading.end);
  const rest = text.slice(heading.end, lineEnd < 0 ? text.length : lineEnd);
  const m = /^\s+((?:[\p{Lu}\d][\p{Lu}\d,.\-/()]*(?=\s|$)\s*)+)/u.exec(rest);
  if (!m) return null;
  const body = (m[1] as string).trimEnd();
  const start = heading.end + rest.indexOf(m[1] as string);
  return body === "" ? null : { text: body, start, end: start + body.length };
}

/** The non-blank lines from `index`, up to a blank line, as one span: a title or a subject. */
function paragraphAfter(lines: Line[], index: number, text: string): Span | null {
  let i = index;
  while (i < lines.length && isBlank(lines[i])) i++;
  return i < lines.length ? paragraphFrom(lines, i, 0, text) : null;
}

function paragraphFrom(lines: Line[], index: number, from: number, text: string): Span | null {
  const first = trimmed(lines[index] as Line, from);
  if (!first) return null;
  let last = first;
  for (let i = index + 1; i < lines.length && !isBlank(lines[i]); i++) last = trimmed(lines[i] as Line) ?? last;
  return join(first, last, text);
}

/** `Kính gửi: A` or `Nơi nhận:` followed by `- A`, `- B` lines: one span per item. */
function listFrom(lines: Line[], index: number, label: RegExp): Span[] {
  const items: Span[] = [];
  const first = lines[index] as Line;
  const afterLabel = (label.exec(first.text)?.index ?? 0) + (label.exec(first.text)?.[0].length ?? 0);
  const inline = trimmed(first, afterLabel);
  if (inline) items.push(inline);
  let i = index + 1;
  while (i < lines.length && isBlank(lines[i])) i++;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!/^\s*[-–•+]/.test(line.text)) break;
    const item = trimmed(line);
    if (item) items.push(item);
  }
  return items;
}

/**
 * The signing block: `TM. BAN THƯỜNG VỤ` (authority), the capital lines below it, the last of which is the
 * signer's title (`KT. THỦ TƯỚNG` / `PHÓ THỦ TƯỚNG`), marks such as `(đã ký)`, then the signer's name. A web page
 * flattens the block into one line (`TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Xuân Phúc`): the title is then the end of
 * the capitals that is a signing title, and the name follows on the same line.
 */
function readSignature(lines: Line[], header: Found): void {
  const candidates = lines.flatMap((l, i) => (SIGN_PREFIX.test(l.text) || wrappedPrefix(lines, i) ? [i] : []));
  if (candidates.length === 0) {
    const titleOnly = lines.findIndex((l, i) => i > HEADER_LINES && SIGNING_TITLE.test(l.text));
    if (titleOnly >= 0) candidates.push(titleOnly);
  }
  // A form in an appendix has its own blank block (`TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / (Ký, ghi rõ họ tên)`):
  // the document's signature is the first block that is not such a blank.
  for (const start of candidates) {
    const block = signingBlock(lines, start);
    if (block.form) continue;
    header.signature = block.signature;
    return;
  }
}

const wrappedPrefix = (lines: Line[], i: number) =>
  PREFIX_ALONE.test((lines[i] as Line).text) && /^[\s*_|]*\p{Lu}{2}/u.test(lines[i + 1]?.text ?? "");

function signingBlock(lines: Line[], start: number): { signature: Found["signature"]; form: boolean } {
  const sig: Found["signature"] = { authority: null, title: null, signer: null };
  let first = lines[start] as Line;
  if (wrappedPrefix(lines, start)) {
    first = { text: `${first.text}\n${(lines[start + 1] as Line).text}`, start: first.start };
    start += 1;
  }
  const hasPrefix = SIGN_PREFIX.test(first.text);
  const lead = /^[\s*_|]*/.exec(first.text)?.[0].length ?? 0;
  const caps = CAPITALS.exec(first.text.slice(lead))?.[0] ?? "";
  const capsAt = first.start + lead;
  const spanAt = (from: number, to: number): Span => ({ text: first.text.slice(from - first.start, to - first.start), start: from, end: to });
  // The authority when the title stands on a line below (`TM. BAN GIÁM ĐỐC` / `GIÁM ĐỐC`): up to a second prefix.
  let unsplit: Span | null = null;
  if (!hasPrefix) sig.title = spanAt(capsAt, capsAt + caps.length);
  else {
    // Split a flattened block: the authority ends at a second prefix or at the title.
    const prefixEnd = SIGN_PREFIX.exec(first.text)?.[0].length ?? lead;
    const inner = INNER_PREFIX.exec(caps);
    const title = TITLE_AT_END.exec(caps);
    const titleAt = title && title.index > prefixEnd - lead ? title.index : -1;
    const authorityEnd = inner ? inner.index : titleAt >= 0 ? titleAt : caps.length;
    sig.authority = spanAt(capsAt, capsAt + caps.slice(0, authorityEnd).trimEnd().length);
    unsplit = spanAt(capsAt, capsAt + caps.slice(0, inner ? inner.index : caps.length).trimEnd().length);
    if (titleAt >= 0) sig.title = spanAt(capsAt + titleAt, capsAt + caps.length);
  }
  // The rest of the first line, or the capital lines below it, the last of which is the title.
  let index = start;
  // The offset in line `index` (the second line of a wrapped prefix) just after the capitals.
  let from = capsAt + caps.length - (lines[index] as Line).start;
  if (first.text.slice(lead + caps.length).replace(/[\s*_|]/g, "") === "") {
    for (let i = start + 1; i < lines.length && i <= start + 3; i++) {
      const line = lines[i] as Line;
      if (isBlank(line) || !UPPER_LINE.test(line.text) || SIGNING_MARK.test(line.text)) break;
      sig.title = trimmed(line);
      if (unsplit) sig.authority = unsplit;
      index = i;
      // `KT. THỦ TƯỚNG` is followed by the title proper; a title is followed by the name, never another title.
      if (!SIGN_PREFIX.test(line.text)) break;
    }
    from = (lines[index] as Line).text.length;
  }
  const after = signerAfter(lines, index, from);
  sig.signer = after.signer;
  return { signature: sig, form: after.form };
}

/** The signer's name after line `index` at `from`, over blank lines and signing marks; `form` when a mark asks to sign. */
function signerAfter(lines: Line[], index: number, from: number): { signer: Span | null; form: boolean } {
  for (let i = index, at = from; i < lines.length && i <= index + 8; i++, at = 0) {
    const line = lines[i] as Line;
    let t = line.text.slice(at);
    for (let mark = SIGNING_MARK.exec(t); mark && mark[0].length > 0; mark = SIGNING_MARK.exec(t)) {
      if (FORM_NOTE.test(mark[0])) return { signer: null, form: true };
      at += mark[0].length;
      t = t.slice(mark[0].length);
    }
    const lead = /^[\s*_|]*/.exec(t)?.[0].length ?? 0;
    const body = t.slice(lead);
    if (body.trim() === "") continue;
    const name = NAME.exec(body);
    if (!name || NOT_NAME.test(body)) return { signer: null, form: false };
    const start = line.start + at + lead;
    return { signer: { text: name[0], start, end: start + name[0].length }, form: false };
  }
  return { signer: null, form: false };
}
