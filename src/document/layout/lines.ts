/**
 * The lines of a document as tokens: the one place a document's lines are found (line ends as LINE_END reads
 * them) and classified by what opens them. Blank lines are none.
 *
 *   Phần thứ nhất · Chương II · Mục 3 · I.        headings of the divisions
 *   Điều 5. Hiệu lực thi hành                     an article (its number `5`)
 *   1. …   a) …                                   a clause, a point
 *   Căn cứ Luật …;   QUYẾT ĐỊNH:   PHỤ LỤC I       a basis of the preamble, the enacting words, an appendix
 *   [...]                                         text left out of an excerpt (the article is unknown after it)
 *
 * A portal's page flattens a chapter and its first article onto one line (`Chương II QUY ĐỊNH … GIA Điều 9.
 * Nguyên tắc`): an article heading after a word in capitals starts a line token of its own.
 * Every word comes from grammar/document.json and relations.json.
 */
import { createToken, type IToken, Lexer, type TokenType } from "chevrotain";
import documentJson from "../../../grammar/document.json";
import relationsJson from "../../../grammar/relations.json";
import { lineEnds } from "../../text.js";
import { alternation, initialsOf, NOT_LETTER, words } from "../verbs.js";

const kind = (name: string) => createToken({ name, pattern: Lexer.NA });
export const PartLine = kind("PartLine");
export const ChapterLine = kind("ChapterLine");
export const SectionLine = kind("SectionLine");
export const RomanLine = kind("RomanLine");
export const ArticleLine = kind("ArticleLine");
export const ClauseLine = kind("ClauseLine");
export const PointLine = kind("PointLine");
export const OmissionLine = kind("OmissionLine");
export const PreambleLine = kind("PreambleLine");
export const EnactingLine = kind("EnactingLine");
export const AppendixLine = kind("AppendixLine");
export const TextLine = kind("TextLine");
export const LINE_KINDS: TokenType[] = [
  PartLine, ChapterLine, SectionLine, RomanLine, ArticleLine, ClauseLine, PointLine, OmissionLine, PreambleLine, EnactingLine, AppendixLine, TextLine,
];

/** A line as a token (normalized offsets): where it starts and ends, and the number its marker gives. */
export interface LineToken extends IToken {
  start: number;
  end: number;
  /** `5` of `Điều 5.`, `II` of `Chương II`, `1` of `1.`, `a` of `a)`; null for other lines. */
  number: string | null;
  /** Where its words begin, after its item marker (`Điều 5.`, `1.`, `2)`, `a)`, `b.`, `-`) if it has one. */
  at: number;
  /** It opens with an item marker other than an article heading. */
  isItem: boolean;
  /** It opens with a section's number (`I.`, `II -`, `1.`, `2)`, `3/`), a table's bar allowed before it. */
  isNumbered: boolean;
}

