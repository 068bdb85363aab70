/**
 * A registry of known documents, to check citations against: a JSON array or a CSV file with a header row.
 *
 *   key,kind,date,issuedBy,subject,status
 *   20-NQ/TW,Nghị quyết,2012-11-01,Ban Chấp hành Trung ương,phát triển khoa học và công nghệ …,in-force
 *
 * Instead of `key`, a row may give `number`, `typeCode`, `issuer` (and `year`, `style`: party | state).
 * Every row is validated; a bad row is an error naming the file and the row, never dropped silently.
 */
import { readFileSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { readDate } from "../extract/date.js";
import { extract } from "../extract/extract.js";

export const RegistryStatusSchema = z.enum(["in-force", "amended", "replaced", "repealed", "expired", "unknown"]);
/** Statuses that mean a citation points at a document no longer in force. */
export const NOT_IN_FORCE: ReadonlySet<string> = new Set(["replaced", "repealed", "expired"]);

const optionalText = z.preprocess((v) => (v === "" || v === undefined ? null : v), z.string().trim().min(1).nullable());

/** A row as written in the file (CSV gives strings; JSON may give numbers). */
export const RegistryRowSchema = z
  .object({
    key: optionalText,
    number: z.preprocess((v) => (v === "" || v === undefined ? null : String(v)), z.string().regex(/^\d+$/, "number must be digits").nullable()),
    typeCode: optionalText,
    issuer: optionalText,
    year: z.preprocess((v) => (v === "" || v === undefined ? null : String(v)), z.string().regex(/^\d{4}$/, "year must have four digits").nullable()),
    style: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.enum(["party", "state"]).nullable()),
    kind: optionalText,
    date: optionalText,
    issuedBy: optionalText,
    subject: optionalText,
    status: z.preprocess((v) => (v === "" || v === undefined ? "unknown" : v), RegistryStatusSchema),
  })
  .refine((r) => r.key !== null || (r.number !== null && r.issuer !== null), { message: "give key, or number and issuer" });

export const RegistryRecordSchema = z.object({
  key: z.string(),
  kind: z.string().nullable(),
  /** ISO yyyy-mm-dd. */
  date: z.string().nullable(),
  issuedBy: z.string().nullable(),
  subject: z.string().nullable(),
  status: RegistryStatusSchema,
});
export type RegistryRecord = z.infer<typeof RegistryRecordSchema>;

export class RegistryError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid registry:\n${problems.join("\n")}`);
    this.name = "RegistryError";
  }
}

export class Registry {
  private readonly byKey = new Map<string, RegistryRecord>();

  private constructor(records: RegistryRecord[]) {
    for (const r of records) this.byKey.set(r.key, r);
  }

  /** Validates rows (objects with the documented columns); `source` names them in errors. */
  static fromRows(rows: unknown[], source = "registry"): Registry {
    if (!Array.isArray(rows)) throw new RegistryError([`${source}: expected an array of rows`]);
    const problems: string[] = [];
    const records: RegistryRecord[] = [];
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const where = `${source}: row ${i + 1}`;
      const parsed = RegistryRowSchema.safeParse(row);
      if (!parsed.success) {
        problems.push(`${where}: ${parsed.error.issues.map((x) => `${x.path.join(".") || "row"}: ${x.message}`).join("; ")}`);
        return;
      }
      const r = parsed.data;
      const key = canonicalKey(r.key ?? composeKey(r));
      if (!key) return problems.push(`${where}: "${r.key ?? composeKey(r)}" is not a document identifier`);
      let date: string | null = null;
      if (r.date) {
        date = isoDate(r.date);
        if (!date) return problems.push(`${where}: date "${r.date}" is not a valid date (yyyy-mm-dd or dd/mm/yyyy)`);
      }
      if (seen.has(key)) return problems.push(`${where}: ${key} is already in row ${seen.get(key)}`);
      seen.set(key, i + 1);
      records.push({ key, kind: r.kind, date, issuedBy: r.issuedBy, subject: r.subject, status: r.status });
    });
    if (problems.length > 0) throw new RegistryError(problems);
    return new Registry(records);
  }

  /** Reads a .json (array of rows) or .csv (header row, then rows) file. */
  static load(path: string): Registry {
    const text = readFileSync(path, "utf8");
    if (/\.json$/i.test(path)) {
      let rows: unknown;
      try {
        rows = JSON.parse(text);
      } catch (e) {
        throw new RegistryError([`${path}: not valid JSON (${(e as Error).message})`]);
      }
      return Registry.fromRows(rows as unknown[], path);
    }
    if (/\.csv$/i.test(path)) {
      let rows: unknown[];
      try {
        rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
      } catch (e) {
        throw new RegistryError([`${path}: not valid CSV (${(e as Error).message})`]);
      }
      // CSV rows are numbered as lines of the file: the header is line 1.
      try {
        return Registry.fromRows(rows, path);
      } catch (e) {
        if (e instanceof RegistryError) throw new RegistryError(e.problems.map((p) => p.replace(/row (\d+)/, (_, n) => `line ${Number(n) + 1}`)));
        throw e;
      }
    }
    throw new RegistryError([`${path}: a registry is a .json or .csv file`]);
  }

  get(key: string): RegistryRecord | undefined {
    return this.byKey.get(key);
  }

  get size(): number {
    return this.byKey.size;
  }
}

function composeKey(r: { number: string | null; typeCode: string | null; issuer: string | null; year: string | null; style: string | null }): string {
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
