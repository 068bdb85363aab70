/** The text with each citation marked and coloured by its worst problem: drawn in the worker, set by the page. */
import { annotate } from "../../src/annotate.js";
import type { Citation, Diagnostic } from "../../src/index.js";

const SEVERITY_ORDER = ["info", "warning", "error"] as const;
type Severity = (typeof SEVERITY_ORDER)[number];

/**
 * The worst severity of the diagnostics over each citation ("ok" for none). Citations come in order and apart,
 * so those a diagnostic overlaps are found by binary search and are next to each other.
 */
export function worstByCitation(citations: readonly Citation[], diagnostics: readonly Diagnostic[]): (Severity | "ok")[] {
  const worst = citations.map(() => -1);
  for (const d of diagnostics) {
    let lo = 0;
    let hi = citations.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((citations[mid] as Citation).end > d.start) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < citations.length && (citations[i] as Citation).start < Math.max(d.end, d.start + 1); i++) {
      worst[i] = Math.max(worst[i] as number, SEVERITY_ORDER.indexOf(d.severity));
    }
  }
  return worst.map((w) => (w < 0 ? "ok" : (SEVERITY_ORDER[w] as Severity)));
}

/** The view's HTML: the text escaped, each citation a focusable `<mark>` with its place and worst severity. */
export function viewHtml(text: string, citations: readonly Citation[], diagnostics: readonly Diagnostic[]): string {
  const items = citations.map((c, i) => ({ start: c.start, end: c.end, i }));
  const worst = worstByCitation(citations, diagnostics);
  return annotate(text, items, (c) => [`<mark class="cite ${worst[c.i]}" tabindex="0" data-i="${c.i}" data-start="${c.start}" data-end="${c.end}">`, "</mark>"]);
}
