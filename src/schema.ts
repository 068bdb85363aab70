/**
 * The public output contract, as zod schemas: callers validate against them. The types are the interfaces of
 * types.ts (documented field by field, no zod in them); test/types.test.ts holds each schema's type equal to its
 * interface.
 */
import { z } from "zod";
import { DIAGNOSTIC_CODES } from "./diagnostics.js";
import { AMENDMENT_ACTIONS, KEY_SOURCES, RELATION_RULES, RELATIONS } from "./enums.js";

export type {
  Amendment, Citation, Diagnostic, DocumentRecord, HeaderField, Mention, Pinpoint, PinpointPath, Place, Relation, RelationRule, Span, StatedRelation,
} from "./types.js";

export const SeveritySchema = z.enum(["error", "warning", "info"]);

/** A part of a text: its exact original substring and UTF-16 offsets. */
export const SpanSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** A problem found in the text: data, never an exception. Offsets are UTF-16 offsets into the ORIGINAL input. */
export const DiagnosticSchema = z.object({
  code: z.enum(DIAGNOSTIC_CODES),
  severity: SeveritySchema,
  /** English message. */
  message: z.string(),
  /** Vietnamese message. */
  messageVi: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** 1-based line and column (UTF-16 code units) of `start`: set on what extract and check return. */
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  /** A suggested replacement for text.slice(start, end), where one is clear. */
  fix: z.string().nullable(),
  /** Other places involved (the other citation of an inconsistent pair). */
  related: z.array(SpanSchema.extend({
    /** The document the span is in, when it is another one than the diagnostic's (checkCorpus). */
    doc: z.string().optional(),
  })).optional(),
});

export const RelationSchema = z.enum(RELATIONS);

/** The part of the document a relation was read from (see README, Relations). */
export const RelationRuleSchema = z.enum(RELATION_RULES);

/** The place of an issuing body, as the gazetteer (grammar/places.json) knows it: what a graph is grouped by. */
export const PlaceSchema = z.object({
  /** `tỉnh`, `thành phố`, `huyện`, `quận`, `thị xã`, `xã`, `phường`, `thị trấn`, `đặc khu`: printed or implied (`Tỉnh ủy` → `tỉnh`). */
  unit: z.string(),
  /** The gazetteer's name (`Quảng Nam`, `Hồ Chí Minh` for `TP.HCM`); as printed where it does not know the place. */
  name: z.string(),
  /** Unit and name folded (`tỉnh quảng nam`): the same for every spelling of one place. */
  key: z.string(),
  /** The province it is or lies in, as named before 1 July 2025; null where the gazetteer cannot tell. */
  province: z.string().nullable(),
  /** The province it became or lies in since 1 July 2025 (Nghị quyết 202/2025/QH15), where that is another name. */
  mergedInto: z.string().nullable(),
});

