/**
 * Checks of the graph's JSON as it is read back (a million nodes, tens of millions of occurrences), in plain
 * code so that `vncite` loads no zod: each check returns null when the value is right, else what was expected
 * and where (`evidence.0.start: expected a whole number ≥ 0, got -1`). The zod schemas of the same shapes are
 * in json.ts, for `vncite/schema`; a test holds the two to the same verdicts.
 */
import { VnciteError } from "../errors.js";
import { ALIAS_SOURCES, AMENDMENT_ACTIONS, KEY_SOURCES, RELATION_RULES, RELATIONS } from "../enums.js";
import type { GraphEdge, GraphLine, GraphNode } from "./json.js";

/** A graph that does not hold together: a duplicate or missing node, a malformed record or line. */
export class GraphError extends VnciteError {
  constructor(message: string) {
    super("invalid-graph", message);
  }
}

/** The first line of the JSON Lines form. */
export const GRAPH_LINES_HEADER = { format: "vncite-graph-lines", version: 1 } as const;

/** What is wrong with a value: where in it (field names and list indexes) and what was expected there. */
interface Problem {
  path: (string | number)[];
  message: string;
}
type Check = (value: unknown) => Problem | null;
type Fields = Record<string, unknown>;

const shown = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "string" ? JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v)
  : typeof v === "number" ? String(v) : typeof v;
const expected = (what: string, v: unknown): Problem => ({ path: [], message: `expected ${what}, got ${shown(v)}` });
const within = (key: string | number, p: Problem | null): Problem | null => (p ? { path: [key, ...p.path], message: p.message } : null);
const isFields = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The largest offset into a text: a JavaScript string holds fewer than 2³⁰ code units, and the graph stores
 * offsets as 32-bit integers. Counts are stored whole (up to 2⁵³).
 */
export const MAX_OFFSET = 2 ** 31 - 1;

const text: Check = (v) => (typeof v === "string" ? null : expected("a string", v));
const count: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : expected("a whole number ≥ 0", v));
const offset: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_OFFSET ? null : expected(`a whole number from 0 to ${MAX_OFFSET}`, v));
const optional = (check: Check): Check => (v) => (v === undefined ? null : check(v));
const nullable = (check: Check): Check => (v) => (v === null ? null : check(v));
const literal = (value: string): Check => (v) => (v === value ? null : expected(JSON.stringify(value), v));

