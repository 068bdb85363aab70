/**
 * Stage 7: graph. Documents from a whole corpus merged into one citation graph, one node per document by
 * canonical key, whatever variant spelled it.
 *
 *   const g = new CitationGraph();
 *   for (const text of texts) g.add(parseDocument(text, { id }));
 *   g.citedBy("20-NQ/TW"); g.chain("128-KH/HU"); g.missing(); g.conflicts();
 *
 * Stored compactly, for a million documents on one machine: every string once in a table, every occurrence
 * (a spelling of a node, the evidence of an edge) as four integers in typed columns, at most
 * EVIDENCE_PER_EDGE pieces of evidence per edge (the first by document and offset, whatever the order of
 * add()) and the count of the rest. Queries build the plain objects of GraphNode and GraphEdge on demand.
 *
 * By concern: store.ts (columns and primitives), ingest.ts (add), queries.ts, serialization.ts (JSON forms).
 */
import { GraphSerialization } from "./serialization.js";

export type { GraphEdge, GraphJSON, GraphLine, GraphNode, Occurrence } from "./json.js";
export { GraphError } from "./validate.js";
export { EVIDENCE_PER_EDGE } from "./store.js";
export { type GraphRecord, graphRecordOf } from "./ingest.js";
export { type Conflict, partySpelling } from "./queries.js";

/** A citation graph: add() documents, ask queries, write it out and read it back (fromJSON, fromJSONLines). */
export class CitationGraph extends GraphSerialization {}
