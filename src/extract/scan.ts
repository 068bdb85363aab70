/**
 * Stage 2 (before lexing): scan. Most of a text is prose, so one regular-expression pass finds the places
 * where a citation may stand, and only windows around them are lexed and parsed.
 *
 *   "… tuyên truyền Nghị quyết số 57-NQ/TW, tập trung …"   anchor: the `5` of 57
 *   "… nội dung cốt lõi của Kết luận số 93 của Ban …"      anchor: the `9` of 93 (type word + number)
 */
import type { IToken } from "chevrotain";
import { isHieu, isNameToken, isTai } from "./parse.js";
import { isTitledWord, KINDS, startsNoTitle, stripDiacritics, TITLED_KINDS, TYPE_WORDS } from "../tables.js";
import { isDigit, isLookalike, LETTER } from "../text.js";
import { Colon, Comma, Cua, looseAlternation, looseSource, Num, So, TypeWord } from "./tokens.js";

// One pass over the text. Alternative 1 is an identifier core (`20-NQ`, `30/2020/N`, `300/L`, `20-\nNQ`,
// `77 CT/`); alternative 2 is a space or colon before a number, kept only when a type word or `số` stands
// before it (`Kết luận số 93`, `Nghị quyết 20`), which a look-behind would make four times slower.
// Bounded repeats only: each attempt is linear.
// Alternative 1 allows OCR look-alikes after the first digit (`2O-NQ`) and a page break after the separator.
const ANCHOR =
  /\d(?:[0-9OoIl]{0,4}[ \t]{0,3}[-/][ \t\r\n]{0,16}(?:\d{4}[ \t]{0,2}\/[ \t]{0,2})?[A-ZĐ]|[ \t]{1,2}[A-ZĐ][A-Za-zĐ]{0,4}\/[A-ZĐ])|[ \t:]\d/g;

/** Words a bare number may follow, in any diacritics: `số` and the last syllable of every type word. */
const NUMBER_CUE = new RegExp(
  `^${looseAlternation([...new Set(["số", ...KINDS.map((k) => k.kind.split(" ").pop() as string)])])}$`,
  "i",
);
const SO_CUE = new RegExp(`^${looseSource("số")}$`, "i");
/**
 * A whole type word ending where a number's gap starts (`Thông tư 01`, not `từ 02 đơn vị`): the grammar takes a
 * bare number only after one, so a last-syllable cue (`tư`, `nhất`, `cáo`) without the rest of its type word
 * anchors nothing.
 */
const TYPE_WORD_BEFORE = new RegExp(
  `${looseAlternation(TYPE_WORDS)}[ \\t:]*$`,
  "i",
);
const MAX_TYPE_WORD = Math.max(...KINDS.map((k) => k.kind.length)) + 8; // and some spacing
const MAX_CUE = Math.max(...KINDS.map((k) => (k.kind.split(" ").pop() as string).length));

const isGap = (c: number) => c === 32 || c === 9 || c === 58; // space, tab, colon

/** The word that ends right before `end` (over spaces and a colon), if short enough to be a cue. */
function wordBefore(text: string, end: number): string {
  let k = end;
  while (k > 0 && end - k < 4 && isGap(text.charCodeAt(k - 1))) k--;
  const wordEnd = k;
  while (k > 0 && wordEnd - k <= MAX_CUE && text[k - 1] !== " " && !isGap(text.charCodeAt(k - 1)) && text[k - 1] !== "\n") k--;
  return text.slice(k, wordEnd);
}

const IS_LETTER = /\p{L}/u;

/** Where the number holding the digit at `p` starts, over OCR look-alikes (`l71`) when they stand alone. */
function numberStart(text: string, p: number): number {
  let k = p;
  while (k > 0 && isDigit(text.charCodeAt(k - 1))) k--;
  let j = k;
  while (j > 0 && (isDigit(text.charCodeAt(j - 1)) || isLookalike(text.charCodeAt(j - 1)))) j--;
  return j < k && !IS_LETTER.test(text[j - 1] ?? "") ? j : k;
}

