/**
 * How `vncite check` shows diagnostics to a person: which ones (--severity, --ignore, the config's rules), an
 * excerpt of the line with a caret under the span, colour on a terminal, a summary line, English or Vietnamese.
 */
import type { Diagnostic } from "../schema.js";
import type { positionsIn } from "../positions.js";

export type Severity = Diagnostic["severity"];
export type Lang = "en" | "vi";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Shown {
  /** The least severity shown. */
  severity: Severity;
  /** Codes never shown. */
  ignore: ReadonlySet<string>;
  /** A code's severity as the project wants it, or off. */
  rules: Readonly<Record<string, Severity | "off">>;
}

/** The diagnostics to show, each with the severity the rules give it. */
export function shownDiagnostics(list: readonly Diagnostic[], shown: Shown): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of list) {
    const rule = shown.rules[d.code];
    if (rule === "off" || shown.ignore.has(d.code)) continue;
    const severity = rule ?? d.severity;
    if (RANK[severity] > RANK[shown.severity]) continue;
    out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out;
}

/** Colour on a terminal: FORCE_COLOR (not 0) forces it, NO_COLOR (any value) turns it off (https://no-color.org). */
export function colourWanted(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "0" && force !== "false") return true;
  if (force === "0" || force === "false") return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY;
}

const SGR = { error: "1;31", warning: "1;33", info: "1;36", caret: "1;32", dim: "2", bold: "1" } as const;
export type Paint = (style: keyof typeof SGR, s: string) => string;
export const painter = (on: boolean): Paint => (on ? (style, s) => `\u001b[${SGR[style]}m${s}\u001b[0m` : (_style, s) => s);

const WORDS = {
  en: { error: ["error", "errors"], warning: ["warning", "warnings"], info: ["note", "notes"], file: ["file", "files"], in: "in", fix: "fix" },
  vi: { error: ["lỗi", "lỗi"], warning: ["cảnh báo", "cảnh báo"], info: ["ghi chú", "ghi chú"], file: ["tệp", "tệp"], in: "trong", fix: "sửa" },
} as const;

const counted = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

/** `3 errors, 12 warnings in 4 files` (notes named when any is shown), or in Vietnamese. */
export function summaryLine(diagnostics: readonly Diagnostic[], files: number, lang: Lang): string {
  const w = WORDS[lang];
  const n = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const parts = [counted(n("error"), w.error), counted(n("warning"), w.warning)];
  if (n("info") > 0) parts.push(counted(n("info"), w.info));
  return `${parts.join(", ")} ${w.in} ${counted(files, w.file)}`;
}

// Before and after the span, at most this many characters of its line are shown; a span longer than
// SPAN_MAX is shown cut too.
const CONTEXT = 40;
const SPAN_MAX = 80;
// Grapheme clusters as a terminal shows them: a letter with its combining marks (`ệ` typed as e and two marks),
// an emoji with its joined parts and selectors, a flag's two letters. Not Intl.Segmenter: on Node 20 it reads
// a few hundred characters a millisecond, and an excerpt is made for every diagnostic.
const GRAPHEME = /[\u{1F1E6}-\u{1F1FF}]{2}|\P{M}[\p{M}\uFE0F\u200C]*(?:\u200D\P{M}[\p{M}\uFE0F]*)*|\p{M}+/gsu;
const graphemes = (s: string): string[] => s.match(GRAPHEME) ?? [];
// East Asian wide and fullwidth characters, and emoji: two columns on a terminal.
const WIDE = /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
/** The blank a grapheme leaves under it: a tab stays a tab (the terminal aligns both lines alike), wide takes two. */
const blank = (g: string) => (g === "\t" ? "\t" : WIDE.test(g) ? "  " : " ");
const width = (g: string) => (g === "\t" ? 1 : WIDE.test(g) ? 2 : 1);

/**
 * The part of the span's line worth showing, and the marker line under it: the caret under the span's first
 * grapheme, `~` under the rest, counted in graphemes (`ệ` typed as e and two combining marks is one column),
 * tabs kept, wide characters two columns.
 */
export function excerpt(text: string, d: Pick<Diagnostic, "start" | "end">, at: ReturnType<typeof positionsIn>): { line: string; marker: string } {
  const p = at(d.start);
  // Only a window around the span is read (a grapheme is rarely over 4 code units: a Vietnamese letter and two
  // marks, decomposed, is 3): a text of one long line with many diagnostics stays linear. A lone `\r` ends a line
  // too, though the positions count `\n` only.
  const from = Math.max(p.lineStart, d.start - 4 * CONTEXT);
  const to = Math.min(p.lineEnd, Math.min(d.end, d.start + 4 * SPAN_MAX) + 4 * CONTEXT);
  const window = text.slice(from, to);
  const cr = window.lastIndexOf("\r", d.start - from - 1);
  const lineStart = cr >= 0 ? from + cr + 1 : from;
  const crAfter = window.indexOf("\r", d.start - from);
  const lineEnd = crAfter >= 0 ? from + crAfter : to;
  const before = graphemes(text.slice(lineStart, d.start));
  const spanEnd = Math.max(d.start, Math.min(d.end, lineEnd));
  const inSpan = graphemes(text.slice(d.start, spanEnd));
  const after = graphemes(text.slice(spanEnd, lineEnd));
  const cutBefore = before.length > CONTEXT || (cr < 0 && from > p.lineStart);
  const cutAfter = after.length > CONTEXT || (crAfter < 0 && to < p.lineEnd && spanEnd >= d.end);
  const head = cutBefore ? ["…", ...before.slice(-CONTEXT)] : before;
  const span = inSpan.length > SPAN_MAX ? [...inSpan.slice(0, SPAN_MAX), "…"] : inSpan;
  const tail = cutAfter ? [...after.slice(0, CONTEXT), "…"] : after;
  const columns = Math.max(1, span.reduce((n, g) => n + width(g), 0));
  return { line: [...head, ...span, ...tail].join(""), marker: `${head.map(blank).join("")}^${"~".repeat(columns - 1)}` };
}

/** `path:line:col: severity code message`, the excerpt and the caret under the span, and the fix. */
export function compilerStyle(file: string, text: string, d: Diagnostic, at: ReturnType<typeof positionsIn>, lang: Lang, paint: Paint): string {
  const p = at(d.start);
  const { line, marker } = excerpt(text, d, at);
  const word = lang === "vi" ? WORDS.vi[d.severity][0] : d.severity;
  const fix = d.fix ? `\n  ${WORDS[lang].fix}: ${d.fix}` : "";
  const message = lang === "vi" ? d.messageVi : d.message;
  return `${paint("bold", `${file}:${p.line}:${p.column}:`)} ${paint(d.severity, word)} ${paint("dim", d.code)}: ${message}\n  ${line}\n  ${paint("caret", marker)}${fix}`;
}
