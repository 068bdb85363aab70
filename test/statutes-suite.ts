// The generated suite of real law titles (from the statutes catalogue) × shapes × variants: each case a line
// of one text, read by one extract call. Shared by test/statutes.test.ts and the before/after figure in docs.
import { STATUTES, type Statute } from "../src/extract/statute-catalogue.js";
import { versionYear } from "../src/extract/statute.js";
import type { Citation } from "../src/schema.js";
import { foldName } from "../src/tables.js";

export const VARIANTS = ["plain", "line-broken", "NFD", "Luat"] as const;
export const SHAPES = ["date", "number", "year", "two"] as const;
type Variant = (typeof VARIANTS)[number];
type Shape = (typeof SHAPES)[number];

interface Case {
  shape: Shape;
  variant: Variant;
  /** The laws the line cites, in order, and where the line starts in the text. */
  laws: Statute[];
  start: number;
  end: number;
}

const day = (iso: string) => {
  const [y, m, d] = iso.split("-");
  return `ngày ${Number(d)} tháng ${Number(m)} năm ${y}`;
};

/** The laws of the suite: titles with their date passed, one version a year (so the year names one). */
export function suiteLaws(): Statute[] {
  return STATUTES.filter(
    (s) =>
      s.passed !== null &&
      s.kind !== "Nghị quyết" &&
      STATUTES.filter((o) => o.kind === s.kind && foldName(o.title) === foldName(s.title) && versionYear(o) === versionYear(s)).length === 1,
  );
}

function name(s: Statute, variant: Variant): string {
  // `Luat`, `Bo luat`, `Phap lenh`: the type word without its marks.
  const kind = variant === "Luat" ? s.kind.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d") : s.kind;
  const words = s.title.split(" ");
  // A line break inside the title, after its first word (PDF text breaks lines anywhere).
  const title = variant === "line-broken" && words.length > 1 ? `${words[0]}\n${words.slice(1).join(" ")}` : s.title;
  return `${kind} ${title}`;
}

function line(shape: Shape, variant: Variant, a: Statute, b: Statute): string {
  switch (shape) {
    case "date":
      return `Căn cứ ${name(a, variant)} ${day(a.passed as string)};`;
    case "number":
      return `Căn cứ ${name(a, variant)} số ${a.number};`;
    case "year":
      return `Thực hiện ${name(a, variant)} năm ${versionYear(a)}.`;
    case "two":
      return `Căn cứ ${name(a, variant)} ${day(a.passed as string)} và ${name(b, variant)} ${day(b.passed as string)};`;
  }
}

/** The suite as one text and its cases. */
export function suite(laws = suiteLaws()): { text: string; cases: Case[] } {
  const cases: Case[] = [];
  let text = "";
  laws.forEach((a, i) => {
    const b = laws[(i + 7) % laws.length] as Statute;
    for (const shape of SHAPES) {
      for (const variant of VARIANTS) {
        let l = line(shape, variant, a, b);
        if (variant === "NFD") l = l.normalize("NFD");
        cases.push({ shape, variant, laws: shape === "two" ? [a, b] : [a], start: text.length, end: text.length + l.length });
        text += `${l}\n\n`;
      }
    }
  });
  return { text, cases };
}

/** Whether a case was read right: each law once, with its whole title, its date (and its number as key). */
export function scored(cases: Case[], citations: Citation[]): { shape: Shape; variant: Variant; title: boolean; date: boolean; key: boolean }[] {
  let i = 0;
  return cases.map((k) => {
    const found: Citation[] = [];
    while (i < citations.length && (citations[i] as Citation).start < k.end) {
      if ((citations[i] as Citation).start >= k.start) found.push(citations[i] as Citation);
      i++;
    }
    const named = found.filter((c) => c.title !== null);
    const ok = named.length === k.laws.length;
    const title = ok && k.laws.every((s, j) => foldName(named[j]?.title ?? "") === foldName(s.title) && named[j]?.kind === s.kind);
    const date = ok && (k.shape === "date" || k.shape === "two" ? k.laws.every((s, j) => named[j]?.date === s.passed) : true);
    const key = ok && k.laws.every((s, j) => named[j]?.key === s.number);
    return { shape: k.shape, variant: k.variant, title, date, key };
  });
}
