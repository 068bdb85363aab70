/**
 * Fast checks of the graph's JSON as it is read back (a million nodes, tens of millions of occurrences):
 * plain type tests in a loop; when one fails, zod's schema says precisely what and where.
 */
import type { z } from "zod";
import { RelationRuleSchema, RelationSchema } from "../schema.js";
import { AmendedBySchema, type GraphEdge, GraphError, type GraphLine, GraphLineSchema, type GraphNode } from "./json.js";

const RELATIONS: ReadonlySet<unknown> = new Set(RelationSchema.options);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");
const isOccurrence = (o: unknown) => {
  const x = o as Record<string, unknown> | null;
  return typeof x === "object" && x !== null && typeof x.doc === "string" && typeof x.text === "string" && isCount(x.start) && isCount(x.end) && (x.start as number) <= (x.end as number);
};
const isOccurrences = (v: unknown) => Array.isArray(v) && v.every(isOccurrence);

function isNode(x: Record<string, unknown>): boolean {
  return typeof x.key === "string" && isStrings(x.kinds) && isStrings(x.typeCodes) && isStrings(x.issuedBy) && isStrings(x.dates) && isStrings(x.terms)
    && isStrings(x.subjects) && isStrings(x.texts) && isCount(x.mentions) && isOccurrences(x.variants) && Array.isArray(x.amendedBy)
    && x.amendedBy.every((a) => AmendedBySchema.safeParse(a).success);
}

function isEdge(x: Record<string, unknown>): boolean {
  return typeof x.from === "string" && typeof x.to === "string" && RELATIONS.has(x.relation) && isCount(x.count) && isStrings(x.statedBy)
    && isOccurrences(x.evidence) && (x.moreEvidence === undefined || isCount(x.moreEvidence))
    && (x.rules === undefined || (Array.isArray(x.rules) && x.rules.every((r) => RelationRuleSchema.safeParse(r).success)));
}

/** What zod says is wrong with a value, in one line. */
const problems = (error: z.ZodError) => error.issues.map((i) => `${i.path.join(".") || "(line)"}: ${i.message}`).join("; ");

/** A line of the JSON Lines form, checked; a GraphError says what is wrong. */
export function checkLine(value: unknown): GraphLine {
  const x = value as Record<string, unknown> | null;
  if (typeof x === "object" && x !== null) {
    const ok = x.type === "node" ? isNode(x)
      : x.type === "edge" ? isEdge(x)
      : x.type === "document" ? typeof x.id === "string"
      : x.type === "alias" && typeof x.name === "string" && typeof x.key === "string";
    if (ok) {
      if (x.type === "edge" && x.moreEvidence === undefined) x.moreEvidence = 0;
      if (x.type === "edge" && x.rules === undefined) x.rules = [];
      return x as GraphLine;
    }
  }
  const parsed = GraphLineSchema.safeParse(value);
  throw new GraphError(parsed.success ? "not a graph line" : problems(parsed.error));
}

/** A node of the single-document JSON, checked (`at` names it in the error). */
export function checkNode(value: unknown, at: string): GraphNode {
  try {
    return checkLine({ ...(value as object), type: "node" }) as GraphNode;
  } catch (e) {
    throw e instanceof GraphError ? new GraphError(`${at}: ${e.message}`) : e;
  }
}

/** An edge of the single-document JSON, checked. */
export function checkEdge(value: unknown, at: string): GraphEdge {
  try {
    return checkLine({ ...(value as object), type: "edge" }) as GraphEdge;
  } catch (e) {
    throw e instanceof GraphError ? new GraphError(`${at}: ${e.message}`) : e;
  }
}
