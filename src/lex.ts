/** Stage 2b: lex. One lexer instance, built once and reused for every window of every text. */
import { type IToken, Lexer } from "chevrotain";
import { ALL_TOKENS } from "./tokens.js";

let lexer: Lexer | undefined;

function getLexer(): Lexer {
  lexer ??= new Lexer(ALL_TOKENS, { positionTracking: "onlyOffset", ensureOptimizations: true });
  return lexer;
}

/** Tokens of text[from, to), with start offsets in the whole text (end = start + image length). */
export function lexWindow(text: string, from: number, to: number): IToken[] {
  const tokens = getLexer().tokenize(text.slice(from, to)).tokens;
  if (from > 0) for (const t of tokens) t.startOffset += from;
  return tokens;
}
