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

/**
 * Editorial notes legal portals insert in square brackets (`[Khoản này được hướng dẫn bởi …]`): not the text.
 * Bounded, so that an unclosed `[` is not read again from every later one.
 */
export const EDITORIAL_NOTE = /\[[^\]\n]{0,3000}\]/g;

/** The source of one text: built once by `sourceOf`, read by every stage after normalize. */
export class Source {
  /** The normalized text every stage reads. */
  readonly text: string;
  private readonly identity: boolean;
  private lineIndex: ReturnType<typeof lineIndex> | undefined;
  private quoteList: Quotation[] | undefined;
  private noteList: Quotation[] | undefined;

  constructor(
    /** The caller's text. */
    readonly original: string,
    readonly nt: NormalizedText,
  ) {
    this.text = nt.text;
    // Clean text needs no map: every offset is its own.
    this.identity = nt.breaks === null;
  }

  /** Original offset of a normalized one. */
  orig(i: number): number {
    return this.identity ? i : toOriginal(this.nt, i);
  }

  /** Normalized offset of an original one. */
  norm(i: number): number {
    return this.identity ? i : toNormalized(this.nt, i);
  }

  /** The original span of normalized [start, end): its text sliced from the original. */
  span(start: number, end: number): Span {
    const s = this.orig(start);
    const e = this.orig(end);
    return { text: this.original.slice(s, e), start: s, end: e };
  }

  /** The normalized text of original [start, end). */
  read(start: number, end: number): string {
    return this.text.slice(this.norm(start), this.norm(end));
  }

  /** Where the normalized line holding a normalized offset starts and ends. */
  get lines(): ReturnType<typeof lineIndex> {
    return (this.lineIndex ??= lineIndex(this.text));
  }

  /** `“…”` quotations, in ORIGINAL offsets (opening and closing mark). */
  get quotes(): readonly Quotation[] {
    return (this.quoteList ??= quotations(this.text).map(([a, b]): Quotation => [this.orig(a), this.orig(b)]));
  }

  /**
   * Editorial notes `[…]`, in ORIGINAL offsets, as quotations (the offset before the `[`, the one after the
   * `]`) so that `quotationAt` finds what stands inside one, brackets included.
   */
  get notes(): readonly Quotation[] {
    return (this.noteList ??= [...this.text.matchAll(EDITORIAL_NOTE)].map((m): Quotation => [this.orig(m.index) - 1, this.orig(m.index + m[0].length)]));
  }
}

/** The source of `original`, normalized by `normalizeFn` (the `normalize` option of extract and parseDocument). */
export function sourceOf(original: string, normalizeFn: (text: string) => NormalizedText = normalize): Source {
  return new Source(original, normalizeFn(original));
}

/** The source of a text normalized already (a line of a source's text): read as it is, offsets its own. */
export function normalizedSource(text: string): Source {
  return new Source(text, { original: text, text, repairs: [], breaks: null });
}
