/**
 * The public output types, as interfaces an editor can show field by field. No zod here: `vncite` and its
 * declaration files load none. The zod schemas of `vncite/schema` (schema.ts) describe the same shapes, and
 * test/types.test.ts holds each schema's inferred type equal to its interface.
 */
import type { DiagnosticCode } from "./diagnostics.js";
import type { ALIAS_SOURCES, AMENDMENT_ACTIONS, REGISTRY_STATUSES, RELATION_RULES, RELATIONS } from "./enums.js";

export type { DiagnosticCode } from "./diagnostics.js";

/** How serious a diagnostic is: `error` (the reference is wrong), `warning` (doubtful), `info` (worth a look). */
export type Severity = "error" | "warning" | "info";

/** How a citing document relates to a cited one. */
export type Relation = (typeof RELATIONS)[number];

/** The part of the document a relation was read from. */
export type RelationRule = (typeof RELATION_RULES)[number];

/** What an amending text does to the document it names. */
export type AmendmentAction = (typeof AMENDMENT_ACTIONS)[number];

/** A part of a text: its exact original substring and UTF-16 offsets. */
export interface Span {
  /** The original text of the part: `input.slice(start, end)`. */
  text: string;
  /** Offset of its first code unit in the original input. */
  start: number;
  /** Offset just after its last code unit. */
  end: number;
}

/** A span that may be in another document than the diagnostic's own. */
export interface RelatedSpan extends Span {
  /** The document the span is in, when it is another one than the diagnostic's (checkCorpus). */
  doc?: string | undefined;
}

/** A problem found in the text: data, never an exception. Offsets are UTF-16 offsets into the ORIGINAL input. */
export interface Diagnostic {
  /** What the problem is, one of a closed list (`type-code-mismatch`, `not-in-registry` …). */
  code: DiagnosticCode;
  /** How serious it is. */
  severity: Severity;
  /** The message in English. */
  message: string;
  /** The message in Vietnamese. */
  messageVi: string;
  /** Offset of the start of the part at fault. */
  start: number;
  /** Offset just after it. */
  end: number;
  /** 1-based line of `start`: set on what extract and check return. */
  line?: number | undefined;
  /** 1-based column of `start` in UTF-16 code units: set with `line`. */
  column?: number | undefined;
  /** A suggested replacement for `text.slice(start, end)`, where one is clear; else null. */
  fix: string | null;
  /** Other places involved (the other citation of an inconsistent pair). */
  related?: RelatedSpan[] | undefined;
}

/** A diagnostic whose `line` and `column` are always set: what `check` returns. */
export interface PositionedDiagnostic extends Diagnostic {
  /** 1-based line of `start`. */
  line: number;
  /** 1-based column of `start`, in UTF-16 code units. */
  column: number;
}

/** The place of an issuing body, as the gazetteer (grammar/places.json) knows it: what a graph is grouped by. */
export interface Place {
  /** `tỉnh`, `thành phố`, `huyện`, `quận`, `thị xã`, `xã`, `phường`, `thị trấn`, `đặc khu`: printed or implied (`Tỉnh ủy` → `tỉnh`). */
  unit: string;
  /** The gazetteer's name (`Quảng Nam`, `Hồ Chí Minh` for `TP.HCM`); as printed where it does not know the place. */
  name: string;
  /** Unit and name folded (`tỉnh quảng nam`): the same for every spelling of one place. */
  key: string;
  /** The province it is or lies in, as named before 1 July 2025; null where the gazetteer cannot tell. */
  province: string | null;
  /** The province it became or lies in since 1 July 2025 (Nghị quyết 202/2025/QH15), where that is another name. */
  mergedInto: string | null;
}

/** Where each part of a citation stands in the original text (null: the part is absent). */
export interface CitationSpans {
  /** The type word (`Nghị định`). */
  typeWord: Span | null;
  /** The title of a law cited by name. */
  title: Span | null;
  /** The identifier (`30/2020/NĐ-CP`). */
  identifier: Span | null;
  /** The date phrase (`ngày 05/3/2020`). */
  date: Span | null;
  /** The issuing body (`của Chính phủ`). */
  issuedBy: Span | null;
  /** The term (`khóa XI`). */
  term: Span | null;
  /** The subject (`về công tác văn thư`). */
  subject: Span | null;
}

