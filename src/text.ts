/** Small character helpers shared by the stages. */

/** Letters of Vietnamese text, as a regex class body (chevrotain does not honour the `u` flag, so no \p{L}). */
export const LETTER = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF";
/** A look-ahead that no letter or digit follows: a whole word. */
export const NOT_LETTER_AFTER = `(?![${LETTER}0-9])`;

export const isDigit = (c: number) => c >= 48 && c <= 57;
/** Whitespace as the lexer skips it: space, tab, line breaks, form feed, vertical tab. */
export const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
/** Runs of whitespace as one space (the string itself when it holds none to fold, which is most of the time). */
export const singleSpaced = (s: string) => (/[^\S ]| \s/.test(s) ? s.replace(/\s+/g, " ") : s);
/** A number without its leading zeros (`08` → `8`, `0` stays). */
export const withoutLeadingZeros = (n: string) => n.replace(/^0+(?=\d)/, "");
/** A letter OCR reads for a digit: O o (0), I l (1). */
export const isLookalike = (c: number) => c === 79 || c === 111 || c === 73 || c === 108;
/** A character of LETTER or a digit, by code: the class of a word. */
export const isWordChar = (c: number) =>
  c < 0xc0
    ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
    : (c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
/** The string starts with a capital. */
export const isUpper = (s: string) => s !== "" && s[0] !== (s[0] as string).toLowerCase();

// `đ` and `Đ` are letters of their own to Unicode: no decomposition takes their stroke off.
const STROKED = new Map([[0x111, "d"], [0x110, "D"]]);
/** A letter without its marks: `ề` → `e`, `đ` → `d`. */
export const baseLetter = (c: string) => STROKED.get(c.codePointAt(0) ?? 0) ?? c.normalize("NFD").replace(/\p{M}/gu, "");
/** `w`'s letters without their marks: `Điều` → `Dieu`. */
export const withoutMarks = (w: string) => w.normalize("NFD").replace(/\p{M}/gu, "").replace(/[\u0111\u0110]/g, (c) => STROKED.get(c.charCodeAt(0)) as string);
/** `w` has no mark at all: a word that lost its marks, or one written without any. */
export const isBare = (w: string) => withoutMarks(w) === w;
/**
 * A table word as a pattern that also reads it without its marks (a text that lost them): each word of it as
 * written or with no mark at all, `ngày tháng` → `(?:ngày|ngay) (?:tháng|thang)`. Never with some marks lost:
 * `đa`, `tối đa` are no `đã`.
 */
export const marksOptional = (w: string) =>
  w.replace(/\p{L}+/gu, (word) => {
    const bare = withoutMarks(word);
    return bare === word ? word : `(?:${word}|${bare})`;
  });

/**
 * `fn` remembering its last answers (up to `max`, then it starts over): for pure functions of a few values seen
 * again and again (a type word's spelling, a date).
 */
export function remembered<T>(fn: (key: string) => T, max = 10_000): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = fn(key);
      if (answers.size >= max) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}

/** A quotation's opening and closing marks. */
export type Quotation = readonly [open: number, close: number];
/** Appends `value` to the list of `key` (in place: copying the list on every append made long lists quadratic). */
export function addTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/**
 * How many values of an ascending list are at most `x` (the index of the first one above it): firstIndex for a list
 * of numbers, with no function made at each call (offsets are mapped back for every span).
 */
export function countAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first index in [0, length) where `reached(i)` holds, else `length`: `reached` is false, then true (binary search). */
export function firstIndex(length: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The quotation `at` stands inside, if any (quotations in order and apart, as `quotations` gives them). */
export function quotationAt(quotes: readonly Quotation[], at: number): Quotation | undefined {
  const q = quotes[firstIndex(quotes.length, (i) => (quotes[i] as Quotation)[1] > at)];
  return q && at > q[0] && at < q[1] ? q : undefined;
}

/**
 * A line end, as every stage reads one: `\r\n` (one end), `\n`, `\r`, U+0085 (next line), U+2028 (line
 * separator), U+2029 (paragraph separator). normalize turns each into `\n`; positions in the original text count them.
 */
export const LINE_END = /\r\n?|[\n\u0085\u2028\u2029]/g;
/** The text holds a line end of any kind. */
export const hasLineEnd = (text: string) => /[\n\r\u0085\u2028\u2029]/.test(text);
/** The text holds a line end other than `\n`. */
export const hasOtherLineEnd = (text: string) => /[\r\u0085\u2028\u2029]/.test(text);

/**
 * Where each line end of `text` starts (`ends`) and where the next line starts (`starts`), in order; only `\n`
 * (indexOf, the common case) unless the text holds another kind.
 */
export function lineEnds(text: string): { ends: number[]; starts: number[] } {
  const ends: number[] = [];
  const starts: number[] = [];
  if (hasOtherLineEnd(text)) {
    for (const m of text.matchAll(LINE_END)) {
      ends.push(m.index);
      starts.push(m.index + m[0].length);
    }
  } else {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
      ends.push(i);
      starts.push(i + 1);
    }
  }
  return { ends, starts };
}

/** Where the line holding offset `at` starts and ends, by binary search over the text's line breaks. */
export function lineIndex(text: string): { startOf(at: number): number; endOf(at: number): number } {
  const breaks: number[] = [];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) breaks.push(i);
  /** Index of the first break at or after `at`. */
  const nextBreak = (at: number) => firstIndex(breaks.length, (i) => (breaks[i] as number) >= at);
  return {
    startOf: (at) => {
      const k = nextBreak(at) - 1;
      return k >= 0 ? (breaks[k] as number) + 1 : 0;
    },
    endOf: (at) => breaks[nextBreak(at)] ?? text.length,
  };
}

/** `“…”` quotations, across lines (an amending or consolidated text quotes whole articles), at most 20 000 long. */
export function quotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  for (let open = text.indexOf("“"); open >= 0; open = text.indexOf("“", open + 1)) {
    const close = text.indexOf("”", open);
    if (close < 0) break;
    if (close - open <= 20_000) out.push([open, close]);
    open = close;
  }
  return out;
}
