/**
 * `annotate`: the text with markup around each citation's exact span (and, if asked, each diagnostic's), the
 * rest escaped for HTML. Like eyecite's `annotate_citations`: the base of a page that highlights references or
 * a portal that links each to its document.
 *
 * Spans may nest, overlap or touch: markup always comes out balanced. Where a span starts inside another and
 * ends outside it, the inner markup is closed where the outer one ends and opened again right after, so a span
 * can be wrapped in more than one piece but every character keeps exactly the markup of the spans over it.
 */
import type { Diagnostic } from "./schema.js";

/** A span of the original text, as citations and diagnostics give it. */
export interface Spanned {
  start: number;
  end: number;
}

/** Fixed markup for every span, or a function giving each its own (a link to its document, a class …). */
export type Markup<T> = { before: string; after: string } | ((item: T) => readonly [open: string, close: string]);

export interface AnnotateOptions {
  /** How the text outside the markup is written: escaped for HTML (the default), as it is (false), or your way. */
  escape?: boolean | ((text: string) => string);
  /** Also mark these diagnostics' spans (inside a citation's markup when they cover the same span). */
  diagnostics?: readonly Diagnostic[];
  /** The markup of a diagnostic; by default `<span class="vncite-error|warning|info" data-code="…">`. */
  diagnosticMarkup?: Markup<Diagnostic>;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);

const defaultDiagnosticMarkup = (d: Diagnostic) =>
  [`<span class="vncite-${escapeHtml(String(d.severity))}" data-code="${escapeHtml(String(d.code))}">`, "</span>"] as const;

interface Mark {
  start: number;
  end: number;
  open: string;
  close: string;
  /** Order among marks of the same span: citations outside diagnostics, then as given. */
  rank: number;
}

/**
 * Returns `text` with each item's markup around `text.slice(item.start, item.end)`. Items out of the text are
 * clipped to it; an item with `end < start` is left out. Never throws on a string.
 */
export function annotate<T extends Spanned>(text: string, items: readonly T[], markup: Markup<T>, options: AnnotateOptions = {}): string {
  const escape = options.escape === false ? (s: string) => s : typeof options.escape === "function" ? options.escape : escapeHtml;
  const marks: Mark[] = [];
  const add = <U extends Spanned>(list: readonly U[], how: Markup<U>, first: number) =>
    list.forEach((item, i) => {
      const start = Math.max(0, Math.min(item.start, text.length));
      const end = Math.max(0, Math.min(item.end, text.length));
      if (!(end >= start)) return; // NaN too
      const [open, close] = typeof how === "function" ? how(item) : [how.before, how.after];
      marks.push({ start, end, open, close, rank: first + i });
    });
  add(items, markup, 0);
  if (options.diagnostics) add(options.diagnostics, options.diagnosticMarkup ?? defaultDiagnosticMarkup, items.length);
  // Outer before inner: by start, then the longer first, then citations before diagnostics.
  marks.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const ends = [...new Set(marks.map((m) => m.end))].sort((a, b) => a - b);

  const out: string[] = [];
  const open: Mark[] = [];
  /** How many open marks end at each position. */
  const openByEnd = new Map<number, number>();
  let at = 0;
  let next = 0; // next mark to open
  let nextEnd = 0; // next end position to reach
  while (next < marks.length || open.length > 0) {
    const startAt = next < marks.length ? (marks[next] as Mark).start : Infinity;
    while ((ends[nextEnd] as number) < at) nextEnd++;
    const endAt = open.length > 0 ? (ends[nextEnd] as number) : Infinity;
    const to = Math.min(startAt, endAt);
    out.push(escape(text.slice(at, to)));
    at = to;
    if (endAt <= startAt) {
      closeAt(at, open, openByEnd, out);
      nextEnd++;
    } else {
      openAt(at, marks, next, open, openByEnd, out);
      next = firstNotStartingAt(marks, next, at);
    }
  }
  out.push(escape(text.slice(at)));
  return out.join("");
}

/** Opens the marks starting at `at` (outer first); zero-length ones open and close at once. */
function openAt(at: number, marks: Mark[], from: number, open: Mark[], openByEnd: Map<number, number>, out: string[]): void {
  for (let i = from; i < marks.length && (marks[i] as Mark).start === at; i++) {
    const m = marks[i] as Mark;
    out.push(m.open);
    if (m.end === at) out.push(m.close);
    else open.push(m), openByEnd.set(m.end, (openByEnd.get(m.end) ?? 0) + 1);
  }
}

function firstNotStartingAt(marks: Mark[], from: number, at: number): number {
  let i = from;
  while (i < marks.length && (marks[i] as Mark).start === at) i++;
  return i;
}

/**
 * Closes the open marks that end at `at`. One that is not innermost closes the marks inside it first, and
 * those that go on are opened again after, so the markup stays balanced. The stack is searched from the top,
 * only as deep as the outermost mark ending here: the work is that of the markup written.
 */
function closeAt(at: number, open: Mark[], openByEnd: Map<number, number>, out: string[]): void {
  let remaining = openByEnd.get(at) ?? 0;
  if (remaining === 0) return;
  openByEnd.delete(at);
  let outermost = open.length;
  while (remaining > 0) if ((open[--outermost] as Mark).end === at) remaining--;
  const inside = open.splice(outermost);
  for (let i = inside.length - 1; i >= 0; i--) out.push((inside[i] as Mark).close);
  for (const m of inside) {
    if (m.end === at) continue;
    out.push(m.open);
    open.push(m);
  }
}
