/** vncite: find, parse and cross-check references to Vietnamese administrative and legal documents. */
export { check, type CheckOptions, checkCorpus, checkDocument, type CorpusDiagnostic } from "./check.js";
export { type DocumentOptions, parseDocument } from "./document.js";
export { toDot, toGraphML, toNeo4jCsv } from "./export.js";
export { extract, type ExtractOptions } from "./extract.js";
export { findPinpoints } from "./pinpoint.js";
export { extractStream, type TextSource } from "./stream.js";
export {
  CitationGraph, type Conflict, type GraphEdge, GraphEdgeSchema, type GraphJSON, GraphJSONSchema, type GraphNode, GraphNodeSchema,
} from "./graph.js";
export { normalize, type NormalizedText } from "./normalize.js";
export {
  canonicalKey, Registry, RegistryError, type RegistryRecord, RegistryRecordSchema, RegistryRowSchema, RegistryStatusSchema,
} from "./registry.js";
export {
  type Amendment, AmendmentSchema, CitationListSchema, CitationSchema, DiagnosticSchema, DocumentRecordSchema, MentionSchema, RelationSchema,
  PinpointPathSchema, PinpointSchema, ResolutionSchema, SeveritySchema, SpanSchema, StatedRelationSchema,
  type Citation, type Diagnostic, type DocumentRecord, type Mention, type Pinpoint, type PinpointPath, type Relation, type Span,
  type StatedRelation,
} from "./schema.js";
