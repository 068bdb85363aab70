/**
 * Stage 2 (before lexing): scan. Most of a text is prose, so one regular-expression pass finds the places
 * where a citation may stand, and only windows around them are lexed and parsed.
 *
 *   "… tuyên truyền Nghị quyết số 57-NQ/TW, tập trung …"   anchor: the `5` of 57
 *   "… nội dung cốt lõi của Kết luận số 93 của Ban …"      anchor: the `9` of 93 (type word + number)
 */
import type { IToken } from "chevrotain";
import { foldKey, KINDS, TITLED_KINDS } from "./tables.js";
import { Code, Colon, Cua, So, TypeWord, Word } from "./tokens.js";

// Each alternative is linear: bounded repeats only, no nested quantifiers.
const IDENTIFIER_CORE = String.raw`\d[ \t]{0,3}[-/][ \t\r\n]{0,3}(?:\d{4}[ \t]{0,2}/[ \t]{0,2})?[A-ZĐ]`;
const SPACED_PARTY = String.raw`\d[ \t]{1,2}[A-ZĐ][A-Za-zĐ]{0,4}/[A-ZĐ]`;
const lastSyllables = [...new Set(KINDS.map((k) => k.kind.split(" ").pop() as string))].flatMap((w) => [
  w.toLowerCase(),
  w[0]!.toUpperCase() + w.slice(1).toLowerCase(),
  w.toUpperCase(),
]);
const TYPE_THEN_NUMBER = String.raw`(?:${[...new Set(lastSyllables)].join("|")})[ \t]+(?:(?:số|Số|SỐ)[ \t]*:?[ \t]*)?\d`;
const ANCHOR = new RegExp(`${IDENTIFIER_CORE}|${SPACED_PARTY}|${TYPE_THEN_NUMBER}`, "g");

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Start offsets of the numbers a citation may be built around, ascending and distinct. */
export function findAnchors(text: string): number[] {
  const anchors: number[] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m !== null; m = ANCHOR.exec(text)) {
    // The digit that matched: the first char for identifier cores, the last for type word + number.
    let p = isDigit(m[0].charCodeAt(0)) ? m.index : m.index + m[0].length - 1;
    while (p > 0 && isDigit(text.charCodeAt(p - 1))) p--;
    if (anchors.length === 0 || p > (anchors[anchors.length - 1] as number)) anchors.push(p);
  }
  return anchors;
}

const isNameWord = (t: IToken | undefined) => t !== undefined && (t.tokenType === Word || t.tokenType === Code);
const NAME_LOOKBACK = 14;

export interface Starts {
  /** Token indices to try a parse from, best first. */
  starts: number[];
  /** The look back ran into the first token: the window may have cut the citation's start off. */
  cut: boolean;
}

/**
 * Where to parse from for the number at tokens[num]: the type word before it (`Kết luận số 93`), across an
 * issuer or a title (`Quyết định của Bộ Chính trị số 31`, `Luật Doanh nghiệp số 59/2020/QH14`), else the
 * `số` marker, else the number itself.
 */
export function candidateStarts(tokens: IToken[], num: number): Starts {
  let j = num - 1;
  if (tokens[j]?.tokenType === Colon) j--;
  const marker = tokens[j]?.tokenType === So ? j-- : -1;
  const fallback = marker >= 0 ? [marker, num] : [num];
  if (tokens[j]?.tokenType === TypeWord) return { starts: [j, ...fallback], cut: false };
  if (marker < 0) return { starts: fallback, cut: j < 0 };
  let k = j;
  while (k >= 0 && j - k < NAME_LOOKBACK && isNameWord(tokens[k])) k--;
  const before = tokens[k];
  if (k < j && before?.tokenType === Cua && tokens[k - 1]?.tokenType === TypeWord) return { starts: [k - 1, ...fallback], cut: false };
  if (k < j && before?.tokenType === TypeWord && TITLED_KINDS.has(foldKey(before.image))) return { starts: [k, ...fallback], cut: false };
  return { starts: fallback, cut: k < 0 };
}