function oneOf(values: readonly string[]): Check {
  const allowed: ReadonlySet<unknown> = new Set(values);
  const names = values.map((x) => JSON.stringify(x));
  const what = `one of ${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  return (v) => (allowed.has(v) ? null : expected(what, v));
}

function list(item: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return expected("a list", v);
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i]);
      if (p) return within(i, p);
    }
    return null;
  };
}

/** An object with these fields (others are let through), then `rule` over the whole when each field is right. */
function record(fields: Record<string, Check>, rule?: (o: Fields) => string | null): Check {
  const entries = Object.entries(fields);
  return (v) => {
    if (!isFields(v)) return expected("an object", v);
    for (const [key, check] of entries) {
      const p = check(v[key]);
      if (p) return within(key, p);
    }
    const broken = rule?.(v);
    return broken ? { path: [], message: broken } : null;
  };
}

const texts = list(text);
const inOrder = (o: Fields) => ((o.start as number) <= (o.end as number) ? null : "a span ends before it starts");
const occurrence = record({ doc: text, start: offset, end: offset, text }, inOrder);
/** The parts of a pinpoint path, as PinpointPathSchema has them. */
const pinpointPath = record(Object.fromEntries(["appendix", "chapter", "section", "article", "clause", "point"].map((k) => [k, optional(text)])));
const action = oneOf(AMENDMENT_ACTIONS);
const relation = oneOf(RELATIONS);
const amendedBy = record({ by: text, action, paths: list(pinpointPath), date: nullable(text), evidence: occurrence });

const node = record({
  key: text, title: optional(text), kinds: texts, typeCodes: texts, issuedBy: texts, dates: texts, terms: texts, subjects: texts, texts,
  mentions: count, variants: list(occurrence), amendedBy: list(amendedBy),
});
const edge = record({
  from: text, to: text, relation, count, statedBy: texts, evidence: list(occurrence),
  moreEvidence: optional(count), rules: optional(list(oneOf(RELATION_RULES))),
});
/** The closing line of the JSON Lines form: how many lines of each kind came before it. */
const end = record({ documents: count, aliases: count, nodes: count, edges: count });
const LINES: Record<string, Check> = {
  document: record({ id: text }),
  alias: record({ name: text, key: text, source: optional(oneOf(ALIAS_SOURCES)) }),
  node,
  edge,
  end,
};
const lineType = oneOf(Object.keys(LINES));

/** What is wrong with a line of the JSON Lines form, or null. */
function lineProblem(value: unknown): Problem | null {
  if (!isFields(value)) return expected("an object", value);
  const type = value.type;
  return typeof type === "string" && Object.hasOwn(LINES, type) ? (LINES[type] as Check)(value) : within("type", lineType(type));
}

const say = (p: Problem) => (p.path.length > 0 ? `${p.path.join(".")}: ${p.message}` : p.message);

/** A line of the JSON Lines form, checked; a GraphError says what is wrong and where. */
export function checkLine(value: unknown): GraphLine {
  const problem = lineProblem(value);
  if (problem) throw new GraphError(say(problem));
  const x = value as Fields;
  if (x.type === "edge") {
    x.moreEvidence ??= 0;
    x.rules ??= [];
  }
  return x as unknown as GraphLine;
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

const anything: Check = () => null;
const graphHead = record({
  format: literal("vncite-graph"), version: (v) => (v === 1 ? null : expected("1", v)),
  documents: list(anything), aliases: list(anything), nodes: list(anything), edges: list(anything),
});

/** Throws a GraphError unless `json` is the single-document JSON form on its face (its lists are checked one by one after). */
export function checkGraphHead(json: unknown): void {
  const problem = graphHead(json);
  if (problem) throw new GraphError(`not a vncite graph: ${problem.path.length > 0 ? say(problem) : problem.message}`);
}

/*
 * What CitationGraph.add() takes (a GraphRecord, or a whole DocumentRecord), with the same checks as the lines
 * read back: what add() accepts, the graph writes and reads again. Fields the graph does not store may be absent.
 */
const maybe = (check: Check): Check => (v) => (v === undefined || v === null ? null : check(v));
const span = record({ text, start: offset, end: offset }, inOrder);
const rule = maybe(oneOf(RELATION_RULES));
const citation = record({
  key: maybe(text), nameKey: maybe(text), kind: maybe(text), typeCode: maybe(text), issuedBy: maybe(text), issuedByKey: maybe(text),
  date: maybe(text), term: maybe(text), subject: maybe(text), title: maybe(text), keySource: maybe(oneOf(KEY_SOURCES)),
  spans: record({ identifier: maybe(span) }),
});
const graphRecord = record({
  id: maybe(text), key: maybe(text),
  type: maybe(record({ value: maybe(text) })), date: maybe(record({ value: maybe(text) })), subject: maybe(record({ value: maybe(text) })),
  mentions: list(record({ text, start: offset, end: offset, resolvedKey: maybe(text), resolvedBy: maybe(text), citation: maybe(citation) }, inOrder)),
  cited: list(record({ key: text, relation, mentions: count, rule })),
  amendments: list(record({ action, target: text, pinpoint: maybe(record({ paths: list(pinpointPath) })), date: maybe(text), span })),
  statedRelations: list(record({ from: text, to: text, relation, evidence: span, rule })),
});

/** What is wrong with a record given to add() (`cited.0.mentions: expected a whole number ≥ 0, got -5`), or null. */
export function recordProblem(value: unknown): string | null {
  const problem = graphRecord(value);
  return problem && say(problem);
}
