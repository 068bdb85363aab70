/**
 * The verbs a document acts with, from grammar/relations.json, as patterns and as lookups: what the preamble,
 * the purpose clause and the body's acts are read by.
 *
 *   `Sửa đổi, bổ sung` → amends   `Bãi bỏ` → repeals   `… hết hiệu lực` (after what it names) → repeals
 */
import relationsJson from "../../grammar/relations.json";
import type { Relation } from "../schema.js";
import { baseLetter, marksOptional, remembered, withoutMarks } from "../text.js";

export { marksOptional };

export interface VerbEntry {
  verb: string;
  relation: string;
}

/** The letters the words of a list may open with: either case, with or without marks (`Điều` → Đ, đ, D, d). */
export const initialsOf = (list: readonly string[]): Set<string> =>
  new Set(list.flatMap((w) => {
    const c = w[0] as string;
    return [c, baseLetter(c)].flatMap((x) => [x.toLowerCase(), x.toUpperCase()]);
  }));
/**
 * A table phrase as a pattern: any spacing between words, its commas optional, each word as written or with no
 * mark at all (OCR and PDF text often loses them: `bãi bỏ` matches `bai bo`, `bãi bo`, never `bài bộ`).
 */
export const phrase = (v: string) => spacing(marksOptional(v));
/** A table phrase's spacing and punctuation as a pattern: any spacing between words, its commas optional. */
const spacing = (v: string) => v.replace(/[/.]/g, "\\$&").replace(/,/g, ",?").replace(/ /g, "\\s+");
/** Alternatives of a table, the longest first. */
export const alternation = (entries: readonly VerbEntry[]) =>
  [...entries].sort((a, b) => b.verb.length - a.verb.length).map((e) => phrase(e.verb)).join("|");
/**
 * A verb as the tables are compared: lower case, single spaces, no commas, no marks (a pattern matched it with
 * its marks or without them; no two entries of a table fold alike, test/verbs-marks.test.ts).
 */
export const fold = remembered((s: string) =>
  s.toLowerCase().replace(/\s+/g, " ").replace(/,/g, "").normalize("NFD").replace(/\p{M}/gu, "").replace(/\u0111/g, "d"));
/** A look-ahead: no letter (nor a combining mark) follows. */
export const NOT_LETTER = "(?![\\p{L}\\p{M}])";

/** Relation of a verb as matched (case, commas and spacing aside). */
export function lookup(entries: readonly VerbEntry[]): (matched: string) => Relation | undefined {
  const byVerb = new Map(entries.map((e) => [fold(e.verb), e.relation as Relation]));
  return (matched) => byVerb.get(fold(matched));
}

export const PREAMBLE: readonly VerbEntry[] = relationsJson.preamble;
export const PURPOSE: readonly VerbEntry[] = [...relationsJson.verbs, ...relationsJson.purpose];
export const ACTS: readonly VerbEntry[] = relationsJson.acts;
export const PASSIVE: readonly VerbEntry[] = relationsJson.passive;
const POSTPOSED: readonly VerbEntry[] = relationsJson.postposed;
export const relationOfAct = lookup(ACTS);
export const relationOfPostposed = lookup(POSTPOSED);

/** Alternatives of a word list of the tables, the longest first. */
export const words = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(phrase).join("|");
/**
 * A passive verb, then what may stand before the citation it names (`bởi các Luật số …`, `tại khoản 32 Điều 1
 * Nghị định số …`): capture 1 is the verb. Table words only (passive, determiners, parts, partOf).
 */
export const PASSIVE_TO_CITATION =
  `(${alternation(PASSIVE)})(?:\\s+(?:${words(relationsJson.determiners)}))?` +
  `(?:\\s+(?:${words(relationsJson.parts)})\\s+[\\p{L}\\d, ]{1,40}?(?:\\s+(?:${words(relationsJson.partOf)}))?)?`;
/** Members of a list: `B, C và D` (a comma or a joiner of the table between two citations). */
export const LIST_JOIN = new RegExp(`^\\s*(?:,\\s*)?(?:(?:${words(relationsJson.listJoiners)})\\s+)?$`, "iu");

/** An act verb at a place (sticky): `Bãi bỏ`, `Thay thế`, `Sửa đổi, bổ sung`. */
export const ACT = new RegExp(`(${alternation(ACTS)})${NOT_LETTER}`, "iuy");
/** An act verb after what it acts on: `… hết hiệu lực`. */
export const POSTPOSED_VERB = new RegExp(`^[\\s,*_]*(${alternation(POSTPOSED)})${NOT_LETTER}`, "iu");
/** Every postposed verb of a text (one pass; a line with none is not read for one). */
export const POSTPOSED_ANY = new RegExp(`(?:${alternation(POSTPOSED)})${NOT_LETTER}`, "giu");

/** A table word with its first letter in either case: `ngày` → `[nN]g[àa]y`, `điều` → `[đĐdD]i[ềe]u`. */
export const initialEitherCase = (w: string) => {
  const either = (c: string) => `[${c.toLowerCase()}${c.toUpperCase()}]`;
  const bare = withoutMarks(w);
  const asWritten = `${either(w[0] as string)}${phrase(w.slice(1))}`;
  return bare === w ? asWritten : `(?:${asWritten}|${either(bare[0] as string)}${spacing(bare.slice(1))})`;
};
/** A table word as written (`lower`), with a capital first letter (`capitalized`) or in capitals (`capitals`). */
export function writtenAs(w: string, form: string): string {
  if (form === "capitals") return w.toUpperCase();
  return form === "capitalized" ? (w[0] as string).toUpperCase() + w.slice(1) : w;
}
