/** Line and column of offsets, for diagnostics and the CLI's output: one index of line breaks per text. */
import type { Citation, Diagnostic } from "./schema.js";
import type { PositionedDiagnostic } from "./types.js";
import { countAtMost } from "./text.js";

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units (as the offsets are). */
  column: number;
  /** Offsets where the line starts and ends (before its `\n`). */
  lineStart: number;
  lineEnd: number;
}

/** A function from an offset of `text` to its position, by binary search over the text's line breaks. */
export function positionsIn(text: string): (offset: number) => Position {
  const breaks: number[] = [];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) breaks.push(i);
  return (offset) => {
    const k = countAtMost(breaks, offset - 1); // breaks before the offset
    const lineStart = k > 0 ? (breaks[k - 1] as number) + 1 : 0;
    return { line: k + 1, column: offset - lineStart + 1, lineStart, lineEnd: breaks[k] ?? text.length };
  };
}

/** Sets `line` and `column` (of `start`) on each diagnostic, in place; returns the same list. */
export function withPositions(text: string, diagnostics: Diagnostic[]): PositionedDiagnostic[] {
  if (diagnostics.length === 0) return diagnostics as PositionedDiagnostic[];
  const at = positionsIn(text);
  for (const d of diagnostics) {
    const p = at(d.start);
    d.line = p.line;
    d.column = p.column;
  }
  return diagnostics as PositionedDiagnostic[];
}

/** `withPositions` on the diagnostics of each citation; returns the same list. */
export function citationsWithPositions<T extends Citation[]>(text: string, citations: T): T {
  const all = citations.flatMap((c) => c.diagnostics);
  withPositions(text, all);
  return citations;
}
