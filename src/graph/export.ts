/**
 * Graph exports for other tools: DOT (Graphviz), GraphML (Gephi, yEd, graphology-graphml) and the CSV files
 * `neo4j-admin database import full` reads, for a corpus beyond one machine.
 */
import type { GraphJSON } from "./graph.js";

const dotEscape = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
const dotString = (s: string) => `"${dotEscape(s)}"`;

/** Graphviz DOT: documents in the corpus drawn solid, cited-only ones dashed; stated relations dashed. */
export function toDot(g: GraphJSON): string {
  const lines = ["digraph citations {", "  rankdir=LR;", "  node [shape=box, fontname=Helvetica];"];
  for (const n of g.nodes) {
    // `\n` in a DOT string is a line break in the label.
    const label = n.kinds[0] ? `"${dotEscape(n.key)}\\n${dotEscape(n.kinds[0])}"` : dotString(n.key);
    lines.push(`  ${dotString(n.key)} [label=${label}${n.texts.length === 0 ? ", style=dashed" : ""}];`);
  }
  for (const e of g.edges) {
    const style = e.count === 0 ? ", style=dashed" : "";
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [label=${dotString(e.relation)}${style}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const joined = (xs: string[]) => xs.join("; ");

/** GraphML with typed attributes (lists joined with "; "). */
export function toGraphML(g: GraphJSON): string {
  const nodeKeys = [
    ["kind", "string"], ["typeCode", "string"], ["issuedBy", "string"], ["date", "string"], ["term", "string"],
    ["inCorpus", "boolean"], ["mentions", "int"],
  ] as const;
  const edgeKeys = [["relation", "string"], ["count", "int"], ["statedBy", "string"]] as const;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...nodeKeys.map(([k, t]) => `  <key id="${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    ...edgeKeys.map(([k, t]) => `  <key id="${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`),
    '  <graph id="citations" edgedefault="directed">',
  ];
  for (const n of g.nodes) {
    const data: Record<string, string> = {
      kind: joined(n.kinds), typeCode: joined(n.typeCodes), issuedBy: joined(n.issuedBy), date: joined(n.dates),
      term: joined(n.terms), inCorpus: String(n.texts.length > 0), mentions: String(n.mentions),
    };
    out.push(`    <node id="${xml(n.key)}">`);
    for (const [k, v] of Object.entries(data)) if (v !== "") out.push(`      <data key="${k}">${xml(v)}</data>`);
    out.push("    </node>");
  }
  g.edges.forEach((e, i) => {
    out.push(`    <edge id="e${i}" source="${xml(e.from)}" target="${xml(e.to)}">`);
    out.push(`      <data key="relation">${e.relation}</data>`, `      <data key="count">${e.count}</data>`);
    if (e.statedBy.length > 0) out.push(`      <data key="statedBy">${xml(joined(e.statedBy))}</data>`);
    out.push("    </edge>");
  });
  out.push("  </graph>", "</graphml>");
  return `${out.join("\n")}\n`;
}

/** A CSV field, quoted when it must be (RFC 4180). */
const csv = (v: string | number | boolean) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
/** Lists inside a field, for neo4j-admin's --array-delimiter=";" (the default). */
const array = (xs: string[]) => xs.map((x) => x.replace(/;/g, ",")).join(";");

/**
 * The two files of `neo4j-admin database import full`: documents (label Document) and relationships (type =
 * the relation in upper snake case: IMPLEMENTS, BASED_ON …), with typed headers.
 */
export function toNeo4jCsv(g: GraphJSON): { "documents.csv": string; "relationships.csv": string } {
  const nodes = [
    "key:ID(Document),:LABEL,kinds:string[],typeCodes:string[],issuedBy:string[],dates:string[],terms:string[],subjects:string[],inCorpus:boolean,mentions:int",
    ...g.nodes.map((n) =>
      [n.key, "Document", array(n.kinds), array(n.typeCodes), array(n.issuedBy), array(n.dates), array(n.terms), array(n.subjects), n.texts.length > 0, n.mentions]
        .map(csv)
        .join(","),
    ),
  ];
  const upper = (r: string) => r.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
  const rels = [
    ":START_ID(Document),:END_ID(Document),:TYPE,count:int,statedBy:string[]",
    ...g.edges.map((e) => [e.from, e.to, upper(e.relation), e.count, array(e.statedBy)].map(csv).join(",")),
  ];
  return { "documents.csv": `${nodes.join("\n")}\n`, "relationships.csv": `${rels.join("\n")}\n` };
}
