/** vncite: find, parse and cross-check references to Vietnamese administrative and legal documents. */
export { extract, type ExtractOptions } from "./extract.js";
export { normalize, type NormalizedText } from "./normalize.js";
export {
  CitationListSchema, CitationSchema, DiagnosticSchema, RelationSchema, SeveritySchema, SpanSchema,
  type Citation, type Diagnostic, type Relation, type Span,
} from "./schema.js";
