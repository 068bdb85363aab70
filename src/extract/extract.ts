/**
 * The extraction pipeline: normalize → scan → lex (windows only) → parse → build.
 *
 *   extract("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;")
 *   → [{ key: "30/2020/NĐ-CP", typeCode: "NĐ", issuer: "CP", date: "2020-03-05", issuedBy: "Chính phủ", … }]
 */
import { ArgumentError } from "../errors.js";
import { isEnactingFormula } from "./statute.js";
import { citationsWithPositions } from "../positions.js";
import { buildCitation } from "./citation.js";
import { diagnostic } from "../diagnostics.js";
import { LazyTokens } from "./lex.js";
import { type NormalizedText, normalize, toNormalized } from "./normalize.js";
import { forgetText, parseCitationAt, type RawCitation } from "./parse.js";
import { ParseMemo } from "./parse-memo.js";
import { candidateStarts, findAnchors, findNamedAnchors } from "./scan.js";
import { FORM_WORDS } from "../tables.js";
import { isDigit, isSpace, LETTER, withoutLeadingZeros } from "../text.js";
import { looseAlternation, looseSource, TypeWord } from "./tokens.js";
import type { Citation, Diagnostic } from "../schema.js";

export interface ExtractOptions {
  /** Replace the normalization stage (for example to add a transliteration step). */
  normalize?: (text: string) => NormalizedText;
}

// How much text before an anchor is lexed first: the type word and `số` before it. A parse that may have been cut
// short there is redone from further back (`Quyết định của <body> số …`). Ahead, a parse lexes as far as it
// reads, up to the far limit (long bodies, an amending law's title). The subject is read from the text, not lexed.
const NEAR_BEHIND = 32;
const FAR_BEHIND = 200;
const FAR_AHEAD = 520;

/** Finds and parses every document reference in `text`. */
export function extract(text: string, options: ExtractOptions = {}): Citation[] {
  if (typeof text !== "string") {
    throw new ArgumentError(`vncite.extract: expected the text as a string, got ${text === null ? "null" : typeof text}`);
  }
  if (text.trim() === "") return [];
  const nt = (options.normalize ?? normalize)(text);
  const citations: Citation[] = [];
  let coveredTo = -1;
  let name: RawCitation | null = null; // the last law by name: names inside it are part of it, numbers are not
  const tokens = new LazyTokens(nt.text);
  const memo = new ParseMemo(nt.text);
  for (const anchor of mergeSorted(findAnchors(nt.text), findNamedAnchors(nt.text))) {
    const inName = name !== null && anchor < name.end;
    if (anchor < coveredTo || (inName && !isDigit(nt.text.charCodeAt(anchor)))) continue;
    const found = parseAround(tokens, anchor, memo);
    if (found) {
      if (inName) leaveTailTo(found, name as RawCitation);
      if (!found.typeWord) found.form = FORM_BEFORE.test(nt.text.slice(Math.max(0, found.start - 24), found.start));
      // The document's own title (`LUẬT SỬA ĐỔI, BỔ SUNG …` on a line of its own) is the document, not a citation.
      // Built at once: the parse's pieces die young.
      if (!isOwnTitle(nt.text, found) && !isEnactingFormula(nt.text, found)) for (const one of splitShared(found)) citations.push(buildCitation(one, nt));
      // An amending law's title names the laws it amends: by number they are citations of their own, by name not.
      coveredTo = found.identifier?.end ?? found.shortNumber?.end ?? found.typeWord?.end ?? found.end;
      if (found.title && !found.identifier) name = found;
    }
  }
  forgetText();
  suggestFullForms(citations);
  shareListBodies(citations, nt);
  return citationsWithPositions(text, citations);
}

// What may stand between two citations of one list: `,`, `và`, `các` and spaces (a `;` ends a list item).
const LIST_JOIN = /^[\s,]*(?:(?:và|cùng)[\s,]+)?(?:các[\s]+)?$/i;

/**
 * `Kết luận số 192-KL/TW, ngày 19/9/2025 và Kết luận số 221-KL/TW, ngày … của Bộ Chính trị`: the body after a
 * list is every citation's of it that has none, when they carry the same issuer code (with the span where it
 * was read).
 */
function shareListBodies(citations: Citation[], nt: NormalizedText): void {
  // What stands between two citations, as normalized (`và` may be decomposed in the original).
  const between = (from: number, to: number) => nt.text.slice(toNormalized(nt, from), toNormalized(nt, to));
  for (let i = citations.length - 2; i >= 0; i--) {
    const c = citations[i] as Citation;
    const next = citations[i + 1] as Citation;
    if (c.issuedBy !== null || next.issuedBy === null || c.issuer === null || c.issuer !== next.issuer) continue;
    if (next.start < c.end || next.start - c.end > 40 || !LIST_JOIN.test(between(c.end, next.start))) continue;
    c.issuedBy = next.issuedBy;
    c.issuedByKey = next.issuedByKey;
    c.issuedByPlace = next.issuedByPlace && { ...next.issuedByPlace };
    c.spans.issuedBy = next.spans.issuedBy && { ...next.spans.issuedBy }; // a value of its own, not the other's object
  }
}

/** The citation built around the number (or titled type word) at `anchor`, from as far back as it needs. */
function parseAround(tokens: LazyTokens, anchor: number, memo: ParseMemo): RawCitation | null {
  const found = parseNear(tokens, anchor, NEAR_BEHIND, memo);
  return found === "behind" ? (parseNear(tokens, anchor, FAR_BEHIND, memo) as RawCitation | null) : found;
}

/**
 * The citation parsed around `anchor`, with `behind` characters lexed before it; "behind" when that may have
 * cut its start off (a name running into the window's start) and a wider look back may find it.
 */
