/**
 * A registry of known documents, to check citations against: a JSON array or a CSV file with a header row.
 *
 *   key,kind,date,issuedBy,subject,status
 *   20-NQ/TW,Nghị quyết,2012-11-01,Ban Chấp hành Trung ương,phát triển khoa học và công nghệ …,in-force
 *
 * Instead of `key`, a row may give `number`, `typeCode`, `issuer` (and `year`, `style`: party | state).
 * Every row is validated; every problem is an error naming the file and its place (a CSV line, a JSON row),
 * never dropped silently. This module reads strings and bytes only, so it runs in a browser; reading a file by
 * its path is `Registry.load` in the Node entry (`vncite/node`).
 */
import { VnciteError } from "../errors.js";
import Papa from "papaparse";
import { distance } from "fastest-levenshtein";
import { REGISTRY_STATUSES } from "../enums.js";
import { bodyKeyOf } from "../extract/body.js";
import { readDate } from "../extract/date.js";
import { extract } from "../extract/extract.js";
import { firstIndex } from "../text.js";
import type { RegistryRecord } from "./registry-schema.js";

export type { RegistryRecord } from "./registry-schema.js";

/** Statuses that mean a citation points at a document no longer in force. */
export const NOT_IN_FORCE: ReadonlySet<string> = new Set(["replaced", "repealed", "expired"]);

/**
 * The registry's columns, each read from a cell in plain code (`vncite` loads no zod; RegistryRowSchema in
 * `vncite/schema` says the same, and a test holds them to the same verdicts): a blank cell (or a missing
 * property) is its default, anything else is checked; the value, or the problem.
 */
type Cell = (value: unknown) => { value: unknown } | { problem: string };
const blankOr = (blank: unknown, read: Cell): Cell => (v) => (v === "" || v === undefined ? { value: blank } : read(v));
/** Text: trimmed, not blank; null where a JSON row gives null. */
const text: Cell = blankOr(null, (v) => {
  if (v === null) return { value: null };
  if (typeof v !== "string") return { problem: "must be text" };
  const trimmed = v.trim();
  return trimmed === "" ? { problem: "must not be blank" } : { value: trimmed };
});
/** Digits matching `pattern`, as text (a JSON number is read as its digits). */
const digits = (pattern: RegExp, problem: string): Cell => blankOr(null, (v) => {
  if (v === null) return { value: null };
  const written = typeof v === "number" ? String(v) : v;
  return typeof written === "string" && pattern.test(written) ? { value: written } : { problem };
});
const oneOf = (values: readonly string[], blank: unknown, problem: string): Cell =>
  blankOr(blank, (v) => ((blank === null && v === null) || values.includes(v as string) ? { value: v } : { problem }));

const CELLS = {
  key: text,
  number: digits(/^\d+$/, "number must be digits"),
  typeCode: text,
  issuer: text,
  year: digits(/^\d{4}$/, "year must have four digits"),
  style: oneOf(["party", "state"], null, "must be party or state"),
  kind: text,
  date: text,
  issuedBy: text,
  subject: text,
  status: oneOf(REGISTRY_STATUSES, "unknown", `must be one of ${REGISTRY_STATUSES.join(", ")}`),
} satisfies Record<string, Cell>;

/** A row's cells as read (what RegistryRowSchema gives). */
export type RegistryRow = { [K in keyof typeof CELLS]: K extends "status" ? RegistryRecord["status"] : K extends "style" ? "party" | "state" | null : string | null };

/**
 * Reads each column of a row (other properties are left to the caller): the row's cells (those with a problem
 * left out), and every problem as `column: what is wrong`; then that a row names its document (a key, or a
 * number and an issuer).
 */
