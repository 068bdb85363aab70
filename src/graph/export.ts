/**
 * Graph exports for other tools: DOT (Graphviz), GraphML (Gephi, yEd, graphology-graphml) and the CSV files
 * `neo4j-admin database import full` reads, for a corpus beyond one machine. Each takes the JSON form or a
 * CitationGraph (whose nodes() and edges() are made one at a time), and has a form by lines, to write a large
 * graph as it goes.
 */
import { VnciteError } from "../errors.js";
import type { GraphEdge, GraphNode } from "./json.js";

/** What the exports read: a GraphJSON, or a CitationGraph's nodes() and edges(). */
export interface GraphSource {
  nodes: Iterable<GraphNode> | (() => Iterable<GraphNode>);
  edges: Iterable<GraphEdge> | (() => Iterable<GraphEdge>);
}
// Called as methods, so that a CitationGraph's nodes() and edges() keep their `this`.
const nodesOf = (g: GraphSource): Iterable<GraphNode> => (typeof g.nodes === "function" ? g.nodes() : g.nodes);
const edgesOf = (g: GraphSource): Iterable<GraphEdge> => (typeof g.edges === "function" ? g.edges() : g.edges);
const joinLines = (lines: Iterable<string>) => {
  let out = "";
  for (const line of lines) out += `${line}\n`;
  return out;
};