const L = documentJson.layout;
// What may stand before a line's marker: spaces, emphasis, markdown's heading and quote marks (not a table's
// bar: `| 1. Nộp thuế |` is a row, not a clause).
const LEAD = "^[ \\t*_#>]*";
const NUMBER = "(\\d+|[IVXL]{1,6}(?![\\p{L}\\d]))";
const opensWith = (list: readonly string[]) => {
  const set = initialsOf(list);
  return (c: string) => set.has(c);
};
const ROMAN_INITIALS = new Set([..."IVXL"]);
const isDigitChar = (c: string) => c >= "0" && c <= "9";
const IS_LOWER = /\p{Ll}/u;
const PREAMBLE_INITIALS = new Set([...initialsOf(relationsJson.preamble.map((e) => e.verb)), ..."-–•+"]);
// In the order they are tried: the first that matches a line classifies it. Each is tried only on a line whose
// first character (after the lead) may open it: most lines open with none of them, and are read by no regex.
const MARKERS: readonly (readonly [TokenType, (c: string) => boolean, RegExp])[] = [
  [OmissionLine, (c) => c === "[", new RegExp(`${LEAD}\\[(?:\\.\\.\\.|…)\\][ \\t]*$`, "u")],
  [ArticleLine, opensWith(L.article), new RegExp(`${LEAD}(?:${words(L.article)})\\s+(\\d+\\p{Ll}?)\\s*[.:]`, "u")],
  [PartLine, opensWith(L.part), new RegExp(`${LEAD}(?:${words(L.part)})\\s+(${words(L.firstOrdinal)}|\\d+|[IVXL]{1,6}(?![\\p{L}\\d]))`, "u")],
  [ChapterLine, opensWith(L.chapter), new RegExp(`${LEAD}(?:${words(L.chapter)})\\s+${NUMBER}`, "u")],
  [SectionLine, opensWith(L.section), new RegExp(`${LEAD}(?:${words(L.section)})\\s+(\\d+)`, "u")],
  [AppendixLine, opensWith(L.appendix), new RegExp(`${LEAD}(?:${words(L.appendix)})${NOT_LETTER}(?:\\s+${NUMBER})?`, "iu")],
  [EnactingLine, opensWith(L.enacting), new RegExp(`${LEAD}(?:${words(L.enacting)})\\s*:`, "u")],
  [RomanLine, (c) => ROMAN_INITIALS.has(c), new RegExp(`${LEAD}([IVX]{1,6})\\s*[.\\-–)]`, "u")],
  [ClauseLine, isDigitChar, new RegExp(`${LEAD}(\\d{1,3})\\.(?:\\s|$)`, "u")],
  [PointLine, (c) => IS_LOWER.test(c), new RegExp(`${LEAD}(\\p{Ll})\\)`, "u")],
  [PreambleLine, (c) => PREAMBLE_INITIALS.has(c), new RegExp(`${LEAD}(?:[-–•+][ \\t]*)?(?:${alternation(relationsJson.preamble)})${NOT_LETTER}`, "iu")],
];
const LEAD_CHARS = new Set([..." \t*_#>"]);
// A line that opens an article or a list item: its marker.
const ITEM_MARKER = new RegExp(`^[ \\t*_]*(?:(?:${words(L.article)})\\s+\\d+\\p{Ll}?[ \\t]*[.:][ \\t]*|(?:\\d{1,3}|\\p{Ll})[.)][ \\t]*|[-–•+][ \\t]*)`, "u");
const ARTICLE_HEAD = new RegExp(`^[ \\t*_]*(?:${words(L.article)})\\s+\\d+`, "u");
const LEADING_SPACE = /^[ \t]*/u;
const NUMBERED = /^[ \t*_#>|]*(?:[IVX]{1,4}\s*[.\-–)]|\d{1,2}\s*[.)/](?!\d))/u;
const NUMBERED_INITIALS = new Set([..."IVX0123456789"]);
// `… GIA Điều 9. Nguyên tắc`: an article heading after a word in capitals, inside a line.
// (The heading is found first and what precedes it checked after: a look-behind tried at every position costs more.)
const INLINE_ARTICLE = new RegExp(`(?:${words(L.article)})\\s+(\\d+\\p{Ll}?)\\s*[.:]`, "gu");
const LETTER = /\p{L}/u;
const AFTER_CAPITALS = /\p{Lu}{2}[ \t]+$/u;
// `Điều ⏎ 82. Trách nhiệm thi hành`: a heading broken after its word goes on on the next line.
const ARTICLE_WORD_ALONE = new RegExp(`${LEAD}(?:${words(L.article)})[ \\t]*$`, "u");
const NUMBER_FIRST = /^[ \t]*\d/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** The line text[start, end) as a token. */
export function lineToken(text: string, start: number, end: number): LineToken {
  const line = text.slice(start, end);
  let tokenType = TextLine;
  let number: string | null = null;
  let k = 0;
  while (k < line.length && LEAD_CHARS.has(line[k] as string)) k++;
  const first = line[k] ?? "";
  for (const [type, opens, re] of MARKERS) {
    if (!opens(first)) continue;
    const m = re.exec(line);
    if (m) {
      tokenType = type;
      number = m[1] ?? null;
      break;
    }
  }
  const marker = ITEM_MARKER.exec(line);
  const at = start + (marker ? marker[0].length : (LEADING_SPACE.exec(line)?.[0].length ?? 0));
  const isItem = marker !== null && !ARTICLE_HEAD.test(line);
  let b = k;
  while (b < line.length && (LEAD_CHARS.has(line[b] as string) || line[b] === "|")) b++;
  const isNumbered = NUMBERED_INITIALS.has(line[b] ?? "") && NUMBERED.test(line);
  return { image: line, startOffset: start, endOffset: end - 1, tokenType, tokenTypeIdx: tokenType.tokenTypeIdx as number, start, end, number, at, isItem, isNumbered } as LineToken;
}

/** An article heading inside a line (`… Điều 1. Phạm vi`): where it starts and ends (after its `.` or `:`), its number. */
export interface InlineHeading {
  start: number;
  end: number;
  number: string;
}

/**
 * The non-blank lines of `text` (normalized) as tokens, in order; a flattened article heading opens one of its own.
 * Every article heading read inside a line (no letter before its word) goes into `inline`, split off or not.
 */
export function lineTokens(text: string, inline: InlineHeading[] = []): LineToken[] {
  const out: LineToken[] = [];
  const { ends, starts } = lineEnds(text);
  for (let i = 0; i <= ends.length; i++) {
    const start = i === 0 ? 0 : (starts[i - 1] as number);
    const end = i < ends.length ? (ends[i] as number) : text.length;
    const line = text.slice(start, end);
    if (!HAS_LETTER_OR_DIGIT.test(line)) continue;
    if (i < ends.length && ARTICLE_WORD_ALONE.test(line)) {
      const nextEnd = i + 1 < ends.length ? (ends[i + 1] as number) : text.length;
      const joined = lineToken(text, start, nextEnd);
      if (NUMBER_FIRST.test(text.slice(starts[i] as number, nextEnd)) && joined.tokenType === ArticleLine) {
        out.push(joined);
        i++;
        continue;
      }
    }
    let from = start;
    INLINE_ARTICLE.lastIndex = 0;
    for (let m = INLINE_ARTICLE.exec(line); m !== null; m = INLINE_ARTICLE.exec(line)) {
      if (m.index === 0 || !LETTER.test(line[m.index - 1] as string)) inline.push({ start: start + m.index, end: start + m.index + m[0].length, number: m[1] as string });
      if (!AFTER_CAPITALS.test(line.slice(Math.max(0, m.index - 8), m.index))) continue;
      out.push(lineToken(text, from, start + m.index));
      from = start + m.index;
    }
    out.push(lineToken(text, from, end));
  }
  return out;
}