// A law cited by name: a titled type word, then a word (a capital, an amending law's `sửa đổi`, the
// constitution's `nước`, or a lower-case title: the parser tells `Luật hải quan` from `Luật này`). Literal
// prefixes keep the pass fast; the character before is checked in code.
// Also OCR's spelling without marks (`Luat Hải quan`), and a line break before the title (`Bộ luật⏎Lao động`).
const NAMED_SPELLINGS = [...TITLED_KINDS].flatMap((k) => {
  const bare = stripDiacritics(k);
  const capitalized = bare.charAt(0).toUpperCase() + bare.slice(1);
  return [...new Set([k, k.toUpperCase(), capitalized, capitalized.toUpperCase()])];
});
const NAMED = new RegExp(`(?:${NAMED_SPELLINGS.join("|")})(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)[${LETTER}]`, "g");

const WORD_AT = new RegExp(`[${LETTER}]+`, "y");
/** `pháp` right before a `luật`: `pháp luật`, law in general. */
const GENERAL_BEFORE = /(?:^|[^\p{L}])ph[aá]p[ \t]+$/iu;

/**
 * Start offsets of the titled type words that may begin a citation by name (`Luật Doanh nghiệp năm 2020`).
 * A word no title starts with (`Luật này`, the most common, `Luật về`) is turned away here, as the grammar would.
 */
export function findNamedAnchors(text: string): number[] {
  const anchors: number[] = [];
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(text); m !== null; m = NAMED.exec(text)) {
    if (m.index > 0 && IS_LETTER.test(text[m.index - 1] as string)) continue;
    WORD_AT.lastIndex = NAMED.lastIndex - 1;
    // `Luật này`, `LUẬT SƯ`; `pháp luật`, `PHÁP LUẬT DO …` (law in general, not a law).
    if (startsNoTitle(WORD_AT.exec(text)?.[0] ?? "")) continue;
    if (GENERAL_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    anchors.push(m.index);
  }
  return anchors;
}

/** Start offsets of the numbers a citation may be built around, ascending and distinct. */
export function findAnchors(text: string): number[] {
  const anchors: number[] = [];
  const push = (p: number) => {
    if (anchors.length === 0 || p > (anchors[anchors.length - 1] as number)) anchors.push(p);
  };
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m !== null; m = ANCHOR.exec(text)) {
    if (isDigit(m[0].charCodeAt(0))) {
      push(numberStart(text, m.index));
    } else {
      const digit = m.index + 1;
      const cue = wordBefore(text, digit);
      if (NUMBER_CUE.test(cue) && (SO_CUE.test(cue) || TYPE_WORD_BEFORE.test(text.slice(Math.max(0, digit - 2 * MAX_TYPE_WORD), digit)))) push(digit);
      ANCHOR.lastIndex = digit; // the number itself may still start an identifier core
    }
  }
  return anchors;
}

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
  if (isHieu(tokens[j]) && tokens[j - 1]?.tokenType === So) j--;
  const marker = tokens[j]?.tokenType === So ? j-- : -1;
  const fallback = marker >= 0 ? [marker, num] : [num];
  if (tokens[j]?.tokenType === TypeWord) {
    // `của Giám đốc Sở Tài chính tại Tờ trình số …`: from the body before it, else from the type word.
    let k = j - 2;
    if (isTai(tokens[j - 1])) while (k >= 0 && j - k < NAME_LOOKBACK && (isNameToken(tokens[k]) || tokens[k]?.tokenType === Num || tokens[k]?.tokenType === Comma)) k--;
    const body = k < j - 2 && tokens[k]?.tokenType === Cua ? [k] : [];
    return { starts: [...body, j, ...fallback], cut: isTai(tokens[j - 1]) && k < 0 };
  }
  if (marker < 0) return { starts: fallback, cut: j < 0 };
  let k = j;
  while (k >= 0 && j - k < NAME_LOOKBACK && isNameToken(tokens[k])) k--;
  const before = tokens[k];
  if (k < j && before?.tokenType === Cua && tokens[k - 1]?.tokenType === TypeWord) return { starts: [k - 1, ...fallback], cut: false };
  if (k < j && before?.tokenType === TypeWord && isTitledWord(before.image)) return { starts: [k, ...fallback], cut: false };
  // The walk reached the window's start: what it needs (a type word before `của`, maybe cut in half) may lie before it.
  return { starts: fallback, cut: k <= 1 };
}