/** One reference to a document found by `extract`, with its parts read and cleaned. */
export interface Citation {
  /** Exact original substring: `input.slice(start, end) === text`. */
  text: string;
  /** Offset of its start in the original input (UTF-16). */
  start: number;
  /** Offset just after its end. */
  end: number;
  /**
   * Canonical identifier (`20-NQ/TW`, `30/2020/NĐ-CP`); for a law cited by name only, its name key; null when
   * the text gives no complete identifier.
   */
  key: string | null;
  /**
   * How the key was reached: `printed` (the text's own number, or a law's name key), `catalogue` (a law cited by
   * name whose number the statutes catalogue gives), `corpus` (set by a graph: a name another text states with its
   * number). Null when there is no key.
   */
  keySource?: "printed" | "catalogue" | "corpus" | null | undefined;
  /** The title of a law, code, ordinance or constitution cited by name (`Doanh nghiệp`). */
  title: string | null;
  /**
   * The key built from type, title and year (`Luật doanh nghiệp năm 2020`): the same document as `key` when
   * the text gives both (`Luật Doanh nghiệp số 59/2020/QH14`).
   */
  nameKey: string | null;
  /** The number as printed (`08`). */
  number: string;
  /** The year of the identifier (`2020` in `30/2020/NĐ-CP`), where it has one. */
  year: number | null;
  /** `NQ`, `CTr`, `NĐ`; null when the identifier has none (`1895/MTTQ-BTT`). */
  typeCode: string | null;
  /** What follows the type code: `TW`, `CP`, `MTTQ-BTT`, `QH14`. */
  issuer: string | null;
  /** `party` (20-NQ/TW: hyphen after the number) or `state` (30/2020/NĐ-CP, 1895/MTTQ-BTT: slash). */
  style: "party" | "state" | null;
  /** Document type in words, from the type word or else the type code. */
  kind: string | null;
  /** ISO yyyy-mm-dd; null when absent, blank or impossible (then a diagnostic says so). */
  date: string | null;
  /** The issuing body in words (`Ban Thường vụ Tỉnh ủy`). */
  issuedBy: string | null;
  /**
   * The issuing body as bodies are compared: the same for the same body however it is spelled (`BCH Trung ương
   * Đảng`, `Ban Chấp hành Trung ương`, `Ban Chap hanh Trung uong Dang` → `ban chấp hành trung ương đảng`).
   */
  issuedByKey: string | null;
  /** The place of the issuing body (`UBND tỉnh Quảng Nam` → tỉnh Quảng Nam, merged into Đà Nẵng); null where it names none. */
  issuedByPlace: Place | null;
  /** Party or assembly term in Roman numerals (`XI`). */
  term: string | null;
  /** What the document is about (`về công tác văn thư`), as the citation gives it. */
  subject: string | null;
  /** How the citing text relates to the cited document. */
  relation: Relation;
  /** 1 for clean text; lowered by each OCR repair the citation needed (see its ocr-repaired diagnostics). */
  confidence: number;
  /** Where each part stands in the original text. */
  spans: CitationSpans;
  /** Problems of this citation. */
  diagnostics: Diagnostic[];
}

/** A path into a document's parts (`khoản 2 Điều 3` → `{ article: "3", clause: "2" }`). */
export interface PinpointPath {
  /** `Phụ lục` (appendix) number. */
  appendix?: string | undefined;
  /** `Chương` (chapter) number. */
  chapter?: string | undefined;
  /** `Mục` (section) number. */
  section?: string | undefined;
  /** `Điều` (article) number. */
  article?: string | undefined;
  /** `Khoản` (clause) number. */
  clause?: string | undefined;
  /** `Điểm` (point) letter. */
  point?: string | undefined;
}

/** A part of a document a reference points at (`khoản 2 Điều 3`), as paths with lists and ranges expanded. */
export interface Pinpoint extends Span {
  /** One path per part pointed at (`khoản 1 và 2 Điều 3` → two). */
  paths: PinpointPath[];
}

