/**
 * Stage 2b: lex, on demand. The windows around nearby references share one stretch of tokens (tokenize.ts
 * lexes them); chevrotain's lexer over the same vocabulary is built for the pinpoint grammar and for the tests,
 * which hold the two to the same tokens.
 */
import { type IToken, Lexer, type TokenType } from "chevrotain";
import { firstIndex, isSpace } from "../text.js";
import { ALL_TOKENS } from "./tokens.js";
import { tokenize } from "./tokenize.js";

/**
 * A lexer that tracks start offsets only (the cheapest mode). Its validations (and the check that every
 * pattern can be dispatched on its first character) run only when asked: the tests ask.
 */
export function buildLexer(tokens: TokenType[], validate = false): Lexer {
  return new Lexer(tokens, { positionTracking: "onlyOffset", skipValidations: !validate, ensureOptimizations: validate });
}

/** Builds the citation lexer with chevrotain's validations on: throws on a broken or unoptimizable vocabulary. */
export function validateCitationLexer(): void {
  buildLexer(ALL_TOKENS, true);
}

// A token can depend on the text up to this far past its start (a four-word type word, `khóa` looking for its
// Roman numeral): tokens that start this close to where a stretch was cut are lexed again when it grows.
const CUT_REACH = 40;
// Tokens this far behind the last request are dropped, so that a text dense with references keeps a small buffer.
const KEEP_BEHIND = 2000;

/**
 * The tokens of one text, lexed on demand in one growing stretch: the windows around nearby references
 * overlap, and each piece of text is lexed once while they do.
 *
 *   cover(100, 250) lexes [100, 250); cover(180, 330) then lexes only [≈210, 330) and appends.
 */
export class LazyTokens {
  /** Tokens of text[from, to), in order. */
  tokens: IToken[] = [];
  from = 0;
  to = 0;

  constructor(readonly text: string) {}

  /** Makes sure the tokens cover text[start, end) (widened to whole words). */
  cover(start: number, end: number): void {
    const from = wordStart(this.text, Math.max(0, start));
    const to = wordEnd(this.text, Math.min(this.text.length, end));
    if (this.tokens.length === 0 || from < this.from || from > this.to) {
      // Disjoint from the stretch, or reaching before it (rare): start a new one.
      this.tokens = tokenize(this.text, from, to);
      [this.from, this.to] = [from, to];
      return;
    }
    if (from - this.from > 2 * KEEP_BEHIND) this.dropBefore(from - KEEP_BEHIND);
    if (to <= this.to) return;
    let redo = this.tokens.length;
    while (redo > 0 && (this.tokens[redo - 1] as IToken).startOffset >= this.to - CUT_REACH) redo--;
    const restart = redo < this.tokens.length ? (this.tokens[redo] as IToken).startOffset : this.to;
    this.tokens.length = redo;
    for (const t of tokenize(this.text, restart, to)) this.tokens.push(t);
    this.to = to;
  }

  /** Index of the token starting at `offset`, or -1. */
  indexAt(offset: number): number {
    const k = firstIndex(this.tokens.length, (i) => (this.tokens[i] as IToken).startOffset >= offset);
    return this.tokens[k]?.startOffset === offset ? k : -1;
  }

  private dropBefore(offset: number): void {
    const keep = firstIndex(this.tokens.length, (i) => (this.tokens[i] as IToken).startOffset >= offset);
    if (keep === 0 || keep === this.tokens.length) return;
    this.from = (this.tokens[keep] as IToken).startOffset;
    this.tokens = this.tokens.slice(keep);
  }
}

/** Back to the start of the word at `i` (at most 40 characters: a longer run is cut where it is). */
function wordStart(text: string, i: number): number {
  let k = i;
  while (k > 0 && k > i - 40 && !isSpace(text.charCodeAt(k - 1))) k--;
  return k > i - 40 ? k : i;
}
/** On to the end of the word at `i` (at most 40 characters). */
function wordEnd(text: string, i: number): number {
  let k = i;
  while (k < text.length && k < i + 40 && !isSpace(text.charCodeAt(k))) k++;
  return k;
}