export function readRowCells(row: Record<string, unknown>): { row: Partial<RegistryRow>; problems: string[] } {
  const cells: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, read] of Object.entries(CELLS)) {
    const r = read(row[name]);
    if ("value" in r) cells[name] = r.value;
    else problems.push(`${name}: ${r.problem}`);
  }
  const read = cells as RegistryRow;
  if (problems.length === 0 && read.key === null && (read.number === null || read.issuer === null)) problems.push("give key, or number and issuer");
  return { row: read, problems };
}

/** All the problems found, each naming its source and its place; the message lists them one a line. */
export class RegistryError extends VnciteError {
  constructor(
    /** Every problem found, each with its line or row. */
    readonly problems: string[],
  ) {
    super("invalid-registry", `invalid registry: ${problems.join("\n")}`);
  }
}

const COLUMNS: readonly string[] = Object.keys(CELLS);
const isColumn = (name: string) => Object.hasOwn(CELLS, name);
/** Names a row by its place in the source: `row 3` of a JSON array, `line 4` of a CSV file. */
type Place = (index: number) => string;

export class Registry {
  private readonly byKey = new Map<string, RegistryRecord>();
  /** The key of each registered issuing body (bodyKeyOf), read when first compared. */
  private readonly bodyKeys = new Map<string, string>();

  protected constructor(records: RegistryRecord[]) {
    for (const r of records) this.byKey.set(r.key, r);
  }

  /** Validates rows (objects with the documented columns, nothing else); `source` names them in errors. */
  static fromRows(rows: unknown[], source = "registry"): Registry {
    if (!Array.isArray(rows)) throw new RegistryError([`${source}: expected an array of rows`]);
    return new Registry(validRecords(rows, source, (i) => `row ${i + 1}`, []));
  }

  /** A JSON array of rows (a byte-order mark before it is allowed). */
  static fromJson(text: string, source = "registry"): Registry {
    requireText(text, source, "fromJson");
    let rows: unknown;
    try {
      rows = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (e) {
      throw new RegistryError([`${source}: not valid JSON (${(e as Error).message})`]);
    }
    return Registry.fromRows(rows as unknown[], source);
  }

  /** CSV with a header row naming the columns; problems are placed by line of the text (the header is line 1). */
  static fromCsv(text: string, source = "registry"): Registry {
    requireText(text, source, "fromCsv");
    const { records, errors } = readCsv(text);
    const problems = errors.map((e) => `${source}: line ${e.line}: ${e.message}`);
    const [header, ...body] = records;
    if (!header) {
      throw new RegistryError([...problems, `${source}: the CSV is empty: it needs a header row (${COLUMNS.join(",")}) and a row for each document`]);
    }
    const separator = header.fields.length === 1 ? /[;\t|]/.exec(header.fields[0] as string)?.[0] : undefined;
    if (separator) {
      const name = separator === "\t" ? "tabs" : `"${separator}"`;
      throw new RegistryError([...problems, `${source}: line ${header.line}: the columns are separated by ${name}: separate them with commas`]);
    }
    const columns = headerColumns(header.fields, (p) => problems.push(`${source}: line ${header.line}: ${p}`));
    const rows: unknown[] = [];
    const lines: number[] = [];
    for (const { line, fields } of body) {
      if (fields.length !== columns.length) {
        problems.push(`${source}: line ${line}: ${fields.length} fields where the header has ${columns.length}`);
        continue;
      }
      const row: Record<string, string> = {};
      columns.forEach((c, i) => c !== null && (row[c] = (fields[i] as string).trim()));
      rows.push(row);
      lines.push(line);
    }
    return new Registry(validRecords(rows, source, (i) => `line ${lines[i]}`, problems));
  }

  /** A file's bytes, by its name: `.json` or `.csv`, in UTF-8 (bytes that are not are reported by line). */
  static fromFile(name: string, bytes: Uint8Array): Registry {
    const format = /\.json$/i.test(name) ? "json" : /\.csv$/i.test(name) ? "csv" : null;
    if (!format) throw new RegistryError([`${name}: a registry is a .json or .csv file`]);
    const text = decodeUtf8(bytes, name);
    return format === "json" ? Registry.fromJson(text, name) : Registry.fromCsv(text, name);
  }

  get(key: string): RegistryRecord | undefined {
    return this.byKey.get(key);
  }

  /**
   * The key of the issuing body registered for `key` (`BCH TW` → `ban chấp hành trung ương đảng`), to compare
   * with a citation's `issuedByKey`: one body, however abbreviated. Null without a registered body.
   */
  issuedByKey(key: string): string | null {
    const issuedBy = this.byKey.get(key)?.issuedBy;
    if (!issuedBy) return null;
    let bodyKey = this.bodyKeys.get(issuedBy);
    if (bodyKey === undefined) this.bodyKeys.set(issuedBy, (bodyKey = bodyKeyOf(issuedBy)));
    return bodyKey;
  }

  get size(): number {
    return this.byKey.size;
  }
}

/** A RegistryError, not a TypeError, for a source that is no text (`Registry.fromCsv(null)`). */
function requireText(text: unknown, source: string, reader: string): asserts text is string {
  if (typeof text !== "string") throw new RegistryError([`${source}: Registry.${reader} takes the file's text as a string, got ${text === null ? "null" : typeof text}`]);
}

/** Checks every row and every field of it: the records, or a RegistryError with all the problems. */
function validRecords(rows: unknown[], source: string, place: Place, problems: string[]): RegistryRecord[] {
  const records: RegistryRecord[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const found: string[] = [];
    const { key, record } = readRow(row, found);
    if (key !== null) {
      const first = seen.get(key);
      if (first !== undefined) found.push(`${key} is already given at ${place(first)}`);
      else seen.set(key, i);
    }
    for (const p of found) problems.push(`${source}: ${place(i)}: ${p}`);
    if (record && found.length === 0) records.push(record);
  });
  if (problems.length > 0) throw new RegistryError(problems);
  return records;
}

