/**
 * vncite: find, parse and cross-check references to Vietnamese administrative and legal documents.
 *
 * @module vncite
 */
export { check, type CheckOptions, checkCorpus, checkDocument, type CorpusDiagnostic } from "./check/check.js";
export { type DocumentOptions, parseDocument } from "./document/document.js";
export { toDot, toGraphML, toNeo4jCsv } from "./graph/export.js";
export {
  dotLines, type GraphSource, graphMLLines, neo4jArrayDelimiter, neo4jDocumentLines, neo4jImportCommand, neo4jRelationshipLines,
} from "./graph/export.js";
export { extract, type ExtractOptions } from "./extract/extract.js";
export { findPinpoints } from "./document/pinpoint.js";
export { extractStream, type TextSource } from "./extract/stream.js";
export { CitationGraph, type Conflict, type GraphEdge, type GraphJSON, type GraphNode } from "./graph/graph.js";
export { EVIDENCE_PER_EDGE, GraphError, type GraphLine, type GraphRecord, graphRecordOf } from "./graph/graph.js";
export { normalize, type NormalizedText } from "./extract/normalize.js";
export type { Repair } from "./extract/normalize.js";
export { canonicalKey, Registry, RegistryError, type RegistryRecord } from "./check/registry.js";
// The zod schemas are in `vncite/schema` (src/schema-entry.ts): `vncite` loads no zod. Their types are here.
export type {
  Amendment, AmendmentAction, Citation, CitationSpans, CitedDocument, Diagnostic, DiagnosticCode, DocumentDate, DocumentIssuer, DocumentRecord, Mention,
  Pinpoint, PinpointPath, Place, PositionedDiagnostic, RelatedSpan, Relation, RelationRule, Resolution, Severity, Signature, Span, StatedRelation,
  AmendedBy, GraphAlias, GraphAliasLine, GraphDocumentLine, GraphEdgeLine, GraphEndLine, GraphNodeLine, Occurrence, RegistryStatus,
} from "./types.js";
// The closed lists of the output contract, to check a value against or to show as choices.
export { AMENDMENT_ACTIONS, REGISTRY_STATUSES, RELATION_RULES, RELATIONS } from "./enums.js";
export { ArgumentError, VnciteError, type VnciteErrorCode } from "./errors.js";
export { type BodyReading, readIssuingBody } from "./extract/body.js";
export { annotate, type AnnotateOptions, escapeHtml, type Markup, type Spanned } from "./annotate.js";
export { resolve, type ResolveOptions, type Resolved, type ResolvedReference } from "./resolve-citations.js";
