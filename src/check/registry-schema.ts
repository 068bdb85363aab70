/**
 * The registry's rows and records as zod schemas, for `vncite/schema`. `vncite` itself reads rows with the
 * plain code of registry.ts (readRowCells), which a test holds to the same verdicts as RegistryRowSchema.
 * zod/mini, as they were exported in 0.1.0 (their functional API, not the chained one of the other schemas).
 */
import * as z from "zod/mini";
import { REGISTRY_STATUSES } from "../enums.js";

export const RegistryStatusSchema = z.enum(REGISTRY_STATUSES, { error: `must be one of ${REGISTRY_STATUSES.join(", ")}` });

/** A blank cell (or a missing property) reads as `blank`; anything else goes to `schema` as it is, or as text. */
function cell<O>(schema: z.ZodMiniType<O>, blank: unknown, asText = false) {
  const read = (v: unknown): unknown => (v === "" || v === undefined ? blank : asText && typeof v === "number" ? String(v) : v);
  return z.pipe(z.transform(read), schema as z.ZodMiniType<O, unknown>);
}
const text = z.string({ error: "must be text" }).check(z.trim(), z.minLength(1, { error: "must not be blank" }));
const optionalText = cell(z.nullable(text), null);
const digits = (pattern: RegExp, error: string) => cell(z.nullable(z.string({ error }).check(z.regex(pattern, { error }))), null, true);

/** A row as written in the file (CSV gives strings; JSON may give numbers). */
const RegistryRowFields = z.object({
  key: optionalText,
  number: digits(/^\d+$/, "number must be digits"),
  typeCode: optionalText,
  issuer: optionalText,
  year: digits(/^\d{4}$/, "year must have four digits"),
  style: cell(z.nullable(z.enum(["party", "state"], { error: "must be party or state" })), null),
  kind: optionalText,
  date: optionalText,
  issuedBy: optionalText,
  subject: optionalText,
  status: cell(RegistryStatusSchema, "unknown"),
});
export const RegistryRowSchema = RegistryRowFields.check(
  z.refine((r) => r.key !== null || (r.number !== null && r.issuer !== null), { error: "give key, or number and issuer" }),
);

export const RegistryRecordSchema = z.object({
  key: z.string(),
  kind: z.nullable(z.string()),
  /** ISO yyyy-mm-dd. */
  date: z.nullable(z.string()),
  issuedBy: z.nullable(z.string()),
  subject: z.nullable(z.string()),
  status: RegistryStatusSchema,
});
// The type is the interface of types.ts (test/types.test.ts holds it equal to this schema).
export type { RegistryRecord } from "../types.js";
