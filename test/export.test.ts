// Every export read back by a real parser: a strict XML parser (saxes) for GraphML, csv-parse for the Neo4j
// files, a DOT grammar (@ts-graphviz/ast) for DOT; with keys and values that break naive writers.
import { parse as parseDot } from "@ts-graphviz/ast";
import { parse as parseCsv } from "csv-parse/sync";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { CitationGraph, type GraphRecord, toDot, toGraphML, toNeo4jCsv } from "../src/index.js";

/** A document citing `cites` (by identifier, with issuing bodies and subjects), and stating one relation. */
function record(id: string, cites: { key: string; issuedBy?: string; subject?: string }[], subject: string | null = null): GraphRecord {
  return {
    id, key: id, type: { value: "Kế hoạch" }, date: { value: "2024-01-02" }, subject: subject === null ? null : { value: subject },
    mentions: cites.map((c, i) => ({
      text: c.key, start: 10 * i, end: 10 * i + c.key.length, resolvedKey: c.key, resolvedBy: "identifier",
      citation: {
        key: c.key, nameKey: null, kind: "Nghị quyết", typeCode: "NQ", issuedBy: c.issuedBy ?? null, date: null, term: null, subject: c.subject ?? null,
        spans: { identifier: { text: c.key, start: 10 * i, end: 10 * i + c.key.length } },
      },
    })),
    cited: cites.map((c) => ({ key: c.key, relation: "implements", mentions: 1 })),
    amendments: [],
    statedRelations: cites.length > 1 ? [{ from: cites[0]?.key as string, to: cites[1]?.key as string, relation: "continues", evidence: { text: "tiếp tục", start: 500, end: 508 } }] : [],
  };
}

const KEYS = ["a\nb", "a b", "a\tb", "a\rb", 'say "x"', "<&>", "__proto__", "BNN&PTNT", "x\\y", "x\\\\y"];
const graph = () => {
  const g = new CitationGraph();
  g.add(record("plan/1", [
    { key: "20-NQ/TW", issuedBy: "Bộ Chính trị\fBan Chấp hành", subject: "về khoa học; công nghệ" },
    { key: "01/2024/TT-BNN&PTNT", issuedBy: "Bộ Nông nghiệp & Phát triển nông thôn\uFFFF" },
  ], "thực hiện; triển khai"));
  g.add(record("plan/2", KEYS.map((key) => ({ key }))));
  return g;
};

/** Nodes (id → data) and edges of a GraphML text, read by a strict XML parser (it throws on a character XML forbids). */
function readGraphML(text: string) {
  const parser = new SaxesParser();
  const nodes = new Map<string, Record<string, string>>();
  const edges: { source: string; target: string; data: Record<string, string> }[] = [];
  let data: Record<string, string> = {};
  let key: string | null = null;
  let value = "";
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name === "node") nodes.set(a.id as string, (data = {}));
    if (t.name === "edge") edges.push({ source: a.source as string, target: a.target as string, data: (data = {}) });
    if (t.name === "data") [key, value] = [a.key as string, ""];
  });
  parser.on("text", (t) => {
    if (key) value += t;
  });
  parser.on("closetag", (t) => {
    if (t.name === "data" && key) data[key] = value;
    if (t.name === "data") key = null;
  });
  parser.write(text).close();
  return { nodes, edges };
}

describe("GraphML", () => {
  it("is valid XML that keeps every key, line breaks and tabs included, and drops what XML cannot hold", () => {
    const json = graph().toJSON();
    const { nodes, edges } = readGraphML(toGraphML(json));
    expect([...nodes.keys()].sort()).toEqual(json.nodes.map((n) => n.key).sort());
    for (const k of KEYS) expect(nodes.has(k)).toBe(true);
    expect(nodes.get("01/2024/TT-BNN&PTNT")?.issuedBy).toBe("Bộ Nông nghiệp & Phát triển nông thôn");
    expect(nodes.get("20-NQ/TW")?.issuedBy).toBe("Bộ Chính trịBan Chấp hành"); // the form feed dropped
    expect(nodes.get("20-NQ/TW")?.mentions).toBe("1");
    expect(edges).toHaveLength(json.edges.length);
    expect(edges.find((e) => e.data.relation === "continues")).toMatchObject({ source: "20-NQ/TW", target: "01/2024/TT-BNN&PTNT" });
  });

  it("is the same from the graph's nodes() and edges() as from its JSON", () => {
    const g = graph();
    expect(toGraphML(g)).toBe(toGraphML(g.toJSON()));
    expect(toDot(g)).toBe(toDot(g.toJSON()));
  });
});

describe("Neo4j import files", () => {
  it("read back by a CSV parser to the same values, a `;` inside a value included", () => {
    const json = graph().toJSON();
    const files = toNeo4jCsv(json);
    // A subject and an issuing body hold `;`: lists are joined with `|` and the import command says so.
    expect(files["import.sh"]).toContain("--array-delimiter='|'");
    const docs: Record<string, string>[] = parseCsv(files["documents.csv"], { columns: true });
    const rels: Record<string, string>[] = parseCsv(files["relationships.csv"], { columns: true });
    const list = (s: string | undefined) => (s ? s.split("|") : []);
    expect(docs.map((d) => d["key:ID(Document)"])).toEqual(json.nodes.map((n) => n.key));
    for (const [i, n] of json.nodes.entries()) {
      const d = docs[i] as Record<string, string>;
      expect(list(d["subjects:string[]"])).toEqual(n.subjects);
      expect(list(d["issuedBy:string[]"])).toEqual(n.issuedBy);
      expect(d["inCorpus:boolean"]).toBe(String(n.texts.length > 0));
      expect(Number(d["mentions:int"])).toBe(n.mentions);
    }
    expect(docs.find((d) => d["key:ID(Document)"] === "plan/1")?.["subjects:string[]"]).toBe("thực hiện; triển khai");
    expect(rels.map((r) => [r[":START_ID(Document)"], r[":END_ID(Document)"], r[":TYPE"], Number(r["count:int"]), list(r["statedBy:string[]"])])).toEqual(
      json.edges.map((e) => [e.from, e.to, e.relation.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase(), e.count, e.statedBy]),
    );
  });

  it("keep neo4j-admin's default `;` when no value holds one", () => {
    const g = new CitationGraph();
    g.add(record("p", [{ key: "1-NQ/TW" }, { key: "2-NQ/TW" }]));
    const files = toNeo4jCsv(g);
    expect(files["import.sh"]).not.toContain("--array-delimiter");
    const rels: Record<string, string>[] = parseCsv(files["relationships.csv"], { columns: true });
    expect(rels.find((r) => r[":TYPE"] === "CONTINUES")?.["statedBy:string[]"]).toBe("p");
  });
});

describe("DOT", () => {
  it("parses by the DOT grammar, one distinct id per node", () => {
    const json = graph().toJSON();
    const ast = parseDot(toDot(json));
    const statements = ast.children[0]?.children ?? [];
    const ids = statements.filter((s) => s.type === "Node").map((s) => (s as { id: { value: string } }).id.value);
    expect(new Set(ids).size).toBe(json.nodes.length);
    expect(ids).toContain('say \\"x\\"'.replace(/\\"/g, '"'));
    expect(statements.filter((s) => s.type === "Edge")).toHaveLength(json.edges.length);
  });
});
