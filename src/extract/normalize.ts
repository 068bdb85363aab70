/**
 * Stage 1: normalize. Folds the character noise that breaks matching while keeping a map back to the
 * original text, so every span the later stages produce can be reported in the caller's coordinates.
 *
 *   "Nghị định số 30/2020/NÐ–CP" (U+00D0 eth, en dash, NFD marks)  →  "Nghị định số 30/2020/NĐ-CP"
 *
 * Line ends are read here, once for every stage: `\r\n`, `\r`, U+0085, U+2028 and U+2029 become `\n`.
 */
import { countAtMost, hasLineEnd, hasOtherLineEnd, LINE_END } from "../text.js";

/**
 * A normalized copy of a text and the way back to the original. The map is sparse: breakpoints where the
 * offset between the two texts changes (length changes are rare), so most texts carry none at all.
 */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  /** OCR damage folded here, in original offsets and sorted: look-alike letters (`Ð`, Cyrillic), page-number lines. */
  readonly repairs: readonly Repair[];
  /** Normalized offsets where the shift changes, ascending, and the original offset at each. */
  readonly breaks: { readonly at: Int32Array; readonly from: Int32Array } | null;
}

/** One repair: what was read at original [start, end), and what it was taken for. */
export interface Repair {
  start: number;
  end: number;
  read: string;
  as: string;
}

// One-for-one replacements: look-alikes of Đ, dashes, slashes, odd spaces, Cyrillic capitals that OCR and
// web portals put into codes (`TT-BTС` with a Cyrillic Es).
const REPLACE: Record<string, string> = {
  "\u00D0": "Đ", "\u00F0": "đ", "\u0189": "Đ",
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\uFE63": "-", "\uFF0D": "-",
  "\u2044": "/", "\u2215": "/", "\uFF0F": "/", "\u29F8": "/",
  "\u00A0": " ", "\u202F": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ", "\u3000": " ",
  "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041A": "K", "\u041C": "M", "\u041D": "H", "\u041E": "O",
  "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0425": "X", "\u0406": "I",
};
// Dropped (DROP below): zero-width characters and the soft hyphen, which PDF and OCR leave inside
// words and identifiers. Combining marks (NFD text) are composed with their base letter.
const isCombining = (c: number) => (c >= 0x300 && c <= 0x36f) || (c >= 0x1dc0 && c <= 0x1dff);

// What each UTF-16 code unit needs, in a table: a plain loop over the text beats a character-class regex
// (about 5× on two-byte strings) and most texts need nothing at all.
const KEEP = 0;
const SWAP = 1;
const DROP = 2;
const COMPOSE = 3;
/** A line end other than `\n`: read as `\n` (`\r\n` as one), so that every stage sees one kind of line. */
const LINE = 4;
const WORK = new Uint8Array(0x10000);
for (const ch of Object.keys(REPLACE)) WORK[ch.charCodeAt(0)] = SWAP;
for (const c of [0x0d, 0x85, 0x2028, 0x2029]) WORK[c] = LINE;
for (const c of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]) WORK[c] = DROP;
for (let c = 0x300; c <= 0x36f; c++) WORK[c] = COMPOSE;
for (let c = 0x1dc0; c <= 0x1dff; c++) WORK[c] = COMPOSE;

/** Index of the first code unit at or after `from` that needs work, or -1. */
function nextWork(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xa0 ? WORK[c] !== KEEP : c === 0x0d || c === 0x85) return i;
  }
  return -1;
}

