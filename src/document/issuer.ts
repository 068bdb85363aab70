/**
 * The document's own issuing body, from the authority lines of its header (the capitals above `Số:`), read as a
 * citation's body is (readIssuingBody): the same key and place.
 *
 *   UBND TỈNH QUẢNG NAM          parent
 *   SỞ TÀI CHÍNH                 issuer: as printed; place and key with the parent's place (`sở tài chính tỉnh quảng nam`)
 *   -------
 *   Số: 12/STC-NS
 *
 * `ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG NAM` is one name on two lines (the second starts with a place); `TỈNH ỦY NGHỆ AN`
 * / `BAN THƯỜNG VỤ` is an organ of the line above (key `ban thường vụ tỉnh ủy nghệ an`). The national motto and
 * `ĐẢNG CỘNG SẢN VIỆT NAM` (grammar/bodies.json, headerMottos) are no issuer. A flattened page keeps the header on one
 * line (`BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN ------- CỘNG HÒA …`): rules split it, and known bodies split a run of capitals.
 */
import bodiesJson from "../../grammar/bodies.json";
import documentJson from "../../grammar/document.json";
import placesJson from "../../grammar/places.json";
import { matchBody, readIssuingBody } from "../extract/body.js";
import { matchPlace } from "../extract/place.js";
import type { Source } from "../extract/source.js";
import { tokenize } from "../extract/tokenize.js";
import type { IToken } from "chevrotain";
import type { DocumentIssuer } from "../types.js";
import { BODY_ABBREVIATIONS, foldName, stripDiacritics } from "../tables.js";
import { marksOptional, words } from "./verbs.js";


const HEADER_LINES = 30;
const LINE_CHARS = 500;
// Compared without marks: a header that lost them (`CONG HOA XA HOI CHU NGHIA`) still shows its motto.
const bare = (s: string) => stripDiacritics(foldName(s));
const MOTTOS = bodiesJson.headerMottos.map(bare);
// `Số: 12/…`, `Số 128-KH/ĐUK`, a blank `Số:`, `Luật số:`: the authority lines stand above it (or before it on its line).
// Its label from document.json `headerLabels.number` (as printed, in capitals, damaged; in lower case before a colon only).
const NUMBER_LABELS = documentJson.headerLabels.number;
const NUMBER_LINE = new RegExp(`(?:^|[\\s*_|])(?:(?:${words([...NUMBER_LABELS, (NUMBER_LABELS[0] as string).toUpperCase()])})\\s*(?::|(?=\\s*\\d))|(?:${words(NUMBER_LABELS.map((w) => w.toLowerCase()))})\\s*:)`, "u");
// `Hà Nội, ngày 08 tháng 01 năm 2021` opening a line: where a header has no number line, it ends there.
const DATE_LINE = new RegExp(`^[\\s*_|]*\\p{Lu}[^,\\n]{0,60},\\s*${marksOptional(documentJson.dates.day)}\\s+[\\d.…\\s]*${marksOptional(documentJson.dates.month)}\\s`, "u");
// Rules between the authority and the rest: `-------`, `*`, `***`, `|`, `________`.
const RULE = /\s*(?:[-–_=]{3,}|\*+|\|)\s*/u;
const HAS_LOWER = /\p{Ll}/u;

interface Part {
  start: number;
  end: number;
  text: string;
}

/**
 * Capitals that lost their marks (`UBND TINH QUANG NAM`) are read in title case, as a citation's words without marks
 * are (`Tinh Quang Nam` → `tỉnh Quảng Nam`); abbreviations stay (`UBND`, `TP`).
 */
const KEPT = new Set([...Object.keys(BODY_ABBREVIATIONS), ...placesJson.units.flatMap((u) => u.abbreviations)]);
const readable = (name: string) =>
  /^[\x00-\x7f]*$/.test(name) && !/\p{Ll}/u.test(name) ? name.replace(/\p{L}+/gu, (w) => (KEPT.has(w) ? w : w[0] + w.slice(1).toLowerCase())) : name;
const read = (name: string) => readIssuingBody(readable(name));

/** The issuer read from the first lines of `src`'s normalized text; null where the header names none. */
export function readIssuer(src: Source): DocumentIssuer | null {
  const units = authorityUnits(src.text);
  const own = units.at(-1);
  if (!own) return null;
  const parent = units.at(-2);
  const reading = read(own.text);
  let { key, place } = reading;
  if (parent) {
    const above = read(parent.text);
    const withParent = `${own.text} ${parent.text}`;
    // An organ of the line above (`BAN THƯỜNG VỤ` under `TỈNH ỦY NGHỆ AN`) is named with it, as a citation names it.
    if (coversAll(withParent)) ({ key, place } = read(withParent));
    // A unit with no place of its own lies in its parent's (`SỞ TÀI CHÍNH` under `UBND TỈNH QUẢNG NAM`): named
    // with it as a citation would (`Sở Tài chính tỉnh Quảng Nam`, `Tỉnh ủy Quảng Ninh`).
    else if (!place && above.place && above.place.name !== "") {
      const p = above.place;
      const named = readIssuingBody(`${readable(own.text)} ${p.name}`);
      ({ key } = named.place?.key === p.key ? named : readIssuingBody(`${readable(own.text)} ${p.unit} ${p.name}`));
    }
    place ??= above.place;
  }
  const span = src.span(own.start, own.end);
  return { text: own.text.replace(/\s+/g, " "), key, place, span };
}

