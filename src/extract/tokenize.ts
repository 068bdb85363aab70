/**
 * Stage 2b: lex. The vocabulary of tokens.ts, read with chevrotain's rule (at each character, the first token
 * in vocabulary order that matches there; whitespace skipped; a character no token starts is skipped) but
 * dispatched on character codes: chevrotain's generic lexer spends about 160 ns on a token of this vocabulary
 * (measured on windows of the shared corpus), this one about 100. test/lex.test.ts holds it to chevrotain's
 * lexer on every real text and on random noise.
 *
 *   "số 20-NQ/TW"  →  So "số" · Num "20" · Dash "-" · Code "NQ" · Slash "/" · Code "TW"
 */
import type { IToken, TokenType } from "chevrotain";
import { isDigit, isLookalike, isSpace, isWordChar } from "../text.js";
import { ALL_TOKENS, BY_OPENING, Code, codeLength, Num, OcrNum, ocrNumLength, ONE_CHAR_TOKENS, openingKey, Word } from "./tokens.js";

// Each opening's patterns in vocabulary order: where two match, the first in ALL_TOKENS wins, as in chevrotain.
for (const list of BY_OPENING.values()) list.sort((a, b) => ALL_TOKENS.indexOf(a.type) - ALL_TOKENS.indexOf(b.type));
const CODE_STARTS = new Set((Code.START_CHARS_HINT ?? []).map((ch) => (typeof ch === "number" ? ch : ch.charCodeAt(0))));

// The one-character tokens in a table by character code (a Map lookup for every character cost more).
const ONE_CHAR: (TokenType | null)[] = new Array(Math.max(...ONE_CHAR_TOKENS.keys()) + 1).fill(null);
for (const [code, type] of ONE_CHAR_TOKENS) ONE_CHAR[code] = type;

const token = (image: string, startOffset: number, tokenType: TokenType): IToken =>
  ({ image, startOffset, tokenTypeIdx: tokenType.tokenTypeIdx as number, tokenType }) as IToken;

/** Tokens of text[from, to), with start offsets in the whole text (end = start + image length). */
export function tokenize(text: string, from: number, to: number): IToken[] {
  // The patterns look ahead (a whole word, `khóa` before its numeral): they must see the range's end as the end.
  const s = from === 0 && to === text.length ? text : text.slice(from, to);
  const out: IToken[] = [];
  for (let i = 0; i < s.length; ) i = lexNext(s, i, out, from);
  return out;
}

/**
 * Lexes the next token at or after s[i] (over spaces and characters no token starts) into `out`, its offset
 * shifted by `shift`; returns where lexing goes on (s.length when no token is left). A text lexed one token at
 * a time gives the tokens of lexing it whole.
 */
export function lexNext(s: string, i: number, out: IToken[], shift = 0): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isDigit(c) || isLookalike(c)) {
      const length = ocrNumLength(s, i);
      if (length > 0) {
        out.push(token(s.slice(i, i + length), shift + i, OcrNum));
        return i + length;
      }
    }
    if (isDigit(c)) {
      const start = i;
      while (i < n && isDigit(s.charCodeAt(i))) i++;
      out.push(token(s.slice(start, i), shift + start, Num));
      return i;
    }
    const one = ONE_CHAR[c] ?? null;
    if (one) {
      out.push(token(s[i] as string, shift + i, one));
      return i + 1;
    }
    if (!isWordChar(c)) {
      i++; // no token starts here
      continue;
    }
    let end = i + 1;
    while (end < n && isWordChar(s.charCodeAt(end))) end++;
    let keyword = keywordAt(s, i, end);
    // A keyword glued to a number (`SỐ64-CP`) is looked up by the letters before it.
    if (keyword === null && end - i > 2) {
      let letters = i + 1;
      while (letters < end && !isDigit(s.charCodeAt(letters))) letters++;
      if (letters < end) keyword = keywordAt(s, i, letters);
    }
    if (keyword) {
      out.push(token(keyword.image, shift + i, keyword.type));
      return i + keyword.image.length;
    }
    // A code's run may go on past the word (`BNN&PTNT`); a word that is no code is a Word.
    const code = CODE_STARTS.has(c) ? codeLength(s, i) : 0;
    const length = code || end - i;
    out.push(token(s.slice(i, i + length), shift + i, code ? Code : Word));
    return i + length;
  }
  return n;
}

/**
 * The type word or keyword starting the word s[i, end), if any. One starts with one of BY_OPENING, a whole
 * word: any other word is not tried against their patterns, most of the time saved.
 */
function keywordAt(s: string, i: number, end: number): { image: string; type: TokenType } | null {
  const key = openingKey(s, i, end);
  const patterns = key >= 0 ? BY_OPENING.get(key) : undefined;
  if (patterns === undefined) return null; // most words
  for (const { type, matcher } of patterns) {
    const m = matcher.exec(s, i);
    if (m) return { image: m[0], type };
  }
  return null;
}