/** The key a row names (null if none can be read) and its record (null if the row has a problem, each put in `problems`). */
function readRow(row: unknown, problems: string[]): { key: string | null; record: RegistryRecord | null } {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    problems.push("expected an object with the registry's columns");
    return { key: null, record: null };
  }
  const given = row as Record<string, unknown>;
  for (const name of Object.keys(given)) if (!isColumn(name)) problems.push(unknownColumn(name));
  const { row: r, problems: found } = readRowCells(given);
  problems.push(...found);
  const written = r.key ?? (r.number && r.issuer ? composeKey({ number: r.number, issuer: r.issuer, typeCode: r.typeCode ?? null, year: r.year ?? null, style: r.style ?? null }) : null);
  const key = written ? canonicalKey(written) : null;
  if (written && !key) problems.push(`"${written}" is not a document identifier`);
  let date: string | null = null;
  if (r.date) {
    date = isoDate(r.date);
    if (!date) problems.push(`date "${r.date}" is not a valid date (yyyy-mm-dd or dd/mm/yyyy)`);
  }
  if (problems.length > 0 || key === null) return { key, record: null };
  return { key, record: { key, kind: r.kind ?? null, date, issuedBy: r.issuedBy ?? null, subject: r.subject ?? null, status: r.status ?? "unknown" } };
}

/** The header's column names, null where a column is unknown or repeated (each such column is reported). */
function headerColumns(fields: string[], report: (problem: string) => void): (string | null)[] {
  const seen = new Set<string>();
  return fields.map((raw, i) => {
    const name = raw.trim();
    if (name === "") return report(`column ${i + 1} of the header has no name`), null;
    if (!isColumn(name)) return report(unknownColumn(name)), null;
    if (seen.has(name)) return report(`column "${name}" is given twice`), null;
    seen.add(name);
    return name;
  });
}

function unknownColumn(name: string): string {
  const near = COLUMNS.find((c) => fold(c) === fold(name)) ?? COLUMNS.find((c) => distance(fold(c), fold(name)) <= 2);
  return `unknown column "${name}" (${near ? `did you mean "${near}"?` : `the columns are ${COLUMNS.join(", ")}`})`;
}

