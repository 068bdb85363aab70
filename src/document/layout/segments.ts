/**
 * Segments: where a clause may begin inside the layout's lines, read by the preamble and purpose readers
 * (structure.ts) instead of a pattern of their own over the text.
 *
 *   - Căn cứ Luật A;  Căn cứ Nghị định B.  Thực hiện …     a line's start (after its bullets), after `;`, after
 *                                                          `.` or `:` and a space
 *   … VỀ VIỆC THU HỒI Căn cứ Luật …                        a preamble verb written with a capital, after a space
 *                                                          (a title flattened onto the preamble's line)
 *
 * Read only up to a limit (where the body begins): the body's sentences are not segments of the preamble.
 */
import { initialsOf, PREAMBLE, NOT_LETTER, phrase } from "../verbs.js";
import type { Line } from "./grammar.js";

// What may stand between a segment break and its first word: spaces, then a run of bullets or emphasis.
const SPACE = new Set([" ", "\t"]);
const BULLET = new Set([..."-–•+*>_"]);
const isBreak = (text: string, i: number) => {
  const c = text[i];
  return c === ";" || ((c === "." || c === ":") && SPACE.has(text[i + 1] as string));
};
// A preamble verb with a capital (`Căn cứ`, `Trên cơ sở`): built from the table.
const CAPITALIZED = new RegExp(`(?:${PREAMBLE.map((e) => phrase((e.verb[0] as string).toUpperCase() + e.verb.slice(1))).join("|")})${NOT_LETTER}`, "uy");
const WHITE = /\s/u;
// A capital with or without its marks (`Can cu`).
const CAPITAL_INITIALS = new Set([...initialsOf(PREAMBLE.map((e) => e.verb))].filter((c) => c !== c.toLowerCase()));

/** From `at`, past spaces and one run of bullets (and the spaces after it): where the segment's words begin. */
function wordsFrom(text: string, at: number, end: number): number {
  let k = at;
  while (k < end && SPACE.has(text[k] as string)) k++;
  if (k < end && BULLET.has(text[k] as string)) {
    while (k < end && BULLET.has(text[k] as string)) k++;
    while (k < end && SPACE.has(text[k] as string)) k++;
  }
  return k;
}

/**
 * Where the segments of the lines before `limit` begin (normalized offsets, in order, each once): a line's start,
 * a position after `;` or after `.` / `:` before a space, and a capitalized preamble verb after a space.
 */
export function segmentStarts(text: string, lines: readonly Line[], limit: number): number[] {
  const out: number[] = [];
  for (const line of lines) {
    if (line.start >= limit) break;
    const end = Math.min(line.end, limit);
    out.push(wordsFrom(text, line.start, line.end));
    for (let i = line.start; i < end; i++) {
      const c = text[i] as string;
      if (CAPITAL_INITIALS.has(c) && i > 0 && WHITE.test(text[i - 1] as string)) {
        CAPITALIZED.lastIndex = i;
        if (CAPITALIZED.test(text) && CAPITALIZED.lastIndex <= limit) out.push(i);
      }
      if (isBreak(text, i)) {
        const k = wordsFrom(text, i + 1, line.end);
        out.push(k);
        i = k - 1;
      }
    }
  }
  return [...new Set(out)].sort((a, b) => a - b);
}