export const CitationSchema = z.object({
  /** Exact original substring: input.slice(start, end) === text. */
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /**
   * Canonical identifier (`20-NQ/TW`, `30/2020/NĐ-CP`); for a law cited by name only, its name key; null when
   * the text gives no complete identifier.
   */
  key: z.string().nullable(),
  /**
   * How the key was reached: `printed` (the text's own number, or a law's name key), `catalogue` (a law cited by
   * name whose number the statutes catalogue gives), `corpus` (set by a graph: a name another text states with its
   * number). Null when there is no key.
   */
  keySource: z.enum(KEY_SOURCES).nullable().optional(),
  /** The title of a law, code, ordinance or constitution cited by name (`Doanh nghiệp`). */
  title: z.string().nullable(),
  /**
   * The key built from type, title and year (`Luật doanh nghiệp năm 2020`): the same document as `key` when
   * the text gives both (`Luật Doanh nghiệp số 59/2020/QH14`).
   */
  nameKey: z.string().nullable(),
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
  /**
   * The issuing body as bodies are compared: the same for the same body however it is spelled (`BCH Trung ương
   * Đảng`, `Ban Chấp hành Trung ương`, `Ban Chap hanh Trung uong Dang` → `ban chấp hành trung ương đảng`).
   */
  issuedByKey: z.string().nullable(),
  /** The place of the issuing body (`UBND tỉnh Quảng Nam` → tỉnh Quảng Nam, merged into Đà Nẵng); null where it names none. */
  issuedByPlace: PlaceSchema.nullable(),
  /** Party or assembly term in Roman numerals (`XI`). */
  term: z.string().nullable(),
  subject: z.string().nullable(),
  relation: RelationSchema,
  /** 1 for clean text; lowered by each OCR repair the citation needed (see its ocr-repaired diagnostics). */
  confidence: z.number().min(0).max(1),
  /** Where each part stands in the original text. */
  spans: z.object({
    typeWord: SpanSchema.nullable(),
    title: SpanSchema.nullable(),
    identifier: SpanSchema.nullable(),
    date: SpanSchema.nullable(),
    issuedBy: SpanSchema.nullable(),
    term: SpanSchema.nullable(),
    subject: SpanSchema.nullable(),
  }),
  diagnostics: z.array(DiagnosticSchema),
});

export const CitationListSchema = z.array(CitationSchema);

/** A part of a document a reference points at (`khoản 2 Điều 3`), as paths with lists and ranges expanded. */
export const PinpointPathSchema = z.object({
  appendix: z.string().optional(),
  chapter: z.string().optional(),
  section: z.string().optional(),
  article: z.string().optional(),
  clause: z.string().optional(),
  point: z.string().optional(),
});
export const PinpointSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  paths: z.array(PinpointPathSchema),
});

/** What an amending text does: to which document, which part of it, from when. */
export const AmendmentSchema = z.object({
  action: z.enum(AMENDMENT_ACTIONS),
  /** The key of the document changed. */
  target: z.string(),
  /** The part changed (`khoản 10 Điều 3`); null for the whole document. */
  pinpoint: PinpointSchema.nullable(),
  /** From when, where the text says (`hết hiệu lực kể từ ngày …`). */
  date: z.string().nullable(),
  /** `Thay thế cụm từ "a" bằng cụm từ "b"`. */
  phrase: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** The line or sentence that says it. */
  span: SpanSchema,
});

/** How a mention got its document key. */
export const ResolutionSchema = z.enum([
  "identifier", // its own complete identifier
  "definition", // a short name the text defined: (sau đây gọi tắt là Kết luận số 93)
  "earlier-citation", // the one full citation earlier in the text with the same type and number
  "consistent-citation", // a code that contradicts its type word, read as the text's consistent form
  "self", // Kế hoạch này
  "back-reference", // Nghị quyết nêu trên
  "name", // a law by name whose number the text gives elsewhere: Luật Doanh nghiệp năm 2020 → 59/2020/QH14
]);

/** One reference to a document in a text, resolved to a document key where the text allows. */
export const MentionSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: z.string().nullable(),
  /** The key as cited (null for `Kết luận số 93`, `Kế hoạch này`). */
  key: z.string().nullable(),
  /** The document it refers to; null when the text does not say, or says two things (then a diagnostic). */
  resolvedKey: z.string().nullable(),
  resolvedBy: ResolutionSchema.nullable(),
  /** What the resolution rests on: the definition, the earlier citation, the consistent form. */
  evidence: SpanSchema.nullable(),
  relation: RelationSchema,
  /** The verb the relation was read from. */
  verb: SpanSchema.nullable(),
  /** The part of the document that gave the relation (null for a mere mention). */
  rule: RelationRuleSchema.nullable().optional(),
  /** The parts of the cited document it points at: `tại khoản 2 Điều 3 của Nghị định số …`. */
  pinpoints: z.array(PinpointSchema),
  /** The mention stands in a short-name definition: `(viết tắt là Nghị quyết số 29-NQ/TW)`. */
  isDefinition: z.boolean(),
  /** The parsed citation, for numbered mentions. */
  citation: CitationSchema.nullable(),
  diagnostics: z.array(DiagnosticSchema),
});