/** What an amending text does: to which document, which part of it, from when. */
export interface Amendment {
  /** Amends, replaces or repeals. */
  action: AmendmentAction;
  /** The key of the document changed. */
  target: string;
  /** The part changed (`khoản 10 Điều 3`); null for the whole document. */
  pinpoint: Pinpoint | null;
  /** From when, where the text says (`hết hiệu lực kể từ ngày …`), ISO yyyy-mm-dd. */
  date: string | null;
  /** `Thay thế cụm từ "a" bằng cụm từ "b"`. */
  phrase: { from: string; to: string } | null;
  /** The line or sentence that says it. */
  span: Span;
}

/** How a mention got its document key. */
export type Resolution =
  | "identifier" // its own complete identifier
  | "definition" // a short name the text defined: (sau đây gọi tắt là Kết luận số 93)
  | "earlier-citation" // the one full citation earlier in the text with the same type and number
  | "consistent-citation" // a code that contradicts its type word, read as the text's consistent form
  | "self" // Kế hoạch này
  | "back-reference" // Nghị quyết nêu trên
  | "name"; // a law by name whose number the text gives elsewhere

/** One reference to a document in a text, resolved to a document key where the text allows. */
export interface Mention extends Span {
  /** The document type in words, where the mention gives one. */
  kind: string | null;
  /** The key as cited (null for `Kết luận số 93`, `Kế hoạch này`). */
  key: string | null;
  /** The document it refers to; null when the text does not say, or says two things (then a diagnostic). */
  resolvedKey: string | null;
  /** How `resolvedKey` was found. */
  resolvedBy: Resolution | null;
  /** What the resolution rests on: the definition, the earlier citation, the consistent form. */
  evidence: Span | null;
  /** How the text relates to the document mentioned. */
  relation: Relation;
  /** The verb the relation was read from. */
  verb: Span | null;
  /** The part of the document that gave the relation (null for a mere mention). */
  rule?: RelationRule | null | undefined;
  /** The parts of the cited document it points at: `tại khoản 2 Điều 3 của Nghị định số …`. */
  pinpoints: Pinpoint[];
  /** The mention stands in a short-name definition: `(viết tắt là Nghị quyết số 29-NQ/TW)`. */
  isDefinition: boolean;
  /** The parsed citation, for numbered mentions. */
  citation: Citation | null;
  /** Problems of this mention. */
  diagnostics: Diagnostic[];
}

/** A relation between two cited documents that the text states: 69-KL/TW continues 20-NQ/TW. */
export interface StatedRelation {
  /** The key of the document that relates. */
  from: string;
  /** The key of the document it relates to. */
  to: string;
  /** How. */
  relation: Relation;
  /** The words that say it. */
  evidence: Span;
  /** `stated` (the text says it), or `portal-note` (a portal's note: `[Khoản này được hướng dẫn bởi …]`). */
  rule: RelationRule;
}

/**
 * One field of a document's header or footer, in one shape for every field: the clean value a user stores, and
 * where the text gives it. Fields that carry more (a date's parts, an issuer's key and place) add them beside.
 */
export interface HeaderField<T = string> {
  /**
   * The clean value: NFC, `Đ` (never `Ð`), single spaces, line breaks and list marks folded (`Hà Nội`); for a
   * field that reads a key, the key (`30/2020/NĐ-CP`, `Nghị định`, `2020-03-05`).
   */
  value: T;
  /** Where the text gives it: the printed words, with offsets into the ORIGINAL input. */
  span: Span;
}

/** The document's date as its header gives it; a part left blank is null. */
export interface DocumentDate extends HeaderField<string | null> {
  /** ISO yyyy-mm-dd, when the date is complete and exists; null where a part is blank or the date does not exist. */
  value: string | null;
  /** Day of the month. */
  day: number | null;
  /** Month, 1–12. */
  month: number | null;
  /** Year. */
  year: number | null;
}

/** Who signed the document, as its signing block gives it. */
export interface Signature {
  /** The authority signed for (`TM. BAN THƯỜNG VỤ`). */
  authority: HeaderField | null;
  /** The signer's title (`PHÓ BÍ THƯ`). */
  title: HeaderField | null;
  /** The signer's name. */
  signer: HeaderField | null;
}

