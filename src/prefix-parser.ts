/**
 * What the citation and pinpoint grammars share: each reads a prefix of its input (the reference) and stops
 * where prose begins.
 */
import { EmbeddedActionsParser, type IToken, type TokenType } from "chevrotain";

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
}

/** Runs `rule` on `input`; null when it does not match there. Stack traces are off: failing is common. */
export function parsePrefix<T>(parser: PrefixParser, input: IToken[], rule: () => T): T | null {
  parser.input = input;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const result = rule();
    return parser.errors.length > 0 ? null : result;
  } finally {
    Error.stackTraceLimit = limit;
  }
}