/** The authority units of the header, top down: each a known body, or capitals no body table knows. */
function authorityUnits(text: string): Part[] {
  const parts = authorityParts(text);
  const units: Part[] = [];
  for (const part of parts.flatMap((p) => splitBodies(text, p))) {
    const prev = units.at(-1);
    // `ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG NAM`: a place (or other words no body starts) goes on the name above it.
    if (prev && startsWithPlace(part.text) && !isBody(part.text)) {
      units[units.length - 1] = { start: prev.start, end: part.end, text: text.slice(prev.start, part.end) };
    } else units.push(part);
  }
  return units;
}

/** The capital parts above the number line (or the date line), top down, mottos and rules left out. */
function authorityParts(text: string): Part[] {
  const lines: { start: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i < HEADER_LINES && start <= text.length; i++) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    lines.push({ start, text: text.slice(start, Math.min(stop, start + LINE_CHARS)) });
    start = stop + 1;
  }
  let last = lines.findIndex((l) => NUMBER_LINE.test(l.text));
  if (last < 0) last = lines.findIndex((l) => DATE_LINE.test(l.text));
  if (last < 0) return [];
  const found: Part[] = [];
  // The number's own line may open with the issuer (`TỈNH ỦY HÀ TĨNH * Số 12-KH/TU`).
  for (let i = last; i >= 0; i--) {
    const line = lines[i] as { start: number; text: string };
    const upTo = i === last ? (NUMBER_LINE.exec(line.text)?.index ?? line.text.length) : line.text.length;
    const parts = partsOf(line.text.slice(0, upTo), line.start).filter((p) => !isMotto(p.text));
    // Prose above the header ends it: only capitals belong to the authority.
    if (i < last && parts.some((p) => HAS_LOWER.test(p.text))) break;
    found.unshift(...parts.filter((p) => !HAS_LOWER.test(p.text)));
  }
  return found;
}

/** The pieces of a line between rules, trimmed, with their offsets. */
function partsOf(line: string, at: number): Part[] {
  const out: Part[] = [];
  let from = 0;
  for (const piece of line.split(RULE)) {
    const offset = line.indexOf(piece, from);
    const lead = piece.length - piece.trimStart().length;
    const body = piece.trim().replace(/[*_]+$/, "").trimEnd();
    if (/\p{L}/u.test(body)) out.push({ start: at + offset + lead, end: at + offset + lead + body.length, text: body });
    from = offset + piece.length;
  }
  return out;
}

const isMotto = (s: string) => {
  const b = bare(s);
  return MOTTOS.some((m) => b.startsWith(m) && !/\p{L}/u.test(b[m.length] ?? ""));
};

const tokensOf = (s: string) => tokenize(s, 0, s.length);
const bodyAt = (s: string) => {
  const tokens = tokensOf(s);
  return { tokens, match: matchBody((k) => tokens[k - 1], s) };
};
const isBody = (s: string) => bodyAt(s).match.tokens > 0;
const coversAll = (s: string) => {
  const { tokens, match } = bodyAt(s);
  return match.tokens === tokens.length;
};
// A unit word opens the line (`TỈNH QUẢNG NAM`, `TINH QUANG NAM` where the marks were lost).
const UNIT_WORDS = placesJson.units.flatMap((u) => [u.word, ...u.abbreviations]).map(bare);
const startsWithPlace = (s: string) => matchPlace(tokensOf(s), 0, s, null) !== null || UNIT_WORDS.some((u) => bare(s).startsWith(`${u} `));

/**
 * `BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN` on one line: each known body a part; words no table knows stay with the one
 * before. In capitals a place runs on into the next body (`UBND TỈNH CAO BẰNG SỞ TÀI CHÍNH`): a body of two words
 * or more that starts after a body's units ends it there.
 */
function splitBodies(text: string, part: Part): Part[] {
  const tokens = tokensOf(part.text);
  const coveredAt = (i: number) => matchBody((k) => tokens[i + k - 1], part.text);
  const ranges: { from: number; to: number }[] = [];
  for (let i = 0; i < tokens.length; ) {
    const match = coveredAt(i);
    let to = i + Math.max(match.tokens, 1);
    const unitsEnd = i + (match.parts[0]?.units.at(-1)?.to ?? 0);
    for (let j = unitsEnd + 1; j < to; j++) {
      if (coveredAt(j).tokens >= 2) {
        to = j;
        break;
      }
    }
    const prev = ranges.at(-1);
    // A lone abbreviation (`ĐẢNG ỦY KHỐI CÁC CƠ QUAN TW`) ends a name; it starts none.
    if (prev && match.tokens < 2) prev.to = to;
    else ranges.push({ from: i, to });
    i = to;
  }
  return ranges.map(({ from, to }) => {
    const first = tokens[from] as IToken;
    const last = tokens[to - 1] as IToken;
    const start = part.start + first.startOffset;
    const end = part.start + last.startOffset + last.image.length;
    return { start, end, text: text.slice(start, end) };
  });
}
