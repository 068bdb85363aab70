/**
 * The one grammar of a date written in a document's own sentences (its header, its entry into force, what it
 * repeals from when): `ngày 01 tháng 7 năm 2025`, `ngày 01/7/2025`, and a draft's blanks `ngày   tháng 02 năm
 * 2025` (in a header, a blank year too: `ngày … tháng … năm 20…`). The value is read by the citations' own
 * `readDate` (luxon), so a date means the same everywhere.
 */
import documentJson from "../../grammar/document.json";
import { readDate } from "../extract/date.js";
import { initialEitherCase } from "./verbs.js";

// A draft's blanks are dots, ellipses or underscores (`ngày … tháng … năm 20…`, `ngày __ tháng __`); a comma may
// stand before the year (`ngày 3 tháng 5, năm 2024`).
// The words from grammar/document.json `dates`.
const WORDS = documentJson.dates;
const DAY = String.raw`${initialEitherCase(WORDS.day)}\s+(?<day>\d{1,2})?`;
const IN_WORDS = String.raw`[\s.…_]*${initialEitherCase(WORDS.month)}\s+`;
const YEAR_IN_WORDS = String.raw`[\s.…_]*,?\s*${initialEitherCase(WORDS.year)}\s+`;
const MONTH = String.raw`(?<month>\d{1,2})?`;
const YEAR = String.raw`(?<year>\d{4})`;
/**
 * A year, or a draft's blank one (`20…`, `20..`, `____`): a header's date is then incomplete, never lost. Not in
 * a sentence's date (a form's `có hiệu lực kể từ ngày ... tháng ... năm ...` is no date of the text's own).
 */
const YEAR_OR_BLANK = String.raw`(?:${YEAR}|\d{0,3}(?:…|_|\.\.)[.…_]*)`;
/** A regex source with the groups `day`, `month`, `year` (day and month may be blank): in words or in figures. */
export const DATE_PHRASE = `${DAY}(?:${IN_WORDS}|[/.-])${MONTH}(?:${YEAR_IN_WORDS}|[/.-])${YEAR}`;
/**
 * The same in words only: a document's own date line (Decree 30/2020/NĐ-CP App. I: `Hà Nội, ngày 11 tháng 4
 * năm 2025`); a date in figures near the top is a cited document's.
 */
export const DATE_IN_WORDS = `${DAY}${IN_WORDS}${MONTH}${YEAR_IN_WORDS}${YEAR_OR_BLANK}`;

export interface DateValue {
  /** ISO date when complete and possible, else null. */
  iso: string | null;
  day: number | null;
  month: number | null;
  year: number | null;
}

/** The value of a DATE_PHRASE match, from its groups. */
export function dateValue(groups: Partial<Record<"day" | "month" | "year", string>> | undefined): DateValue {
  const { day, month, year } = groups ?? {};
  const reading = readDate(day ?? null, month ?? null, year ?? null);
  return {
    iso: reading.kind === "valid" ? reading.iso : null,
    day: day ? Number(day) : null,
    month: month ? Number(month) : null,
    year: year ? Number(year) : null,
  };
}
