/**
 * What the citation and pinpoint grammars share: each reads a prefix of its input (the reference) and stops
 * where prose begins.
 */
import { EarlyExitException, EmbeddedActionsParser, type IToken, NoViableAltException, type TokenType } from "chevrotain";

/**
 * A chevrotain parser for a prefix of its input. Grammar validation is slow (most of a first call) and
 * proves nothing new at run time: the tests build every grammar with `validate` on.
 */
export abstract class PrefixParser extends EmbeddedActionsParser {
  constructor(tokens: TokenType[], maxLookahead: number, validate: boolean) {
    super(tokens, { maxLookahead, recoveryEnabled: false, skipValidations: !validate });
  }

  /**
   * The check that all input was read (chevrotain's hook after a top rule) would fail on every parse, since
   * prose follows the reference, and build an exception for nothing: the input always counts as read.
   */
  isAtEndOfInput(): boolean {
    return true;
  }

  // Failing is common here (most candidates that are no citation fail in a choice or a repetition), and chevrotain
  // would work out from the grammar every path it expected there, for a message nobody reads. (These two and
  // SAVE_ERROR are chevrotain's own methods, outside its typings; the version is pinned and bundled.)
  raiseNoAltException(): never {
    throw this.saveError(new NoViableAltException("", this.LA(1), this.LA(0)));
  }

  raiseEarlyExitException(): never {
    throw this.saveError(new EarlyExitException("", this.LA(1), this.LA(0)));
  }

  private saveError(error: Error): Error {
    return (this as unknown as { SAVE_ERROR(e: Error): Error }).SAVE_ERROR(error);
  }
}

/**
 * Runs `rule` on `input` (tokens, or a function that sets the parser's input); null when it does not match there.
 * Stack traces are off: failing is common.
 */
export function parsePrefix<T>(parser: PrefixParser, input: IToken[] | (() => void), rule: () => T): T | null {
  if (typeof input === "function") input();
  else parser.input = input;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const result = rule();
    return parser.errors.length > 0 ? null : result;
  } finally {
    Error.stackTraceLimit = limit;
  }
}
