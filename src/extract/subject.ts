/**
 * The subject of a citation: the `về …` that follows it, up to the end of its clause.
 *
 *   … của Bộ Chính trị về “Một số chủ trương, chính sách …”;      quoted: the text inside the quotes
 *   … của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 42-CT/TW …   plain: up to `;`, `(`, a line break,
 *                                                                  a sentence end, or `, ` + a capital
 */
import type { Piece } from "./parse.js";
import { isUpper, LETTER } from "../text.js";

const INTRO = new RegExp(
  `[ \\t]*[*_]*[ \\t]*(["“„«]?)[ \\t]*[*_]*(?:về|Về|VỀ)(?![${LETTER}])[ \\t]*[*_]*[ \\t]*(["“„«]?)[ \\t]*`,
  "y",
);
const CLOSE: Record<string, string> = { '"': '"', "“": "”", "„": "“", "«": "»" };
const MAX_SUBJECT = 600;
const TRIM_END = /[\s*_,:]+$/;
const TERM_IN_BRACKETS = /^\((?:khóa|khoá)/i;
const NESTED_VE = /(?:^|\s)về\s*$/i;

/** The subject that starts at `from` (just after a citation), or null. */
export function findSubject(text: string, from: number): Piece | null {
  INTRO.lastIndex = from;
  const intro = INTRO.exec(text);
  if (!intro) return null;
  const start = from + intro[0].length;
  const opened = intro[1] || intro[2];
  const end = opened ? quotedEnd(text, start, CLOSE[opened] as string) : clauseEnd(text, start);
  const raw = text.slice(start, end);
  const trimmed = raw.replace(TRIM_END, "");
  if (trimmed.length === 0) return null;
  return { start, end: start + trimmed.length, text: trimmed };
}

function quotedEnd(text: string, start: number, close: string): number {
  const limit = Math.min(text.length, start + MAX_SUBJECT);
  const at = text.indexOf(close, start);
  return at >= 0 && at < limit ? at : clauseEnd(text, start);
}

function clauseEnd(text: string, start: number): number {
  const limit = Math.min(text.length, start + MAX_SUBJECT);
  for (let i = start; i < limit; i++) {
    const c = text[i] as string;
    if (c === ";" || c === "\n" || c === "\r" || c === ")") return i;
    if (c === "(") {
      // A term inside the subject (`… của Bộ Chính trị (khóa X) về …`) is part of it; any other bracket ends it.
      const close = text.indexOf(")", i);
      if (!TERM_IN_BRACKETS.test(text.slice(i, i + 7)) || close < 0 || close >= limit) return i;
      i = close;
      continue;
    }
    if (c === "." && (i + 1 >= text.length || /[\s/]/.test(text[i + 1] as string))) return i;
    if (c === "," && text[i + 1] === " " && isUpper(text[i + 2] ?? "")) return i;
    // A quotation inside the subject (`về việc “Triển khai …”`) is taken whole; one that a nested `về` opens
    // (`… Chỉ thị số 42-CT/TW … về "Tiếp tục …"`) ends the subject.
    const close = CLOSE[c];
    if (close) {
      const at = text.indexOf(close, i + 1);
      if (at > i && at < limit) {
        if (NESTED_VE.test(text.slice(Math.max(start, i - 4), i))) return at + 1;
        i = at;
      }
    }
  }
  // No clause end in reach: stop at the last word boundary.
  const cut = text.lastIndexOf(" ", limit);
  return limit < text.length && cut > start ? cut : limit;
}
