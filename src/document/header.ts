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
import type { Span } from "../schema.js";
import { KINDS } from "../tables.js";
import { DATE_IN_WORDS, dateValue } from "./date-phrase.js";

export interface HeaderDate {
  iso: string | null;
  day: number | null;
  month: number | null;
  year: number | null;
  span: Span;
}
export interface Header {
  type: { kind: string; span: Span } | null;
  place: Span | null;
  date: HeaderDate | null;
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
// `Hà Nội, ngày 11 tháng 4 năm 2025`. Web portals flatten the header, put the number before the place and drop
// the comma (`Số: 87/2025/NĐ-CP Hà Nội ngày 11 tháng 4 năm 2025`): without a comma the place must be
// capitalised words, so that prose never matches.
const DATE_PART = `(?<date>${DATE_IN_WORDS})`;
const PLACE_DATE = new RegExp(
  String.raw`^[\s*_]*(?:S[ốỐ]\s*:\s*)?(?:[^\s,]*\d[^\s,]*\s+)?(?:(?<place>[^,\n]{2,60}?),\s*|(?<bare>\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4})\s+)${DATE_PART}`,
  "du",
);
const HEADINGS = new Map(KINDS.map((k) => [k.kind.toUpperCase(), k.kind]));
const HEADING_START = new RegExp(`^(${[...HEADINGS.keys()].sort((a, b) => b.length - a.length).join("|")})(?=\\s|$)`, "u");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const SIGN_PREFIX = new RegExp(`^[\\s*_]*(?:${documentJson.signingFor.map(escape).join("|")})\\.?\\s+\\p{Lu}`, "u");
const SIGNING_TITLE = new RegExp(
  `^[\\s*_]*(?:${escape(documentJson.deputyPrefix)}\\s+)?(?:${documentJson.signingTitles.map((t) => escape(t).replace(/ /g, "\\s+")).join("|")})[\\s*_]*$`,
  "u",
);
const UPPER_LINE = /^[\s*_]*[\p{Lu}\d][\p{Lu}\d\s,.\-/()]*[\s*_]*$/u;
const PERSON = /^[\s*_]*(?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}*){1,5}[\s*_]*$/u;

/** The header and footer of the source's text, read normalized; spans in the original text. */
export function readHeader(src: Source): Header {
  const h = readNormalized(src.text);
  const out = (s: Span) => src.span(s.start, s.end);
  const maybe = (s: Span | null) => (s ? out(s) : null);
  return {
    type: h.type && { kind: h.type.kind, span: out(h.type.span) },
    place: maybe(h.place),
    date: h.date && { ...h.date, span: out(h.date.span) },
    subject: maybe(h.subject),
    addressees: h.addressees.map(out),
    recipients: h.recipients.map(out),
    signature: { authority: maybe(h.signature.authority), title: maybe(h.signature.title), signer: maybe(h.signature.signer) },
  };
}

/** The header of normalized `text`, with spans into it. */
function readNormalized(text: string): Header {
  const lines = linesOf(text);
  const header: Header = {
    type: null, place: null, date: null, subject: null, addressees: [], recipients: [],
    signature: { authority: null, title: null, signer: null },
  };
  const top = lines.slice(0, HEADER_LINES);

  for (const line of top) {
    const m = PLACE_DATE.exec(line.text);
    if (!m?.groups || !m.indices?.groups || header.date) continue;
    const [placeAt, placeEnd] = (m.indices.groups.place ?? m.indices.groups.bare) as [number, number];
    header.place = { text: line.text.slice(placeAt, placeEnd), start: line.start + placeAt, end: line.start + placeEnd };
    const [dateStart, dateEnd] = (m.indices.groups.date as [number, number]).map((i) => line.start + i) as [number, number];
    header.date = { ...dateValue(m.groups), span: { text: text.slice(dateStart, dateEnd), start: dateStart, end: dateEnd } };
    // A flattened header goes on after the date with the heading and the title: `… năm 2024 QUYẾT ĐỊNH VỀ …`.
    header.type ??= headingAt(line, dateEnd - line.start);
  }

  const headingIndex = top.findIndex((l) => HEADINGS.has(l.text.trim().replace(/[*_]/g, "")));
  if (headingIndex >= 0) {
    const line = top[headingIndex] as Line;
    const span = trimmed(line) as Span;
    header.type = { kind: HEADINGS.get(span.text) as string, span };
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

  const kg = lines.findIndex((l) => /^[\s*_]*Kính gửi\s*:/i.test(l.text));
  if (kg >= 0) header.addressees = listFrom(lines, kg, /Kính gửi\s*:/i);
  const nn = lines.findIndex((l) => /^[\s*_]*Nơi nhận\s*:/i.test(l.text));
  if (nn >= 0) header.recipients = listFrom(lines, nn, /Nơi nhận\s*:/i);

  readSignature(lines, header);
  return header;
}

/** The heading type word at line.text[from…] (over blanks), when one stands there in capitals. */
function headingAt(line: Line, from: number): Header["type"] {
  const lead = /^[\s*_]*/.exec(line.text.slice(from))?.[0].length ?? 0;
  const m = HEADING_START.exec(line.text.slice(from + lead));
  if (!m) return null;
  const start = line.start + from + lead;
  return { kind: HEADINGS.get(m[1] as string) as string, span: { text: m[1] as string, start, end: start + (m[1] as string).length } };
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

/** `TM. BAN THƯỜNG VỤ` (authority), the title line below it, and the first name-like line after them. */
function readSignature(lines: Line[], header: Header): void {
  const at = lines.findIndex((l) => SIGN_PREFIX.test(l.text) && UPPER_LINE.test(l.text));
  const titleOnly = at < 0 ? lines.findIndex((l, i) => i > HEADER_LINES && SIGNING_TITLE.test(l.text)) : -1;
  const start = at >= 0 ? at : titleOnly;
  if (start < 0) return;
  let next = start;
  if (at >= 0) {
    header.signature.authority = trimmed(lines[at] as Line);
    const below = lines[at + 1];
    if (below && !isBlank(below) && UPPER_LINE.test(below.text)) {
      header.signature.title = trimmed(below);
      next = at + 1;
    }
  } else header.signature.title = trimmed(lines[start] as Line);
  for (let i = next + 1; i < lines.length && i <= next + 8; i++) {
    const line = lines[i] as Line;
    if (isBlank(line)) continue;
    if (/^[\s*_]*Nơi nhận/i.test(line.text)) break;
    if (PERSON.test(line.text)) header.signature.signer = trimmed(line);
    break;
  }
}
