/** The public output contract, as zod schemas: callers validate and type against them. */
import { z } from "zod";

export const SeveritySchema = z.enum(["error", "warning", "info"]);

/** A problem found in the text: data, never an exception. Offsets are UTF-16 offsets into the ORIGINAL input. */
export const DiagnosticSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  /** English message. */
  message: z.string(),
  /** Vietnamese message. */
  messageVi: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** A suggested replacement for text.slice(start, end), where one is clear. */
  fix: z.string().nullable(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** A part of a citation: its exact original text and offsets. */
export const SpanSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof SpanSchema>;

export const RelationSchema = z.enum([
  "mentions", "basedOn", "implements", "continues", "guides", "amends", "replaces", "repeals", "corrects",
]);

export const CitationSchema = z.object({
  /** Exact original substring: input.slice(start, end) === text. */
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Canonical identifier (`20-NQ/TW`, `30/2020/NĐ-CP`); null when the text gives no complete identifier. */
  key: z.string().nullable(),
  /** The number as printed (`08`). */
  number: z.string(),
  year: z.number().int().nullable(),
  /** `NQ`, `CTr`, `NĐ`; null when the identifier has none (`1895/MTTQ-BTT`). */
  typeCode: z.string().nullable(),
  /** What follows the type code: `TW`, `CP`, `MTTQ-BTT`, `QH14`. */
  issuer: z.string().nullable(),
  /** `party` (20-NQ/TW: hyphen after the number) or `state` (30/2020/NĐ-CP, 1895/MTTQ-BTT: slash). */
  style: z.enum(["party", "state"]).nullable(),
  /** Document type in words, from the type word or else the type code. */
  kind: z.string().nullable(),
  /** ISO yyyy-mm-dd; null when absent, blank or impossible (then a diagnostic says so). */
  date: z.string().nullable(),
  /** The issuing body in words (`Ban Thường vụ Tỉnh ủy`). */
  issuedBy: z.string().nullable(),
  /** Party or assembly term in Roman numerals (`XI`). */
  term: z.string().nullable(),
  subject: z.string().nullable(),
  relation: RelationSchema,
  /** Where each part stands in the original text. */
  spans: z.object({
    typeWord: SpanSchema.nullable(),
    identifier: SpanSchema.nullable(),
    date: SpanSchema.nullable(),
    issuedBy: SpanSchema.nullable(),
    term: SpanSchema.nullable(),
    subject: SpanSchema.nullable(),
  }),
  diagnostics: z.array(DiagnosticSchema),
});
export type Citation = z.infer<typeof CitationSchema>;
export type Relation = z.infer<typeof RelationSchema>;

export const CitationListSchema = z.array(CitationSchema);
