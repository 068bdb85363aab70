/** Line and column of offsets, for diagnostics and the CLI's output: one index of line breaks per text. */
import type { Citation, Diagnostic } from "./schema.js";
import type { PositionedDiagnostic } from "./types.js";
import { countAtMost, lineEnds } from "./text.js";

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units (as the offsets are). */
  column: number;
  /** Offsets where the line starts and ends (before its line end). */
  lineStart: number;
  lineEnd: number;
}

/**
 * A function from an offset of `text` to its position, by binary search over the text's line ends (of every kind
 * normalize reads: `\r\n`, `\r`, U+2028 … as `\n`).
 */
export function positionsIn(text: string): (offset: number) => Position {
  const { ends, starts } = lineEnds(text);
  return (offset) => {
    const k = countAtMost(starts, offset); // lines that start at or before the offset, after the first
    const lineStart = k > 0 ? (starts[k - 1] as number) : 0;
    return { line: k + 1, column: offset - lineStart + 1, lineStart, lineEnd: ends[k] ?? text.length };
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
