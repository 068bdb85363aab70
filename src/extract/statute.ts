/**
 * A law cited by name, read against the catalogue (grammar/statutes.json): which version its year or date
 * names, and the catalogue's spelling of a title the text damaged.
 */
import { matchTitle, type Statute, sameSpelling, statuteOf, titleWords } from "./statute-catalogue.js";
import type { Citation } from "../schema.js";
import { foldName } from "../tables.js";
import { remembered } from "../text.js";

export interface StatuteReading {
  /** The versions of the title the catalogue holds, oldest first. */
  versions: readonly Statute[];
  /** The version the citation's date or year names; null when neither names one (or none is given). */
  statute: Statute | null;
  /** The title as catalogued, where the text's differs beyond case (lost marks, a wrong letter, a dropped word). */
  repairedTitle: string | null;
}

/** The year a version carries: the year it was passed, else its number's. */
export const versionYear = (s: Statute): number => Number(s.passed?.slice(0, 4) ?? /\/(\d{4})\//.exec(s.number)?.[1] ?? 0);

/** The catalogue's name for a law's number (`Luật Tổ chức Chính phủ 2015`), or null for a number it lacks. */
export function catalogueTitle(key: string | null | undefined): string | null {
  const s = key ? statuteOf(key) : undefined;
  return s ? `${s.kind} ${s.title}${versionYear(s) > 0 ? ` ${versionYear(s)}` : ""}` : null;
}

/**
 * The name people read for a law's node: the catalogue's for a catalogued number (the resolved key's, else the
 * citation's), else the printed type word and title (an all-capitals title in sentence case) with the year of the
 * citation's date, else of its name key; null for what is cited by no title.
 */
export function lawDisplayTitle(key: string, c: { key?: string | null | undefined; kind: string | null; title?: string | null | undefined; date: string | null; nameKey: string | null }): string | null {
  const catalogued = catalogueTitle(key) ?? catalogueTitle(c.key);
  if (catalogued) return catalogued;
  if (!c.title || !c.kind) return null;
  const printed = c.title.replace(/\s+/g, " ");
  const title = printed === printed.toLocaleUpperCase("vi") ? `${printed.charAt(0)}${printed.slice(1).toLocaleLowerCase("vi")}` : printed;
  const year = /^\d{4}/.exec(c.date ?? "")?.[0] ?? / năm (\d{4})$/.exec(c.nameKey ?? "")?.[1];
  return `${c.kind} ${title}${year ? ` ${year}` : ""}`;
}

/** Of two names for one node, whether `a` goes before `b`: the catalogue's, then the last in code-point order (a year kept). */
export function betterTitle(a: string, b: string, nodeKey: string): boolean {
  const catalogued = catalogueTitle(nodeKey);
  if (a === catalogued || b === catalogued) return a === catalogued && b !== catalogued;
  return a > b;
}

// A text names the same few laws again and again.
const versionsOf = remembered((kindAndTitle: string) => {
  const words = titleWords(kindAndTitle);
  const match = matchTitle((i) => words[i]);
  return match && match.words === words.length ? match : null;
});

/**
 * The catalogue's reading of `Luật <title>` with its year and date (either may be null): the version passed on
 * that date, else the one version passed in that year. Null when the catalogue does not know the title.
 */
export function readStatute(kind: string, title: string, year: number | null, date: string | null): StatuteReading | null {
  const match = versionsOf(`${kind} ${title}`);
  if (!match) return null;
  const versions = match.versions;
  const first = versions[0] as Statute;
  const repairedTitle = match.cost > 0 || !sameSpelling(title, first.title) ? first.title : null;
  let statute: Statute | null = null;
  if (date) statute = versions.find((v) => v.passed === date) ?? null;
  if (!statute && year !== null) {
    const inYear = versions.filter((v) => versionYear(v) === year);
    if (inYear.length === 1) statute = inYear[0] as Statute;
  }
  return { versions, statute, repairedTitle };
}

// `Quốc hội ban hành Luật …`, `Ủy ban thường vụ Quốc hội ban hành Pháp lệnh …`: a law's enacting formula names
// the law itself, which is no citation (nor is its title line: isOwnTitle).
const ENACTING = /(?:qu[ốo]c h[ộo]i|ch[ủu] t[ịi]ch n[ưu][ớo]c)\s+ban\s+h[àa]nh\s*$/iu;

/** Whether a law by name is the one a text's enacting formula enacts. */
export function isEnactingFormula(text: string, raw: { start: number; title: unknown; identifier: unknown }): boolean {
  return raw.title !== null && raw.identifier === null && ENACTING.test(text.slice(Math.max(0, raw.start - 48), raw.start));
}

/**
 * Laws cited by name alone (no year, no date, no number) in a text of known date: the version in force on that
 * date, as the catalogue says (the last passed before it, not yet out of force), unless the text names the same
 * title with its year, date or number elsewhere (then the document's own resolution, by name, is the better one).
 */
export function versionsAtDate(citations: readonly Citation[], documentDate: string | null): void {
  if (!documentDate) return;
  const dated = new Set<string>();
  for (const c of citations) if (c.title && c.kind && (c.year !== null || c.key !== c.nameKey)) dated.add(foldName(`${c.kind} ${c.title}`));
  for (const c of citations) {
    if (!c.title || !c.kind || c.key !== c.nameKey || c.year !== null || c.date !== null || dated.has(foldName(`${c.kind} ${c.title}`))) continue;
    const version = versionInForce(c.kind, c.title, documentDate);
    if (version) {
      c.key = version.number;
      c.keySource = "catalogue";
    }
  }
}

function versionInForce(kind: string, title: string, date: string): Statute | undefined {
  const reading = readStatute(kind, title, null, null);
  if (!reading) return undefined;
  // In force from its date, else from the day it was passed, else (a law known only by its number) its year.
  const from = (v: Statute) => v.inForce ?? v.passed ?? `${versionYear(v)}-01-01`;
  const inForce = reading.versions.filter((v) => from(v) <= date && (v.outOfForce === null || v.outOfForce > date));
  return inForce.sort((a, b) => from(b).localeCompare(from(a)))[0];
}
