/**
 * Stage 2a: the token vocabulary of a citation. Prose around a citation lexes as Word; only the pieces the
 * grammar needs are told apart:
 *
 *   Kết luận | số | 93 | - | KL | / | TW | , | ngày | 20 | / | 11 | / | 2020 | của | Ban | Bí | thư
 *   TypeWord   So  Num Dash Code Slash Code Comma Ngay …                            Cua   Word…
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import { KINDS } from "./tables.js";

const LETTER = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF";
const NOT_LETTER_AFTER = `(?![${LETTER}0-9])`;
const bothCases = (s: string) => [...new Set([s.toLowerCase(), s.toUpperCase()])];

/** A sticky, case-insensitive matcher for a custom token pattern. */
function stickyMatcher(source: string) {
  const re = new RegExp(source, "iy");
  return {
    exec(text: string, offset: number) {
      re.lastIndex = offset;
      return re.exec(text);
    },
  };
}

/** A keyword: a whole word in any case (`số`, `Số`, `SỐ`), never the start of a longer word. */
function keyword(name: string, words: string[]): TokenType {
  const source = `(?:${words.join("|")})${NOT_LETTER_AFTER}`;
  return createToken({
    name,
    pattern: stickyMatcher(source),
    line_breaks: false,
    start_chars_hint: [...new Set(words.flatMap((w) => bothCases(w[0] as string)))],
  });
}

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Num = createToken({ name: "Num", pattern: /[0-9]+/ });
export const Dash = createToken({ name: "Dash", pattern: /-/, label: "-" });
export const Slash = createToken({ name: "Slash", pattern: /\//, label: "/" });
export const Colon = createToken({ name: "Colon", pattern: /:/, label: ":" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "," });
export const Period = createToken({ name: "Period", pattern: /\./, label: "." });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "(" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: ")" });

// Type words, longest first so that `Chương trình hành động` wins over `Chương trình`; any case, any spacing.
const typeWordSources = [...KINDS]
  .map((k) => k.kind)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.split(" ").join("[ \\t\\r\\n]+"));
export const TypeWord = createToken({
  name: "TypeWord",
  pattern: stickyMatcher(`(?:${typeWordSources.join("|")})${NOT_LETTER_AFTER}`),
  line_breaks: true,
  start_chars_hint: [...new Set(KINDS.flatMap((k) => bothCases(k.kind[0] as string)))],
});

export const So = keyword("So", ["số"]);
export const Ngay = keyword("Ngay", ["ngày"]);
export const Thang = keyword("Thang", ["tháng"]);
export const Nam = keyword("Nam", ["năm"]);
export const Cua = keyword("Cua", ["của"]);
export const Ve = keyword("Ve", ["về"]);
export const Khoa = keyword("Khoa", ["khóa", "khoá"]);

/**
 * An identifier code group: `NQ`, `TW`, `NĐ`, `QH14`, `BNN&PTNT`, and the mixed-case codes the rules define
 * (`CTr`, `QĐi`, `QyĐ`, `TTg`, `TTr`, `TrS`). A capital, then capitals, digits or `&`, with at most one
 * lower-case letter; the whole letter run must qualify, so `Ban` or `Bộ` stay words.
 */
const CODE_RUN = new RegExp(`[${LETTER}0-9&]+`, "y");
export const Code = createToken({
  name: "Code",
  pattern: {
    exec(text: string, offset: number) {
      CODE_RUN.lastIndex = offset;
      const m = CODE_RUN.exec(text);
      return m && isCodeLike(m[0]) ? m : null;
    },
  },
  line_breaks: false,
  start_chars_hint: [..."ABCDEFGHIJKLMNOPQRSTUVWXYZĐ"],
});

export function isCodeLike(run: string): boolean {
  const first = run.charCodeAt(0);
  if (!((first >= 65 && first <= 90) || first === 0x110)) return false;
  let lower = 0;
  for (let i = 1; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c === 0x110 || (c >= 48 && c <= 57) || c === 38) continue;
    if (c >= 97 && c <= 122) {
      if (++lower > 1) return false;
      continue;
    }
    return false;
  }
  return lower === 0 || run.length >= 3;
}

export const Word = createToken({ name: "Word", pattern: new RegExp(`[${LETTER}0-9]+`) });
export const Quote = createToken({ name: "Quote", pattern: /["“”„«»]/ });
/** Other punctuation. Characters with no token at all (CJK, emoji) are skipped by the lexer's error recovery. */
export const Other = createToken({ name: "Other", pattern: /[;!?%*_#@$^+=<>[\]{}|~`'\\…•·§°]/ });

// Order matters: keywords and type words before Code and Word; Num before Word.
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace, Num, Dash, Slash, Colon, Comma, Period, LParen, RParen, Quote,
  TypeWord, So, Ngay, Thang, Nam, Cua, Ve, Khoa, Code, Word, Other,
];
