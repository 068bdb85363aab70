/**
 * The one source every stage after normalize reads: the normalized text (NFD composed, `Ð` read as `Đ`, odd
 * spaces and dashes folded) with the way back to the caller's text, and what several stages need, each computed
 * once: the line index, quotations and editorial notes.
 *
 * Stages read `text` (normalized) and report spans in the ORIGINAL text through `span`; a stage that holds
 * original offsets (a citation's, a mention's) reads the normalized text between them with `read`. parseDocument's
 * stages hold normalized offsets throughout and map their spans to the original once, at the end.
 *
 *   const src = sourceOf("Nghi\u0323 quyê\u0301t 20-NQ/TW");
 *   src.text                   // "Nghị quyết 20-NQ/TW"
 *   src.span(11, 19).text      // "20-NQ/TW", sliced from the original
 */
import { lineIndex, type Quotation, quotations } from "../text.js";
import { type NormalizedText, normalize, offsetMaps } from "./normalize.js";
import type { Span } from "../schema.js";

/** The longest editorial note, between its brackets. */
const NOTE_MAX = 3000;

/**
 * Editorial notes legal portals insert in square brackets (`[Khoản này được hướng dẫn bởi …]`): not the text.
 * As quotations (the offset before the `[`, the one after the `]`), in order: a `[`, then at most NOTE_MAX
 * characters with no `]` nor line break, then the `]`. In one pass: a pattern tried at each `[` read up to
 * NOTE_MAX characters again from every `[` of a run of them.
 */
export function editorialNotes(text: string): Quotation[] {
  const out: Quotation[] = [];
  let close = -1; // the first `]` after `open`
  let lineEnd = -1; // the first line break after `open`
  for (let open = text.indexOf("["); open >= 0; ) {
    if (close <= open && (close = text.indexOf("]", open + 1)) < 0) break;
    if (lineEnd <= open && (lineEnd = text.indexOf("\n", open + 1)) < 0) lineEnd = text.length;
    if (lineEnd < close) open = text.indexOf("[", lineEnd + 1);
    else if (close - open - 1 > NOTE_MAX) {
      // Too long from here: the first `[` near enough to the `]` (else the first after it).
      open = text.indexOf("[", close - NOTE_MAX - 1);
    } else {
      out.push([open - 1, close + 1]);
      open = text.indexOf("[", close + 1);
    }
  }
  return out;
}

/** `text` with its editorial notes blanked (same length: offsets hold). */
export function withoutNotes(text: string): string {
  const notes = editorialNotes(text);
  if (notes.length === 0) return text;
  let out = "";
  let from = 0;
  for (const [before, after] of notes) {
    out += text.slice(from, before + 1) + " ".repeat(after - before - 1);
    from = after;
  }
  return out + text.slice(from);
}

/** The source of one text: built once by `sourceOf`, read by every stage after normalize. */
export class Source {
  /** The normalized text every stage reads. */
  readonly text: string;
  private readonly identity: boolean;
  private readonly maps: ReturnType<typeof offsetMaps>;
  private lineIndex: ReturnType<typeof lineIndex> | undefined;
  private quoteList: Quotation[] | undefined;
  private normalizedQuoteList: Quotation[] | undefined;
  private normalizedNoteList: Quotation[] | undefined;

  constructor(
    /** The caller's text. */
    readonly original: string,
    readonly nt: NormalizedText,
  ) {
    this.text = nt.text;
    // Clean text needs no map: every offset is its own.
    this.identity = nt.breaks === null;
    this.maps = offsetMaps(nt);
  }

  /** Whether every offset is its own (nothing was changed in length): no mapping needed. */
  get clean(): boolean {
    return this.identity;
  }

  /** Original offset of a normalized one. */
  orig(i: number): number {
    return this.identity ? i : this.maps.orig(i);
  }

  /** Normalized offset of an original one. */
  norm(i: number): number {
    return this.identity ? i : this.maps.norm(i);
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
    return (this.quoteList ??= this.normalizedQuotes.map(([a, b]): Quotation => [this.orig(a), this.orig(b)]));
  }

  /** `“…”` quotations, in normalized offsets. */
  get normalizedQuotes(): readonly Quotation[] {
    return (this.normalizedQuoteList ??= quotations(this.text));
  }

  /**
   * Editorial notes `[…]`, in normalized offsets, as quotations (the offset before the `[`, the one after the
   * `]`) so that `quotationAt` finds what stands inside one, brackets included.
   */
  get normalizedNotes(): readonly Quotation[] {
    return (this.normalizedNoteList ??= editorialNotes(this.text));
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
