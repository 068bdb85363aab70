/**
 * Stage 2a: the token vocabulary of a citation. Prose around a citation lexes as Word; only the pieces the
 * grammar needs are told apart:
 *
 *   Kết luận | số | 93 | - | KL | / | TW | , | ngày | 20 | / | 11 | / | 2020 | của | Ban | Bí | thư
 *   TypeWord   So  Num Dash Code Slash Code Comma Ngay …                            Cua   Word…
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import { TYPE_WORDS } from "../tables.js";
import { addTo, isDigit, isLookalike, isWordChar, LETTER, NOT_LETTER_AFTER } from "../text.js";

const bothCases = (s: string) => [...new Set([s.toLowerCase(), s.toUpperCase()])];

// OCR loses or confuses diacritics (`Nghi quyet so`, `só`, `ngảy`): each vowel matches its whole family.
const FAMILIES = ["aàáảãạăằắẳẵặâầấẩẫậ", "eèéẻẽẹêềếểễệ", "iìíỉĩị", "oòóỏõọôồốổỗộơờớởỡợ", "uùúủũụưừứửữự", "yỳýỷỹỵ", "dđ"];
const familyOf = new Map(FAMILIES.flatMap((f) => [...f].map((c) => [c, f] as const)));
/** A regex source matching `word` with any diacritics on its vowels, and any spacing between its syllables. */
export function looseSource(word: string): string {
  return [...word.toLowerCase()]
    .map((c) => (c === " " ? "[ \\t\\r\\n]+" : familyOf.has(c) ? `[${familyOf.get(c)}]` : c))
    .join("");
}

// Each character as the loose spellings read it: lower case, a vowel as its family's first (`Ở` → `o`), `đ` as `d`.
const LOOSE = new Uint16Array(0x1f00);
for (let c = 0; c < LOOSE.length; c++) {
  const lower = String.fromCharCode(c).toLowerCase();
  LOOSE[c] = lower.length === 1 ? (familyOf.get(lower)?.charCodeAt(0) ?? lower.charCodeAt(0)) : c;
}
/**
 * text[from, to) as the loose spellings read it, as a number (`Quyết` and `quyet` alike): base 27 over a–z,
 * exact for up to 6 letters; -1 for a longer word or one with another letter, which no type word starts with.
 */
export function openingKey(text: string, from: number, to: number): number {
  if (to - from > 6) return -1;
  let key = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const base = c < LOOSE.length ? (LOOSE[c] as number) : c;
    if (base < 97 || base > 122) return -1;
    key = key * 27 + (base - 96);
  }
  return key;
}

/** A matcher of a custom token pattern: the match at `offset`, or null. */
interface Matcher {
  exec(text: string, offset: number): RegExpExecArray | null;
}
/**
 * The type-word and keyword patterns by the first syllable of their words (its openingKey), each over
 * only the words with that syllable: the fast lexer tries the few a word can start, chevrotain's lexer the
 * whole patterns. No other word starts a type word or keyword.
 */
export const BY_OPENING = new Map<number, { type: TokenType; matcher: Matcher }[]>();
/** A custom token over `words`, its matcher built by `matcherOf`, and one matcher per first syllable. */
function wordsToken(name: string, words: readonly string[], matcherOf: (words: readonly string[]) => Matcher): TokenType {
  const type = createToken({ name, pattern: matcherOf(words), line_breaks: true, start_chars_hint: FIRST_CHARS(words) });
  const byOpening = new Map<number, string[]>();
  for (const w of words) {
    const first = w.split(" ")[0] as string;
    const key = openingKey(first, 0, first.length);
    if (key < 0) throw new Error(`vncite: the first syllable of "${w}" is no opening the fast lexer can look up`);
    addTo(byOpening, key, w);
  }
  for (const [key, some] of byOpening) addTo(BY_OPENING, key, { type, matcher: matcherOf(some) });
  return type;
}