/** Each cited document once, with the strongest relation over its mentions. */
export interface CitedDocument {
  /** The cited document's key. */
  key: string;
  /** The strongest relation over its mentions. */
  relation: Relation;
  /** How many mentions refer to it. */
  mentions: number;
  /** The part of the document the relation was read from. */
  rule?: RelationRule | null | undefined;
}

/** A document's own issuing body: the unit as printed, with the key and place a citation naming it gets. */
export interface DocumentIssuer extends HeaderField {
  /** The issuing unit as printed, single-spaced (`TỈNH ỦY NGHỆ AN`, `SỞ TÀI CHÍNH`). */
  value: string;
  /** issuedByKey's key for the body (`ban thường vụ tỉnh ủy nghệ an`). */
  key: string;
  /** The place the body stands for or lies in, its parent's where it names none (`SỞ TÀI CHÍNH` under `UBND TỈNH QUẢNG NAM`). */
  place: Place | null;
}

/** What `parseDocument` reads of one document: its header, its references and what it does to other documents. */
export interface DocumentRecord {
  /** The caller's id for the text (a path, a database id). */
  id: string | null;
  /** The document's key: its own identifier's, else the caller's id. */
  key: string | null;
  /** The document's own number in its header (`Số: 300/LĐLĐ`); the value is its key, null where none can be read. */
  identifier: HeaderField<string | null> | null;
  /** The document's type (`Nghị định`), from its title line or its number's type code. */
  type: HeaderField | null;
  /** The place of issue (`Hà Nội`). */
  place: HeaderField | null;
  /** The document's own issuing body, from its header's authority lines (`TỈNH ỦY NGHỆ AN`); null where it names none. */
  issuer: DocumentIssuer | null;
  /** The date of issue. */
  date: DocumentDate | null;
  /** The subject line (`V/v …`, or the line under the title). */
  subject: HeaderField | null;
  /**
   * The document's own entry into force: `Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025`; the
   * value is the ISO date, null where the phrase gives no complete date.
   */
  effective: HeaderField<string | null> | null;
  /** Whom it is sent to (`Kính gửi: …`), one field per item. */
  addressees: HeaderField[];
  /** The list after `Nơi nhận:`, one field per item. */
  recipients: HeaderField[];
  /** The signing block. */
  signature: Signature;
  /** Every reference to a document, resolved where the text allows. */
  mentions: Mention[];
  /** Pinpoints into the document itself: `khoản 2 Điều 3 của Luật này`, or no document named. */
  pinpoints: Pinpoint[];
  /** What it amends, replaces or repeals, part by part. */
  amendments: Amendment[];
  /** Each cited document once, with the strongest relation over its mentions. */
  cited: CitedDocument[];
  /** Relations between other documents that the text states. */
  statedRelations: StatedRelation[];
  /** Problems of the document as a whole and of its parts. */
  diagnostics: Diagnostic[];
}

/** A place in a corpus document: which document, where, and the text there. */
export interface Occurrence {
  /** The id of the corpus document. */
  doc: string;
  /** Offset of the start in that document's text. */
  start: number;
  /** Offset just after the end. */
  end: number;
  /** The text there. */
  text: string;
}

/** A change a later document made to a graph node's document. */
export interface AmendedBy {
  /** The key of the amending document. */
  by: string;
  /** Amends, replaces or repeals. */
  action: AmendmentAction;
  /** The parts changed (empty: the whole document). */
  paths: PinpointPath[];
  /** From when, ISO yyyy-mm-dd, where the amending text says. */
  date: string | null;
  /** Where the amending text says it. */
  evidence: Occurrence;
}

