/**
 * Stage 1: normalize. Folds the character noise that breaks matching while keeping a map back to the
 * original text, so every span the later stages produce can be reported in the caller's coordinates.
 *
 *   "Nghị định số 30/2020/NÐ–CP" (U+00D0 eth, en dash, NFD marks)  →  "Nghị định số 30/2020/NĐ-CP"
 */

/**
 * A normalized copy of a text and the way back to the original. The map is sparse: breakpoints where the
 * offset between the two texts changes (length changes are rare), so most texts carry none at all.
 */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  /** Normalized offsets where the shift changes, ascending, and the original offset at each. */
  readonly breaks: { readonly at: Int32Array; readonly from: Int32Array } | null;
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
// Dropped (LENGTH_CHANGING below): zero-width characters and the soft hyphen, which PDF and OCR leave inside
// words and identifiers. Combining marks (NFD text) are composed with their base letter.
const isCombining = (c: number) => (c >= 0x300 && c <= 0x36f) || (c >= 0x1dc0 && c <= 0x1dff);

const ONE_TO_ONE = new RegExp(`[${Object.keys(REPLACE).join("")}]`, "g");
const LENGTH_CHANGING = /[\u200B-\u200D\u2060\uFEFF\u00AD\u0300-\u036F\u1DC0-\u1DFF]/g;

export function normalize(original: string): NormalizedText {
  // One-for-one replacements keep every offset, so they need no map.
  const replaced = original.replace(ONE_TO_ONE, (c) => REPLACE[c] as string);
  LENGTH_CHANGING.lastIndex = 0;
  if (!LENGTH_CHANGING.test(replaced)) return { original, text: replaced, breaks: null };
  return withMap(original, replaced);
}

/** Drops zero-width characters and composes combining marks (NFC), recording where the shift changes. */
function withMap(original: string, replaced: string): NormalizedText {
  const n = replaced.length;
  const parts: string[] = [];
  const at: number[] = [0];
  const from: number[] = [0];
  let outLen = 0;
  let copied = 0; // replaced[copied, i) is still to be copied as is
  const flush = (to: number) => {
    if (to <= copied) return;
    parts.push(replaced.slice(copied, to));
    outLen += to - copied;
    copied = to;
  };
  const shift = (normalized: number, orig: number) => {
    at.push(normalized);
    from.push(orig);
  };
  LENGTH_CHANGING.lastIndex = 0;
  for (let m = LENGTH_CHANGING.exec(replaced); m !== null; m = LENGTH_CHANGING.exec(replaced)) {
    const i = m.index;
    if (i < copied) continue;
    if (!isCombining(replaced.charCodeAt(i))) {
      flush(i);
      copied = i + 1; // dropped
      shift(outLen, copied);
      continue;
    }
    // Compose the base before the marks with all the marks that follow; the cluster maps to the base.
    const base = i > copied ? i - 1 : i;
    flush(base);
    let j = i;
    while (j < n && isCombining(replaced.charCodeAt(j))) j++;
    const composed = replaced.slice(base, j).normalize("NFC");
    parts.push(composed);
    outLen += composed.length;
    copied = j;
    shift(outLen, j);
    LENGTH_CHANGING.lastIndex = j;
  }
  flush(n);
  return { original, text: parts.join(""), breaks: { at: Int32Array.from(at), from: Int32Array.from(from) } };
}

/** Original offset of a normalized offset (a start, or an end: the original text up to it is covered). */
export function toOriginal(nt: NormalizedText, i: number): number {
  if (!nt.breaks) return i;
  const { at, from } = nt.breaks;
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((at[mid] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  return (from[lo] as number) + (i - (at[lo] as number));
}