/** A regex group matching any of `words` loosely (looseSource), tried in the order given. */
export const looseAlternation = (words: readonly string[]) => `(?:${words.map(looseSource).join("|")})`;

const FIRST_CHARS = (words: readonly string[]) => [
  ...new Set(words.flatMap((w) => [...(familyOf.get(w[0]?.toLowerCase() as string) ?? (w[0] as string))].flatMap(bothCases))),
];

/**
 * A sticky, case-insensitive matcher for a custom token pattern; what it matches exactly (lower-cased) in
 * `exclude` is left to the next pattern: real words the loose spelling would swallow (`sở`, `cửa`).
 */
function stickyMatcher(source: string, exclude: ReadonlySet<string> = new Set()): Matcher {
  const re = new RegExp(source, "iy");
  return {
    exec(text: string, offset: number) {
      re.lastIndex = offset;
      const m = re.exec(text);
      return m && exclude.has(m[0].toLowerCase()) ? null : m;
    },
  };
}

/**
 * A keyword: a whole word in any case and any diacritics (`số`, `SỐ`, `so`, `só`), never the start of a longer
 * word; `glued` lets a number follow without a space (`SỐ64-CP`, as old upper-case headings print it).
 */
function keyword(name: string, words: string[], exclude: string[] = [], lookahead = "", glued = false): TokenType {
  const end = glued ? `(?![${LETTER}])` : NOT_LETTER_AFTER;
  return wordsToken(name, words, (some) => stickyMatcher(`${looseAlternation(some)}${end}${lookahead}`, new Set(exclude)));
}

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Num = createToken({ name: "Num", pattern: /[0-9]+/ });

/**
 * A number OCR misread with look-alike letters, right before a separator: `l71-CV/…`, `I16-KH/…`, `2O-NQ/…`.
 * It counts as a Num for the grammar; the build stage reads it as digits and records the repair.
 */
/** Length of the look-alike number at `offset` (digits and at least one of `OoIl`, then `-` or `/`), or 0. */
export function ocrNumLength(text: string, offset: number): number {
  let digits = false;
  let lookalikes = false;
  let end = offset;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (isDigit(c)) digits = true;
    else if (isLookalike(c)) lookalikes = true;
    else break;
  }
  if (!digits || !lookalikes) return 0;
  let k = end;
  while (k < text.length && k - end < 3 && (text[k] === " " || text[k] === "\t")) k++;
  return text[k] === "-" || text[k] === "/" ? end - offset : 0;
}
/** A custom pattern's match of `length` characters at `offset`, or null for none. */
const matchOf = (text: string, offset: number, length: number): [string] | null => (length > 0 ? [text.slice(offset, offset + length)] : null);
export const OcrNum = createToken({
  name: "OcrNum",
  categories: [Num],
  pattern: { exec: (text: string, offset: number) => matchOf(text, offset, ocrNumLength(text, offset)) },
  line_breaks: false,
  start_chars_hint: [..."0123456789OoIl"],
});
/** The digits a look-alike number stands for: `l71` → `171`, `2O` → `20`. */
export const lookalikeDigits = (s: string) => s.replace(/[Oo]/g, "0").replace(/[Il]/g, "1");

/** Tokens of one character, by its code (the fast lexer looks them up here). */
export const ONE_CHAR_TOKENS = new Map<number, TokenType>();
/** A token of one of `chars`, one character long. */
function oneOf(name: string, chars: string, label?: string): TokenType {
  const source = chars.length === 1 ? chars.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") : `[${chars.replace(/[\]\\^-]/g, "\\$&")}]`;
  const type = createToken({ name, pattern: new RegExp(source), ...(label ? { label } : {}) });
  for (const c of chars) ONE_CHAR_TOKENS.set(c.charCodeAt(0), type);
  return type;
}
export const Dash = oneOf("Dash", "-", "-");
export const Slash = oneOf("Slash", "/", "/");
export const Colon = oneOf("Colon", ":", ":");
export const Comma = oneOf("Comma", ",", ",");
export const Period = oneOf("Period", ".", ".");
export const LParen = oneOf("LParen", "(", "(");
export const RParen = oneOf("RParen", ")", ")");

