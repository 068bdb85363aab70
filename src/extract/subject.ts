/**
 * The subject of a citation: the `về …` that follows it, up to the end of its clause.
 *
 *   … của Bộ Chính trị về “Một số chủ trương, chính sách …”;      quoted: the text inside the quotes
 *   … của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 42-CT/TW …   plain: up to `;`, `(`, a line break,
 *                                                                  a sentence end, or `, ` + a capital
 */
import type { Piece } from "./parse.js";
import { SUBJECT_VERBS } from "../tables.js";
import { isUpper, LETTER, marksOptional } from "../text.js";

// `về`, and `ve`: the word as OCR or a keyboard without marks leaves it (no other word stands alone after a
// citation). What may stand before it (spaces, emphasis, an opening quote) is stepped over by hand: three runs of
// spaces side by side in one pattern tried every split of a long run of spaces (cubic).
const VE = new RegExp(`(?:về|Về|VỀ|ve|Ve|VE)(?![${LETTER}])[ \\t]*[*_]*[ \\t]*(["“„«]?)[ \\t]*`, "y");
const QUOTES = "\"“„«";
const isSpaceOrEmphasis = (c: string | undefined) => c === " " || c === "\t" || c === "*" || c === "_";

/** `về` (or `ve`) after spaces, emphasis and an opening quote at `from`: where the subject starts, and its quote. */
function intro(text: string, from: number): { end: number; quote: string } | null {
  let k = from;
  while (isSpaceOrEmphasis(text[k])) k++;
  const before = QUOTES.includes(text[k] ?? "x") ? (text[k++] as string) : "";
  while (isSpaceOrEmphasis(text[k])) k++;
  VE.lastIndex = k;
  const m = VE.exec(text);
  return m ? { end: k + m[0].length, quote: before || (m[1] as string) } : null;
}
const CLOSE: Record<string, string> = { '"': '"', "“": "”", "„": "“", "«": "»" };
const MAX_SUBJECT = 600;
const TRIM_END = /[\s*_,:]+$/;
const TERM_IN_BRACKETS = /^\((?:khóa|khoá|khoa)/i;
const NESTED_VE = /(?:^|\s)v[ềe]\s*$/i;

// The state style's subject: a verb from the table, in lower case, right after the citation's date or body.
const STATE_INTRO = new RegExp(`[ \\t]+(?=(?:${SUBJECT_VERBS.map(marksOptional).join("|")})(?![${LETTER}]))`, "y");

/**
 * The subject that starts at `from` (just after a citation), or null; `stateStyle` when the citation ends with
 * its date or body, after which a subject may open with its verb instead of `về`.
 */
export function findSubject(text: string, from: number, stateStyle = false): Piece | null {
  const opening = intro(text, from);
  if (!opening) {
    STATE_INTRO.lastIndex = from;
    const verb = stateStyle ? STATE_INTRO.exec(text) : null;
    if (!verb) return null;
    const start = from + verb[0].length;
    return trimmed(text, start, clauseEnd(text, start, true));
  }
  const start = opening.end;
  const opened = opening.quote;
  const end = opened ? quotedEnd(text, start, CLOSE[opened] as string) : clauseEnd(text, start);
  return trimmed(text, start, end);
}

// What may stand between a body the grammar read in part and its `về`: a few words of its name on its line, the
// first capitalized.
const NAME_REST = new RegExp(`(?:[ \\t]+(?:[-'’][ \\t]*)?[${LETTER}'’]+){1,6}?(?=[ \\t]+(?:về|Về|VỀ|ve|Ve|VE)(?![${LETTER}]))`, "y");
const UPPER_FIRST = /^[ \t\-'’]*\p{Lu}/u;

/**
 * The subject after an issuing body, whatever the body reads: `… của Hội đồng nhân dân xã Ia Dom Mới về …`
 * keeps its subject where the body's name was read in part (the rest of the name, up to six words on the body's
 * line, is stepped over).
 */
export function findSubjectAfterBody(text: string, from: number, stateStyle = false): Piece | null {
  const found = findSubject(text, from, stateStyle);
  if (found || !UPPER_FIRST.test(text.slice(from, from + 4))) return found;
  // A state subject's verb in capitals (`… của Bộ trưởng Bộ Tài chính Quy định về …`) opens it as in lower case.
  if (stateStyle) {
    STATE_INTRO.lastIndex = 0;
    const verb = STATE_INTRO.exec(text.slice(from, from + 60).toLowerCase());
    if (verb) return trimmed(text, from + verb[0].length, clauseEnd(text, from + verb[0].length, true));
  }
  NAME_REST.lastIndex = from;
  const rest = NAME_REST.exec(text);
  return rest ? intro(text, from + rest[0].length) && findSubject(text, from + rest[0].length) : null;
}

function trimmed(text: string, start: number, end: number): Piece | null {
  const kept = text.slice(start, end).replace(TRIM_END, "");
  if (kept.length === 0) return null;
  return { start, end: start + kept.length, text: kept };
}

/**
 * A line break inside a subject is a space (PDF text breaks lines anywhere) when the next line goes on in lower
 * case; a capital, a digit, a dash or a list marker (`a)`) starts a new item.
 */
function continuesLine(text: string, i: number): boolean {
  let k = i + 1;
  while (k < text.length && (text[k] === " " || text[k] === "\t" || text[k] === "\r")) k++;
  const c = text[k] ?? "";
  if (!LOWER_START.test(c)) return false;
  const marker = /^\p{L}{1,2}[).]/u.exec(text.slice(k, k + 3));
  return marker === null;
}
const LOWER_START = /\p{Ll}/u;

function quotedEnd(text: string, start: number, close: string): number {
  const limit = Math.min(text.length, start + MAX_SUBJECT);
  const at = text.indexOf(close, start);
  return at >= 0 && at < limit ? at : clauseEnd(text, start);
}

// `… ban hành Danh mục … và Thông tư số 09/2019/TT-BTC …`: a state subject ends where the list's next item starts.
const NEXT_ITEM = /^ v[àa] [\p{Lu}]/u;

// The characters clauseEnd looks at; it jumps over the others.
const SPECIAL = /[;\n\r)(.,"“„«]| v/g;

function clauseEnd(text: string, start: number, state = false): number {
  const limit = Math.min(text.length, start + MAX_SUBJECT);
  for (let i = start; i < limit; i++) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(text);
    if (found === null || found.index >= limit) break;
    i = found.index;
    const c = text[i] as string;
    if (state && c === " " && text[i + 1] === "v" && NEXT_ITEM.test(text.slice(i, i + 6))) return i;
    if (c === "\n" && continuesLine(text, i)) continue;
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
