/**
 * Stage 2b: lex, on demand. The windows around nearby references share one stretch of tokens (tokenize.ts
 * lexes them); chevrotain's lexer over the same vocabulary is built for the pinpoint grammar and for the tests,
 * which hold the two to the same tokens.
 */
import { type IToken, Lexer, type TokenType } from "chevrotain";
import { firstIndex, isSpace } from "../text.js";
import { ALL_TOKENS } from "./tokens.js";
import { lexNext } from "./tokenize.js";

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

// Tokens this far behind the last request are dropped, so that a text dense with references keeps a small buffer.
const KEEP_BEHIND = 2000;

/**
 * The tokens of one text, lexed on demand in one growing stretch: the windows around nearby references
 * overlap, and each piece of text is lexed once while they do; a parse lexes (`more`) only as far as it reads.
 * Lexing goes on where it stopped and sees the whole text, so the stretch holds the tokens of lexing the text
 * whole from the stretch's start, however it grew.
 *
 *   cover(100, 250) lexes the tokens starting in [100, 250); cover(180, 330) then lexes on from ≈250.
 */
export class LazyTokens {
  /** Tokens of the stretch, in order. */
  tokens: IToken[] = [];
  /** Where the stretch starts. */
  from = 0;
  /** Where lexing goes on: every token starting before it is in `tokens`. */
  to = 0;

  constructor(readonly text: string) {}

  /** Makes sure the stretch holds every token starting in [start, end) (start moved back to a word's start). */
  cover(start: number, end: number): void {
    const from = wordStart(this.text, Math.max(0, start));
    if (this.tokens.length === 0 || from < this.from || from > this.to) {
      // Disjoint from the stretch, or reaching before it (rare): start a new one.
      this.tokens = [];
      this.from = this.to = from;
    } else if (from - this.from > 2 * KEEP_BEHIND) this.dropBefore(from - KEEP_BEHIND);
    while (this.to < end && this.to < this.text.length) this.to = lexNext(this.text, this.to, this.tokens);
  }

  /** Lexes one token more; false at the text's end. */
  more(): boolean {
    const count = this.tokens.length;
    if (this.to < this.text.length) this.to = lexNext(this.text, this.to, this.tokens);
    return this.tokens.length > count;
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