// Type words, longest first so that `Chương trình hành động` wins over `Chương trình`; any case, any spacing.
// `Thực hiện Pháp lệnh …`: `hiện Pháp` is no `Hiến pháp` with wrong marks (it would swallow the ordinance's type word).
const NOT_TYPE_WORDS = new Set(["hiện pháp", "hiện phap"]);
export const TypeWord = wordsToken("TypeWord", TYPE_WORDS, (some) => stickyMatcher(`${looseAlternation(some)}${NOT_LETTER_AFTER}`, NOT_TYPE_WORDS));

export const So = keyword("So", ["số"], ["sở", "sớ", "sợ", "sổ", "sơ", "sỡ", "sờ"], "", true);
export const Ngay = keyword("Ngay", ["ngày"], ["ngây", "ngấy"]);
export const Thang = keyword("Thang", ["tháng"], ["thằng", "thắng", "thẳng", "thăng"]);
export const Nam = keyword("Nam", ["năm"], ["nắm", "nằm", "nấm", "nậm"]);
export const Cua = keyword("Cua", ["của"], ["cửa", "cưa", "cứa", "cựa"]);
export const Ve = keyword("Ve", ["về"], ["vé", "vẽ", "vẻ", "vệ", "vế"]);
// `khóa` only before a Roman numeral: without its marks it is `khoa` (khoa học, Ban Khoa giáo).
export const Khoa = keyword("Khoa", ["khóa"], [], "(?=[ \\t]+[IVXL]{1,6}(?![A-Za-z]))");

/**
 * An identifier code group: `NQ`, `TW`, `NĐ`, `QH14`, `BNN&PTNT`, and the mixed-case codes the rules define
 * (`CTr`, `QĐi`, `QyĐ`, `TTg`, `TTr`, `TrS`). A capital, then capitals, digits or `&`, with at most one
 * lower-case letter; the whole letter run must qualify, so `Ban` or `Bộ` stay words.
 */
export const Code = createToken({
  name: "Code",
  pattern: { exec: (text: string, offset: number) => matchOf(text, offset, codeLength(text, offset)) },
  line_breaks: false,
  start_chars_hint: [..."ABCDEFGHIJKLMNOPQRSTUVWXYZĐ"],
});

/** Length of the code group at `offset` (the whole run of letters, digits and `&` must be one), or 0. */
export function codeLength(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && (isWordChar(text.charCodeAt(end)) || text.charCodeAt(end) === 38)) end++;
  return end > offset && isCodeLike(text, offset, end) ? end - offset : 0;
}

/** text[from, to) is a code group: a capital, then capitals, digits or `&`, at most one lower-case letter. */
function isCodeLike(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  if (!((first >= 65 && first <= 90) || first === 0x110)) return false;
  let lower = 0;
  for (let i = from + 1; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c === 0x110 || (c >= 48 && c <= 57) || c === 38) continue;
    if (c >= 97 && c <= 122) {
      if (++lower > 1) return false;
      continue;
    }
    return false;
  }
  return lower === 0 || to - from >= 3;
}

export const Word = createToken({ name: "Word", pattern: new RegExp(`[${LETTER}0-9]+`) });
export const Quote = oneOf("Quote", `"“”„«»`);
/** Other punctuation. Characters with no token at all (CJK, emoji) are skipped by the lexer's error recovery. */
export const Other = oneOf("Other", ";!?%*_#@$^+=<>[]{}|~`'\\…•·§°");

// Order matters: OcrNum before Num, Code and Word; keywords and type words before Code and Word.
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace, OcrNum, Num, Dash, Slash, Colon, Comma, Period, LParen, RParen, Quote,
  TypeWord, So, Ngay, Thang, Nam, Cua, Ve, Khoa, Code, Word, Other,
];