/** A document in the citation graph: cited, in the corpus, or both. */
export interface GraphNode {
  /** The document's key (`30/2020/NĐ-CP`), or a corpus document's id where it has no number. */
  key: string;
  /** The name people read, for a law (`Luật Tổ chức Chính phủ 2015`): the catalogue's title, else the printed one. */
  title?: string | undefined;
  /** Document types in words seen for this key. */
  kinds: string[];
  /** Type codes seen for this key. */
  typeCodes: string[];
  /** Issuing bodies in words seen. */
  issuedBy: string[];
  /** Dates seen (ISO yyyy-mm-dd). */
  dates: string[];
  /** Terms seen (`XI`). */
  terms: string[];
  /** Subjects seen. */
  subjects: string[];
  /** Ids of the corpus documents that are this document's own text (empty: cited only). */
  texts: string[];
  /** How many mentions point at it. */
  mentions: number;
  /** Every spelling that resolved to this key (`77-CT/TU`, `77 CT/TU` for 77-CTr/TU), with where. */
  variants: Occurrence[];
  /** What later documents changed in it: by whom, how, which part, from when, and where they say so. */
  amendedBy: AmendedBy[];
}

/** A citation between two documents of the graph, over all the documents that make it. */
export interface GraphEdge {
  /** The key of the citing document. */
  from: string;
  /** The key of the cited document. */
  to: string;
  /** How the citing document relates to the cited one. */
  relation: Relation;
  /** Mentions behind the edge, over all citing documents. */
  count: number;
  /** Documents that state this relation between two documents they cite (69-KL/TW continues 20-NQ/TW). */
  statedBy: string[];
  /** Where the edge is said: at most EVIDENCE_PER_EDGE places, the first by document id and offset. */
  evidence: Occurrence[];
  /** How many more places say it than `evidence` keeps. */
  moreEvidence: number;
  /** The parts of the citing documents the relation was read from (`preamble`, `purpose`, `stated` …). */
  rules: RelationRule[];
}

/** The JSON form of a graph: stable, sorted, read back losslessly by CitationGraph.fromJSON. */
export interface GraphJSON {
  /** Always `vncite-graph`. */
  format: "vncite-graph";
  /** The version of the format: 1. */
  version: 1;
  /** The ids of the corpus documents added. */
  documents: string[];
  /** Laws known by name and by number (`Luật doanh nghiệp năm 2020` = `59/2020/QH14`): one node, under the number. */
  aliases: GraphAlias[];
  /** Every document. */
  nodes: GraphNode[];
  /** Every citation between two documents. */
  edges: GraphEdge[];
}

/** One line of the JSON Lines form after the header: in this order, documents, aliases, nodes, edges. */
export type GraphLine = GraphDocumentLine | GraphAliasLine | GraphNodeLine | GraphEdgeLine | GraphEndLine;
/** A line naming a corpus document added. */
export interface GraphDocumentLine {
  /** The kind of line. */
  type: "document";
  /** The document's id. */
  id: string;
}
/** A law's name key standing for its number. */
export interface GraphAlias {
  /** The name key (`Luật doanh nghiệp năm 2020`). */
  name: string;
  /** The key it stands for (`59/2020/QH14`). */
  key: string;
  /** How the graph knows: the statutes catalogue says so, or a corpus text states both; absent in older graphs. */
  source?: (typeof ALIAS_SOURCES)[number] | undefined;
}
/** A line saying a law's name key stands for its number. */
export interface GraphAliasLine extends GraphAlias {
  /** The kind of line. */
  type: "alias";
}
/** A node's line. */
export interface GraphNodeLine extends GraphNode {
  /** The kind of line. */
  type: "node";
}
/** The last line: how many lines of each kind came before it (a graph cut short lacks it or disagrees). */
export interface GraphEndLine {
  /** The kind of line. */
  type: "end";
  /** How many document lines. */
  documents: number;
  /** How many alias lines. */
  aliases: number;
  /** How many node lines. */
  nodes: number;
  /** How many edge lines. */
  edges: number;
}
/** An edge's line. */
export interface GraphEdgeLine extends GraphEdge {
  /** The kind of line. */
  type: "edge";
}

/** What a registry says of a document's standing. */
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

/** A known document, as a registry lists it. */
export interface RegistryRecord {
  /** The document's key (`30/2020/NĐ-CP`). */
  key: string;
  /** Its type in words. */
  kind: string | null;
  /** Its date, ISO yyyy-mm-dd. */
  date: string | null;
  /** Its issuing body. */
  issuedBy: string | null;
  /** What it is about. */
  subject: string | null;
  /** Whether it is in force. */
  status: RegistryStatus;
}