/** A relation between two cited documents that the text states: 69-KL/TW continues 20-NQ/TW. */
export const StatedRelationSchema = z.object({
  from: z.string(),
  to: z.string(),
  relation: RelationSchema,
  evidence: SpanSchema,
  /** `stated` (the text says it), or `portal-note` (a portal's note: `[Khoản này được hướng dẫn bởi …]`). */
  rule: RelationRuleSchema,
});

/** One field of a document's header in the shape every field has (HeaderField): its clean value and its span. */
const headerFieldOf = <T extends z.ZodType>(value: T) =>
  z.object({
    /** The clean value: NFC, `Đ`, single spaces; for a field that reads a key, the key. */
    value,
    /** Where the text gives it, with offsets into the original input. */
    span: SpanSchema,
  });
/** A header field whose value is text (`place`, `subject`, each addressee …). */
export const HeaderFieldSchema = headerFieldOf(z.string());

export const DocumentRecordSchema = z.object({
  /** The caller's id for the text (a path, a database id). */
  id: z.string().nullable(),
  /** The document's key: its own identifier's, else the caller's id. */
  key: z.string().nullable(),
  /** The document's own number in its header (`Số: 300/LĐLĐ`); the value is its key, null where none can be read. */
  identifier: headerFieldOf(z.string().nullable()).nullable(),
  /** The document's type (`Nghị định`), from its title line or its number's type code. */
  type: HeaderFieldSchema.nullable(),
  /** The place of issue (`Hà Nội`). */
  place: HeaderFieldSchema.nullable(),
  /**
   * The document's own issuing body, from its header's authority lines (`TỈNH ỦY NGHỆ AN`, `UBND TỈNH QUẢNG NAM` /
   * `SỞ TÀI CHÍNH`): the value is the issuing unit as printed, single-spaced, beside the key and place a citation
   * naming it gets (issuedByKey, issuedByPlace). Null where the header names none.
   */
  issuer: HeaderFieldSchema.extend({ key: z.string(), place: PlaceSchema.nullable() }).nullable(),
  /** The date of issue: the value is ISO yyyy-mm-dd, null where a part is blank; the parts beside it. */
  date: headerFieldOf(z.string().nullable())
    .extend({ day: z.number().int().nullable(), month: z.number().int().nullable(), year: z.number().int().nullable() })
    .nullable(),
  /** The subject line (`V/v …`, or the line under the title). */
  subject: HeaderFieldSchema.nullable(),
  /** The document's own entry into force: `Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025`; the value is ISO. */
  effective: headerFieldOf(z.string().nullable()).nullable(),
  /** Whom it is sent to (`Kính gửi: …`), one field per item. */
  addressees: z.array(HeaderFieldSchema),
  /** The list after `Nơi nhận:`, one field per item. */
  recipients: z.array(HeaderFieldSchema),
  /** The signing block: the authority signed for, the signer's title and name. */
  signature: z.object({ authority: HeaderFieldSchema.nullable(), title: HeaderFieldSchema.nullable(), signer: HeaderFieldSchema.nullable() }),
  mentions: z.array(MentionSchema),
  /** Pinpoints into the document itself: `khoản 2 Điều 3 của Luật này`, or no document named. */
  pinpoints: z.array(PinpointSchema),
  /** What it amends, replaces or repeals, part by part. */
  amendments: z.array(AmendmentSchema),
  /** Each cited document once, with the strongest relation over its mentions. */
  cited: z.array(z.object({ key: z.string(), relation: RelationSchema, mentions: z.number().int().positive(), rule: RelationRuleSchema.nullable().optional() })),
  statedRelations: z.array(StatedRelationSchema),
  diagnostics: z.array(DiagnosticSchema),
});
