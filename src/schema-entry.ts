/**
 * `vncite/schema`: the output contract as zod schemas (citations, documents, diagnostics, the graph's JSON and
 * JSON Lines, registry rows), to validate what vncite returns or what a program reads back. Apart from
 * `vncite` so that extracting loads no zod; the types are exported by `vncite` too.
 *
 * @module vncite/schema
 */
export * from "./schema.js";
export { AmendedBySchema, GraphEdgeSchema, GraphJSONSchema, GraphLineSchema, GraphNodeSchema, OccurrenceSchema } from "./graph/json.js";
export { RegistryRecordSchema, RegistryRowSchema, RegistryStatusSchema } from "./check/registry-schema.js";