// DOT strings: `"` and `\` escaped; line breaks written as DOT's own `\n`, `\r` (`\l` is not used), so that
// an id keeps them and the file keeps one statement a line.
const dotEscape = (s: string) => s.replace(/[\\"]/g, "\\$&").replace(/\r/g, "\\r").replace(/\n/g, "\\n");
const dotString = (s: string) => `"${dotEscape(s)}"`;

/** Graphviz DOT, a line at a time: documents in the corpus drawn solid, cited-only ones dashed; stated relations dashed. */
export function* dotLines(g: GraphSource): Generator<string> {
  yield* ["digraph citations {", "  rankdir=LR;", "  node [shape=box, fontname=Helvetica];"];
  for (const n of nodesOf(g)) {
    // `\n` in a DOT label is a line break.
    const label = n.kinds[0] ? `"${dotEscape(n.key)}\\n${dotEscape(n.kinds[0])}"` : dotString(n.key);
    yield `  ${dotString(n.key)} [label=${label}${n.texts.length === 0 ? ", style=dashed" : ""}];`;
  }
  for (const e of edgesOf(g)) {
    const style = e.count === 0 ? ", style=dashed" : "";
    yield `  ${dotString(e.from)} -> ${dotString(e.to)} [label=${dotString(e.relation)}${style}];`;
  }
  yield "}";
}

/** Graphviz DOT. */
export const toDot = (g: GraphSource): string => joinLines(dotLines(g));

// XML 1.0 cannot hold most control characters (a form feed from pdftotext's page breaks), U+FFFE, U+FFFF or a
// lone surrogate, even as a character reference: they are dropped. Tab, line feed and carriage return are
// written as references, so that attribute values (ids) keep them instead of reading back as spaces.
const NOT_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };
const xml = (s: string) => s.replace(NOT_XML, "").replace(/[&<>"\t\n\r]/g, (c) => XML_ESCAPES[c] as string);
const joined = (xs: string[]) => xs.join("; ");

/** GraphML, a line at a time, with typed attributes (lists joined with "; "). */
export function* graphMLLines(g: GraphSource): Generator<string> {
  const nodeKeys = [
    ["kind", "string"], ["typeCode", "string"], ["issuedBy", "string"], ["date", "string"], ["term", "string"],
    ["inCorpus", "boolean"], ["mentions", "int"],
  ] as const;
  const edgeKeys = [["relation", "string"], ["count", "int"], ["statedBy", "string"]] as const;
  yield* [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...nodeKeys.map(([k, t]) => `  <key id="${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    ...edgeKeys.map(([k, t]) => `  <key id="${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`),
    '  <graph id="citations" edgedefault="directed">',
  ];
  for (const n of nodesOf(g)) {
    const data: Record<string, string> = {
      kind: joined(n.kinds), typeCode: joined(n.typeCodes), issuedBy: joined(n.issuedBy), date: joined(n.dates),
      term: joined(n.terms), inCorpus: String(n.texts.length > 0), mentions: String(n.mentions),
    };
    yield `    <node id="${xml(n.key)}">`;
    for (const [k, v] of Object.entries(data)) if (v !== "") yield `      <data key="${k}">${xml(v)}</data>`;
    yield "    </node>";
  }
  let i = 0;
  for (const e of edgesOf(g)) {
    yield `    <edge id="e${i++}" source="${xml(e.from)}" target="${xml(e.to)}">`;
    yield* [`      <data key="relation">${e.relation}</data>`, `      <data key="count">${e.count}</data>`];
    if (e.statedBy.length > 0) yield `      <data key="statedBy">${xml(joined(e.statedBy))}</data>`;
    yield "    </edge>";
  }
  yield* ["  </graph>", "</graphml>"];
}

/** GraphML. */
export const toGraphML = (g: GraphSource): string => joinLines(graphMLLines(g));

/** A CSV field, quoted when it must be (RFC 4180). */
const csv = (v: string | number | boolean) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Array delimiters neo4j-admin can be given (`--array-delimiter`), the default first. */
const DELIMITERS = [";", "|", "¦", "\u001F"];
/**
 * When a graph's values hold all four: neo4j-admin takes any one character and has no escape inside an array,
 * so the first of the other C0 controls (not tab, line ends) and then the private-use characters that no value
 * holds. Texts hold neither in practice.
 */
function* spareDelimiters(): Generator<string> {
  for (let c = 1; c < 0x1f; c++) if (c !== 0x09 && c !== 0x0a && c !== 0x0d) yield String.fromCharCode(c);
  for (let c = 0xe000; c <= 0xf8ff; c++) yield String.fromCharCode(c);
}

/**
 * The array delimiter for a graph: `;` (neo4j-admin's default) unless a value in a list holds one, then the
 * first of `|`, `¦`, U+001F, then of the spare characters, that none holds, so that no value is cut in two.
 */
export function neo4jArrayDelimiter(g: GraphSource): string {
  const lists = function* () {
    for (const n of nodesOf(g)) yield* [n.kinds, n.typeCodes, n.issuedBy, n.dates, n.terms, n.subjects];
    for (const e of edgesOf(g)) yield e.statedBy;
  };
  const used = new Set<string>();
  for (const xs of lists()) for (const x of xs) for (const d of DELIMITERS) if (x.includes(d)) used.add(d);
  const free = DELIMITERS.find((d) => !used.has(d));
  if (free) return free;
  // A second pass, only then: every character the lists hold, once, so that each spare one is looked up.
  for (const xs of lists()) for (const x of xs) for (const ch of x) used.add(ch);
  for (const d of spareDelimiters()) if (!used.has(d)) return d;
  throw new VnciteError("no-array-delimiter", "toNeo4jCsv: every character neo4j-admin could take as the array delimiter occurs in a value");
}

const NODE_HEADER = "key:ID(Document),:LABEL,kinds:string[],typeCodes:string[],issuedBy:string[],dates:string[],terms:string[],subjects:string[],inCorpus:boolean,mentions:int";
const RELATIONSHIP_HEADER = ":START_ID(Document),:END_ID(Document),:TYPE,count:int,statedBy:string[]";
const upper = (r: string) => r.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();

/** documents.csv, a line at a time, lists joined with `delimiter` (see neo4jArrayDelimiter). */
export function* neo4jDocumentLines(g: GraphSource, delimiter = ";"): Generator<string> {
  yield NODE_HEADER;
  const array = (xs: string[]) => xs.join(delimiter);
  for (const n of nodesOf(g)) {
    yield [n.key, "Document", array(n.kinds), array(n.typeCodes), array(n.issuedBy), array(n.dates), array(n.terms), array(n.subjects), n.texts.length > 0, n.mentions]
      .map(csv)
      .join(",");
  }
}

/** relationships.csv, a line at a time: type = the relation in upper snake case (IMPLEMENTS, BASED_ON …). */
export function* neo4jRelationshipLines(g: GraphSource, delimiter = ";"): Generator<string> {
  yield RELATIONSHIP_HEADER;
  for (const e of edgesOf(g)) yield [e.from, e.to, upper(e.relation), e.count, e.statedBy.join(delimiter)].map(csv).join(",");
}

/** The command that imports the two files, with the array delimiter they were written with. */
export const neo4jImportCommand = (delimiter: string) =>
  `neo4j-admin database import full --nodes=Document=documents.csv --relationships=relationships.csv${delimiter === ";" ? "" : ` --array-delimiter=${shellDelimiter(delimiter)}`} neo4j`;

/** `'|'`, `'¦'`; a control or private-use character by its code (`'\u001F'`), which a shell script keeps as it is. */
const shellDelimiter = (d: string) => (d === "|" || d === "¦" ? `'${d}'` : `'\\u${d.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}'`);

/**
 * The files of `neo4j-admin database import full`: documents (label Document) and relationships, with typed
 * headers, and import.sh, the command with the array delimiter the lists were written with.
 */
export function toNeo4jCsv(g: GraphSource): { "documents.csv": string; "relationships.csv": string; "import.sh": string } {
  const delimiter = neo4jArrayDelimiter(g);
  return {
    "documents.csv": joinLines(neo4jDocumentLines(g, delimiter)),
    "relationships.csv": joinLines(neo4jRelationshipLines(g, delimiter)),
    "import.sh": `#!/bin/sh\n${neo4jImportCommand(delimiter)}\n`,
  };
}
