/** Stage 2b: lex. One lexer instance, built once and reused for every window of every text. */
import { type IToken, Lexer, type TokenType } from "chevrotain";
import { ALL_TOKENS } from "./tokens.js";

/**
 * A lexer that tracks start offsets only (the cheapest mode). Its validations (and the check that every
 * pattern can be dispatched on its first character) run only when asked: the tests ask.
 */
export function buildLexer(tokens: TokenType[], validate: { optimized: boolean } | null = null): Lexer {
  return new Lexer(tokens, { positionTracking: "onlyOffset", skipValidations: !validate, ensureOptimizations: validate?.optimized ?? false });
}

let lexer: Lexer | undefined;

function getLexer(): Lexer {
  lexer ??= buildLexer(ALL_TOKENS);
  return lexer;
}

/** Builds the citation lexer with chevrotain's validations on: throws on a broken or unoptimizable vocabulary. */
export function validateCitationLexer(): void {
  buildLexer(ALL_TOKENS, { optimized: true });
}

/** Tokens of text[from, to), with start offsets in the whole text (end = start + image length). */
export function lexWindow(text: string, from: number, to: number): IToken[] {
  const tokens = getLexer().tokenize(text.slice(from, to)).tokens;
  if (from > 0) for (const t of tokens) t.startOffset += from;
  return tokens;
}
