/**
 * The graph's JSON forms: one document (GraphJSONSchema, for small graphs) and JSON Lines (one document id,
 * alias, node or edge a line, for a graph of any size). Spans are checked: never negative, never inverted.
 * These zod schemas are `vncite/schema`'s; `vncite` reads the same shapes with the plain checks of validate.ts.
 */
import { z } from "zod";
import { AMENDMENT_ACTIONS } from "../enums.js";
import { PinpointPathSchema, RelationRuleSchema, RelationSchema } from "../schema.js";

// The types are the interfaces of types.ts (test/types.test.ts holds them equal to these schemas).
export type { GraphEdge, GraphJSON, GraphLine, GraphNode, Occurrence } from "../types.js";

/** A place in a corpus document: which document, where, and the text there. */
const offset = z.number().int().nonnegative().max(2 ** 31 - 1);
export const OccurrenceSchema = z
  .object({ doc: z.string(), start: offset, end: offset, text: z.string() })
  .refine((o) => o.start <= o.end, { message: "a span ends before it starts" });

export const AmendedBySchema = z.object({
  by: z.string(),
  action: z.enum(AMENDMENT_ACTIONS),
  paths: z.array(PinpointPathSchema),
  date: z.string().nullable(),
  evidence: OccurrenceSchema,
});

export const GraphNodeSchema = z.object({
  key: z.string(),
  /** Document types in words, and type codes, seen for this key. */
  kinds: z.array(z.string()),
  typeCodes: z.array(z.string()),
  /** Issuing bodies in words, dates, terms and subjects seen. */
  issuedBy: z.array(z.string()),
  dates: z.array(z.string()),
  terms: z.array(z.string()),
  subjects: z.array(z.string()),
  /** Ids of the corpus documents that are this document's own text (empty: cited only). */
  texts: z.array(z.string()),
  /** How many mentions point at it. */
  mentions: z.number().int().nonnegative(),
  /** Every spelling that resolved to this key (`77-CT/TU`, `77 CT/TU` for 77-CTr/TU), with where. */
  variants: z.array(OccurrenceSchema),
  /** What later documents changed in it: by whom, how, which part, from when, and where they say so. */
  amendedBy: z.array(AmendedBySchema),
});

export const GraphEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  relation: RelationSchema,
  /** Mentions behind the edge, over all citing documents. */
  count: z.number().int().nonnegative(),
  /** Documents that state this relation between two documents they cite (69-KL/TW continues 20-NQ/TW). */
  statedBy: z.array(z.string()),
  /** Where the edge is said: at most EVIDENCE_PER_EDGE places, the first by document id and offset. */
  evidence: z.array(OccurrenceSchema),
  /** How many more places say it than `evidence` keeps. */
  moreEvidence: z.number().int().nonnegative().default(0),
  /** The parts of the citing documents the relation was read from (`preamble`, `purpose`, `stated` …). */
  rules: z.array(RelationRuleSchema).default([]),
});

/** The JSON form of a graph: stable, sorted, read back losslessly by CitationGraph.fromJSON. */
export const GraphJSONSchema = z.object({
  format: z.literal("vncite-graph"),
  version: z.literal(1),
  documents: z.array(z.string()),
  /** Laws known by name and by number (`Luật doanh nghiệp năm 2020` = `59/2020/QH14`): one node, under the number. */
  aliases: z.array(z.object({ name: z.string(), key: z.string() })),
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
});

const count = z.number().int().nonnegative();
/**
 * One line of the JSON Lines form after the header: in this order, documents, aliases, nodes, edges, and last
 * the closing line with their counts (a file without it, or with other counts, was cut short).
 */
export const GraphLineSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("document"), id: z.string() }),
  z.object({ type: z.literal("alias"), name: z.string(), key: z.string() }),
  GraphNodeSchema.extend({ type: z.literal("node") }),
  GraphEdgeSchema.extend({ type: z.literal("edge") }),
  z.object({ type: z.literal("end"), documents: count, aliases: count, nodes: count, edges: count }),
]);