function parseNear(lazy: LazyTokens, anchor: number, behind: number, memo: ParseMemo): RawCitation | null | "behind" {
  lazy.cover(anchor - behind, anchor + 1);
  const { text, tokens, from } = lazy;
  const num = lazy.indexAt(anchor);
  if (num < 0) return null;
  // A named anchor is the type word itself: the parse starts there.
  const named = tokens[num]?.tokenType === TypeWord;
  const { starts, cut } = named ? { starts: [num], cut: false } : candidateStarts(tokens, num);
  if (behind < FAR_BEHIND && cut && from > 0) return "behind";
  // `số      /2018/NĐ-CP`: a form's blank number, the year read for it.
  if (!named && text.charCodeAt(prevNonSpace(text, anchor)) === 47) return null;
  for (const start of starts) {
    const raw = parseCitationAt(text, lazy, start, { end: anchor + FAR_AHEAD, memo });
    const n = raw && (named ? raw.typeWord : (raw.shared[0] ?? raw.identifier?.number ?? raw.shortNumber));
    if (raw && n && n.start === anchor) return raw;
  }
  return null;
}

/**
 * `Luật sửa đổi … của Luật Đất đai số 31/2024/QH15, … và Luật Các tổ chức tín dụng số 32/2024/QH15 ngày 29
 * tháng 6 năm 2024`: the date after the last inner law is the amending law's, not the inner law's.
 */
function leaveTailTo(inner: RawCitation, outer: RawCitation): void {
  const outerStarts = new Set([...outer.dates, ...outer.issuedBy, ...outer.terms, outer.year].map((p) => p?.start));
  const own = <T extends { start: number }>(pieces: T[]) => pieces.filter((p) => !outerStarts.has(p.start));
  if (![...inner.dates, ...inner.issuedBy, ...inner.terms, inner.year].some((p) => p && outerStarts.has(p.start))) return;
  inner.dates = own(inner.dates);
  inner.issuedBy = own(inner.issuedBy);
  inner.terms = own(inner.terms);
  if (inner.year && outerStarts.has(inner.year.start)) inner.year = null;
  const kept = [inner.typeWord, inner.title, inner.marker, inner.identifier, inner.shortNumber, inner.year, ...inner.dates, ...inner.issuedBy, ...inner.terms];
  inner.end = Math.max(...kept.map((p) => p?.end ?? inner.start));
}

/**
 * `Kết luận số 187, 188-KL/TW ngày …`: one citation for each number, each with the code, date and body of the
 * list. The first runs from the type word to its number, the next ones are their number, the last runs from
 * its number to the end.
 */
function splitShared(raw: RawCitation): RawCitation[] {
  const id = raw.identifier;
  if (raw.shared.length === 0 || !id) return [raw];
  const out: RawCitation[] = raw.shared.map((number, i) => ({
    ...raw,
    start: i === 0 ? raw.start : number.start,
    end: number.end,
    shared: [],
    identifier: { ...id, ...number, number },
  }));
  out.push({ ...raw, start: id.start, shared: [] });
  return out;
}

/** A law by name in upper case that starts a line: a heading, the text's own title (its number is the text's own). */
function isOwnTitle(text: string, c: RawCitation): boolean {
  if (!c.typeWord || !c.title || c.typeWord.text !== c.typeWord.text.toUpperCase()) return false;
  const words = text.slice(c.typeWord.start, c.end);
  if (words !== words.toUpperCase()) return false;
  // Only blanks back to the line's start: read back as far as they go, not over the whole line (a line of
  // titles, `LUẬT ĐẤT ĐAI LUẬT ĐẤT ĐAI …`, would be read again for each of them).
  let k = c.typeWord.start - 1;
  while (k >= 0 && text.charCodeAt(k) !== 10 && isSpace(text.charCodeAt(k))) k--;
  return k < 0 || text.charCodeAt(k) === 10;
}

// A form word right before a number (or its `số`): `theo mẫu số 01/PĐXXĐTMS`, `Bản kê 21/BKTrC/GSQL`.
const FORM_BEFORE = new RegExp(`(?:^|[^${LETTER}])${looseAlternation(FORM_WORDS)}[ \\t]*(?:${looseSource("số")}[ \\t]*)?:?[ \\t]*$`, "i");

/** The offset of the last character before `i` that is no space or tab (-1 for none). */
function prevNonSpace(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return k;
}

/** Two ascending lists of offsets as one, without repeats. */
function mergeSorted(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number)) ? (a[i++] as number) : (b[j++] as number);
    if (out.length === 0 || next > (out[out.length - 1] as number)) out.push(next);
  }
  return out;
}

/** `Kết luận số 69-KL` with `69-KL/TW` cited elsewhere in the same text: suggest that full form. */
function suggestFullForms(citations: Citation[]): void {
  if (!citations.some((c) => c.diagnostics.some((d) => d.code === "incomplete-identifier"))) return;
  const fullForms = new Map<string, Set<string>>();
  const byNumberAndType = (c: Citation) => `${withoutLeadingZeros(c.number)} ${c.typeCode}`;
  for (const c of citations) {
    if (!c.key) continue;
    const k = byNumberAndType(c);
    const set = fullForms.get(k) ?? new Set<string>();
    fullForms.set(k, set.add(c.key));
  }
  for (const c of citations) {
    const d = c.diagnostics.findIndex((x) => x.code === "incomplete-identifier");
    const full = d >= 0 ? fullForms.get(byNumberAndType(c)) : undefined;
    if (!full || full.size !== 1) continue;
    const key = [...full][0] as string;
    const old = c.diagnostics[d] as Diagnostic;
    c.diagnostics[d] = diagnostic("incomplete-identifier", old.start, old.end, { id: c.spans.identifier?.text ?? "", full: key }, key);
  }
}
