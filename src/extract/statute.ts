/**
 * A law cited by name, read against the catalogue (grammar/statutes.json): which version its year or date
 * names, and the catalogue's spelling of a title the text damaged.
 */
import { matchTitle, type Statute, sameSpelling, titleWords } from "./statute-catalogue.js";
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
