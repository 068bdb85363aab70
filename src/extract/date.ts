/** Dates of citations, checked with luxon: kept as printed when impossible, never thrown away. */
import { DateTime } from "luxon";
import { remembered } from "../text.js";

export type DateReading =
  | { kind: "valid"; iso: string }
  | { kind: "invalid" }
  | { kind: "incomplete"; missing: ("day" | "month" | "year")[] };

/** Earliest and latest years a cited document can carry (the republic's first texts to a generous future). */
const MIN_YEAR = 1945;
const MAX_YEAR = 2100;

export function readDate(day: string | null, month: string | null, year: string | null): DateReading {
  if (day === null || month === null || year === null) {
    const missing = ([["day", day], ["month", month], ["year", year]] as const).filter(([, v]) => v === null).map(([k]) => k);
    return { kind: "incomplete", missing };
  }
  return readFullDate(`${year}-${month}-${day}`);
}

// A text cites the same few dates again and again; luxon's reading is the costly part of building a citation.
const readFullDate = remembered((ymd: string): DateReading => {
  if (!/^\d{2,4}-\d{1,2}-\d{1,4}$/.test(ymd)) return { kind: "invalid" };
  const [y, month, day] = ymd.split("-").map(Number) as [number, number, number];
  if (y < MIN_YEAR || y > MAX_YEAR) return { kind: "invalid" };
  if (!Number.isInteger(month) || !Number.isInteger(day)) return { kind: "invalid" };
  const dt = DateTime.fromObject({ year: y, month, day }, { zone: "utc", locale: "en-US" });
  return dt.isValid ? { kind: "valid", iso: dt.toISODate() as string } : { kind: "invalid" };
});

/** The year of an identifier (`30/2020/NĐ-CP`), when plausible. */
export function identifierYear(text: string | undefined): number | null {
  if (!text) return null;
  const y = Number(text);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}