// A line holding only a page number (`12`, `- 3 -`) between two parts of a scanned text; blanked, so that a
// reference broken across the page joins up. Blanking keeps offsets.
/** What a blanked page-number line is taken for, in its repair. */
export const PAGE_BREAK = "(page break)";
const pageNumberLine = (lineEnd: string) => new RegExp(`(${lineEnd})([ \\t]*(?:-[ \\t]*)?\\d{1,4}(?:[ \\t]*-)?[ \\t]*)(?=${lineEnd})`, "g");
const PAGE_NUMBER_LINE = pageNumberLine(LINE_END.source);
/** The same where every line end is `\n` (most texts): a pattern that starts with one character is found faster. */
const PAGE_NUMBER_LINE_LF = pageNumberLine("\\n");
// A number after a date's word or `số` (`năm⏎2021⏎của …`) is the date's or the document's, on a line of its own or
// not: the word as printed, without its marks, or decomposed (normalize has not composed the text yet).
const NUMBER_WORD = ["ngày", "tháng", "năm", "số"].flatMap((w) => [w, w.normalize("NFD"), w.normalize("NFD").replace(/[\u0300-\u036f]/g, "")]);
const NUMBER_WORD_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${NUMBER_WORD.join("|")})$`, "iu");
/** `text[0, at)` ends with a date's word or `số`, then spaces or tabs. */
function afterNumberWord(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
  return NUMBER_WORD_BEFORE.test(text.slice(Math.max(0, k - 12), k));
}
const isLetterLookalike = (c: number) => c === 0xd0 || c === 0xf0 || c === 0x189 || (c >= 0x400 && c <= 0x4ff);

export function normalize(original: string): NormalizedText {
  const repairs: Repair[] = [];
  let text = original;
  if (hasLineEnd(text)) {
    const pattern = hasOtherLineEnd(text) ? PAGE_NUMBER_LINE : PAGE_NUMBER_LINE_LF;
    pattern.lastIndex = 0;
    text = text.replace(pattern, (line: string, end: string, inner: string, at: number) => {
      if (afterNumberWord(text, at)) return line;
      const start = at + end.length;
      repairs.push({ start, end: start + inner.length, read: inner, as: PAGE_BREAK });
      return `${end}${" ".repeat(inner.length)}`;
    });
  }
  const folded = fold(text, original, repairs);
  return { ...folded, repairs: repairs.sort((a, b) => a.start - b.start) };
}

/** The one-for-one, dropping and composing work, over `text` (same length as `original`). */
function fold(text: string, original: string, repairs: Repair[]): Omit<NormalizedText, "repairs"> {
  let i = nextWork(text, 0);
  if (i < 0) return { original, text, breaks: null };
  const n = text.length;
  const parts: string[] = [];
  const at: number[] = [0];
  const from: number[] = [0];
  let outLen = 0;
  let copied = 0; // text[copied, i) is still to be copied as is
  const copyTo = (to: number) => {
    if (to <= copied) return;
    parts.push(text.slice(copied, to));
    outLen += to - copied;
    copied = to;
  };
  for (; i >= 0; i = nextWork(text, copied)) {
    const code = text.charCodeAt(i);
    const work = WORK[code];
    if (work === SWAP) {
      // One for one: the shift between the texts does not change.
      copyTo(i);
      const as = REPLACE[text[i] as string] as string;
      if (isLetterLookalike(code)) repairs.push({ start: i, end: i + 1, read: text[i] as string, as });
      parts.push(as);
      outLen++;
      copied = i + 1;
    } else if (work === LINE) {
      // `\r\n` as one `\n` that maps to the `\r` (a line's end is before both), the others one for one.
      copyTo(i);
      parts.push("\n");
      outLen++;
      copied = code === 0x0d && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (copied === i + 2) {
        at.push(outLen);
        from.push(copied);
      }
    } else if (work === DROP) {
      copyTo(i);
      copied = i + 1;
      at.push(outLen);
      from.push(copied);
    } else {
      // Combining marks (NFD): compose them with the base letter before them; the cluster maps to the base.
      const base = i > copied ? i - 1 : i;
      copyTo(base);
      let j = i;
      while (j < n && isCombining(text.charCodeAt(j))) j++;
      const composed = text.slice(base, j).normalize("NFC");
      parts.push(composed);
      outLen += composed.length;
      copied = j;
      at.push(outLen);
      from.push(j);
    }
  }
  copyTo(n);
  return { original, text: parts.join(""), breaks: at.length > 1 ? { at: Int32Array.from(at), from: Int32Array.from(from) } : null };
}

type Breaks = NonNullable<NormalizedText["breaks"]>;
/** The last break at or before `i` (index 0, offset 0, when none is). */
const lastAtMost = (keys: Int32Array, i: number) => Math.max(0, countAtMost(keys, i) - 1);
const originalAt = (b: Breaks, lo: number, i: number) => (b.from[lo] as number) + (i - (b.at[lo] as number));
// Inside a dropped or composed stretch: where that stretch begins.
const normalizedAt = (b: Breaks, lo: number, i: number) => Math.min((b.at[lo] as number) + (i - (b.from[lo] as number)), lo + 1 < b.at.length ? (b.at[lo + 1] as number) : Infinity);

/** Original offset of a normalized offset (a start, or an end: the original text up to it is covered). */
export function toOriginal(nt: NormalizedText, i: number): number {
  return nt.breaks ? originalAt(nt.breaks, lastAtMost(nt.breaks.at, i), i) : i;
}

/** Normalized offset of an original offset (inside a dropped or composed stretch: where that stretch begins). */
export function toNormalized(nt: NormalizedText, i: number): number {
  return nt.breaks ? normalizedAt(nt.breaks, lastAtMost(nt.breaks.from, i), i) : i;
}

/**
 * toOriginal and toNormalized of one text, each starting from the break its last answer was at: offsets come
 * mostly in text order (a document's spans, start to end), so a step or two replaces most searches.
 */
export function offsetMaps(nt: NormalizedText): { orig: (i: number) => number; norm: (i: number) => number } {
  const b = nt.breaks;
  if (!b) return { orig: (i) => i, norm: (i) => i };
  const inAt = near(b.at);
  const inFrom = near(b.from);
  return { orig: (i) => originalAt(b, inAt(i), i), norm: (i) => normalizedAt(b, inFrom(i), i) };
}

/** lastAtMost(keys, ·), tried a few steps from its last answer before a search (far jumps stay logarithmic). */
function near(keys: Int32Array): (i: number) => number {
  let k = 0;
  return (i) => {
    for (let step = 0; step < 4; step++) {
      if ((keys[k] as number) > i) {
        if (k === 0) return 0;
        k--;
      } else if (k + 1 < keys.length && (keys[k + 1] as number) <= i) k++;
      else return k;
    }
    k = lastAtMost(keys, i);
    return k;
  };
}
