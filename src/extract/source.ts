/**
 * The one source every stage after normalize reads: the normalized text (NFD composed, `Ð` read as `Đ`, odd
 * spaces and dashes folded) with the way back to the caller's text, and what several stages need, each computed
 * once: the line index, quotations and editorial notes.
 *
 * Stages read `text` (normalized) and report spans in the ORIGINAL text through `span`; a stage that holds
 * original offsets (a citation's, a mention's) reads the normalized text between them with `read`.
 *
 *   const src = sourceOf("Nghi\u0323 quyê\u0301t 20-NQ/TW");
 *   src.text                   // "Nghị quyết 20-NQ/TW"
 *   src.span(11, 19).text      // "20-NQ/TW", sliced from the original
 */
import { lineIndex, type Quotation, quotations } from "../text.js";
import { type NormalizedText, normalize, toNormalized, toOriginal } from "./normalize.js";
import type { Span } from "../schema.js";

/** Editorial notes legal portals insert in square brackets (`[Khoản này được hướng dẫn bởi …]`): not the text. */
export const EDITORIAL_NOTE = /\[[^\]\n]*\]/g;

export interface Source {
  /** The caller's text. */
  readonly original: string;
  /** The normalized text every stage reads. */
  readonly text: string;
  readonly nt: NormalizedText;
  /** Original offset of a normalized one, and back. */
  orig(i: number): number;
  norm(i: number): number;
  /** The original span of normalized [start, end): its text sliced from the original. */
  span(start: number, end: number): Span;
  /** The normalized text of original [start, end). */
  read(start: number, end: number): string;
  /** Where the normalized line holding a normalized offset starts and ends. */
  readonly lines: ReturnType<typeof lineIndex>;
  /** `“…”` quotations, in ORIGINAL offsets (opening and closing mark). */
  readonly quotes: readonly Quotation[];
  /**
   * Editorial notes `[…]`, in ORIGINAL offsets, as quotations (the offset before the `[`, the one after the
   * `]`) so that `quotationAt` finds what stands inside one, brackets included.
   */
  readonly notes: readonly Quotation[];
}

/** The source of `original`, normalized by `normalizeFn` (the `normalize` option of extract and parseDocument). */
export function sourceOf(original: string, normalizeFn: (text: string) => NormalizedText = normalize): Source {
  const nt = normalizeFn(original);
  const text = nt.text;
  // Clean text needs no map: every offset is its own.
  const identity = nt.breaks === null;
  const orig = identity ? (i: number) => i : (i: number) => toOriginal(nt, i);
  const norm = identity ? (i: number) => i : (i: number) => toNormalized(nt, i);
  let lines: ReturnType<typeof lineIndex> | undefined;
  let quotes: Quotation[] | undefined;
  let notes: Quotation[] | undefined;
  return {
    original, text, nt, orig, norm,
    span(start, end) {
      const [s, e] = [orig(start), orig(end)];
      return { text: original.slice(s, e), start: s, end: e };
    },
    read: identity ? (start, end) => text.slice(start, end) : (start, end) => text.slice(norm(start), norm(end)),
    get lines() {
      return (lines ??= lineIndex(text));
    },
    get quotes() {
      return (quotes ??= quotations(text).map(([a, b]): Quotation => [orig(a), orig(b)]));
    },
    get notes() {
      return (notes ??= [...text.matchAll(EDITORIAL_NOTE)].map((m): Quotation => [orig(m.index) - 1, orig(m.index + m[0].length)]));
    },
  };
}