const fold = (name: string) => name.toLowerCase().replace(/[\s_-]/g, "");

interface CsvRecord {
  /** Line of the text where the record starts (1-based). */
  line: number;
  fields: string[];
}

/** Past this many malformed records the file is not worth reading further. */
const MAX_CSV_ERRORS = 50;

/**
 * The records of a CSV text (blank ones left out) with the line each starts on, and every malformed record:
 * after one, reading starts again on the next line, so each later error is found and named too.
 */
function readCsv(text: string): { records: CsvRecord[]; errors: { line: number; message: string }[] } {
  const body = text.replace(/^\uFEFF/, "");
  // The last offset of each line end: `\r\n`, `\r` alone (old Mac files) or `\n`, as papaparse reads them.
  const breaks: number[] = [];
  for (const m of body.matchAll(/\r\n?|\n/g)) breaks.push(m.index + m[0].length - 1);
  /** 1-based line of offset `at`: one more than the breaks before it. */
  const lineAt = (at: number) => firstIndex(breaks.length, (i) => (breaks[i] as number) >= at) + 1;
  const records: CsvRecord[] = [];
  const errors: { line: number; message: string }[] = [];
  let offset = 0;
  while (offset < body.length && errors.length < MAX_CSV_ERRORS) {
    const from = offset;
    let start = from;
    offset = body.length;
    Papa.parse<string[]>(body.slice(from), {
      delimiter: ",",
      step: (result, parser) => {
        const line = lineAt(start);
        if (result.errors.length > 0) {
          // The first error is the cause: papaparse reports what follows from it too.
          const first = result.errors[0] as Papa.ParseError;
          errors.push({ line, message: CSV_ERRORS[first.code] ?? first.message });
          parser.abort();
          offset = breaks[line - 1] === undefined ? body.length : (breaks[line - 1] as number) + 1;
          return;
        }
        start = from + result.meta.cursor;
        if (result.data.some((f) => f.trim() !== "")) records.push({ line, fields: result.data });
      },
    });
  }
  if (errors.length >= MAX_CSV_ERRORS) errors.push({ line: lineAt(offset), message: "too many malformed records: reading stopped here" });
  return { records, errors };
}

const CSV_ERRORS: Record<string, string> = {
  MissingQuotes: "a quoted field is never closed",
  InvalidQuotes: "a quoted field has text after its closing quote (write a quote inside a quoted field as \"\")",
};

/** Strict UTF-8: bytes that are not UTF-8 are reported with their lines, never read as U+FFFD. */
function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const lines = new TextDecoder("utf-8").decode(bytes).split(/\r\n?|\n/);
    const bad = lines.flatMap((l, i) => (l.includes("\uFFFD") ? [i + 1] : []));
    throw new RegistryError(bad.map((n) => `${source}: line ${n}: bytes that are not UTF-8 (save the file as UTF-8)`));
  }
}

function composeKey(r: { number: string; typeCode: string | null; issuer: string; year: string | null; style: string | null }): string {
  if (r.style === "party") return `${r.number}-${r.typeCode}/${r.issuer}`;
  return `${r.number}/${r.year ? `${r.year}/` : ""}${r.typeCode ? `${r.typeCode}-` : ""}${r.issuer}`;
}

/** The canonical key of an identifier written alone (`08-QĐi/TW` → `8-QĐi/TW`), read by the grammar itself. */
export function canonicalKey(identifier: string): string | null {
  const trimmed = identifier.trim();
  const [c] = extract(trimmed);
  return c && c.start === 0 && c.end === trimmed.length && c.key ? c.key : null;
}

function isoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text) ?? /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = m[1]!.length === 4 ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const reading = readDate(d ?? null, mo ?? null, y ?? null);
  return reading.kind === "valid" ? reading.iso : null;
}
