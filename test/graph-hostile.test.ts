// Keys that are object-property names, records that are damaged, JSON that does not hold together, and the
// evidence kept per edge: the graph answers, refuses with a GraphError naming what, or counts what it drops.
import { describe, expect, it } from "vitest";
import { CitationGraph, EVIDENCE_PER_EDGE, GraphError, type GraphJSON, type GraphRecord, parseDocument } from "../src/index.js";

const HOSTILE = ["__proto__", "constructor", "toString", "hasOwnProperty", "prototype", "valueOf", "a\nb", "a b", ""];

/** A document `id` (key = id) citing `cites`, one mention each, at offsets 10, 30, 50 … */
function record(id: string, cites: string[], relation: GraphRecord["cited"][number]["relation"] = "implements"): GraphRecord {
  const mentions = cites.map((key, i) => {
    const start = 10 + 20 * i;
    return { text: `số ${key}`, start, end: start + 3 + key.length, resolvedKey: key, resolvedBy: "identifier", citation: null };
  });
  return {
    id, key: id, type: null, date: null, subject: null, mentions, cited: [...new Set(cites)].map((key) => ({ key, relation, mentions: cites.filter((c) => c === key).length })),
    amendments: [], statedRelations: [],
  };
}

describe("any string is a key", () => {
  it("adds and queries documents named like object properties", () => {
    const g = new CitationGraph();
    // Each hostile key cites the next one, and `root` cites them all.
    HOSTILE.forEach((k, i) => expect(g.add(record(k, i + 1 < HOSTILE.length ? [HOSTILE[i + 1] as string] : []))).toBe(true));
    g.add(record("root", HOSTILE));
    expect(g.order).toBe(HOSTILE.length + 1);
    expect(g.citedBy("constructor").map((e) => e.from)).toEqual(["__proto__", "root"]);
    expect(g.cites("__proto__").map((e) => e.to)).toEqual(["constructor"]);
    expect(g.chain("__proto__").map((s) => s.key)).toEqual(HOSTILE.slice(1));
    expect(g.descendants("toString").map((s) => s.key).sort()).toEqual(["__proto__", "constructor", "root"]);
    expect(g.path("__proto__", "")).toEqual(HOSTILE);
    // Ties (cited by 2, 2 mentions) go by key, in code-unit order: "a\nb" before "a b" before "constructor".
    expect(g.mostCited(3).map((r) => r.key)).toEqual(["a\nb", "a b", "constructor"]);
    expect(g.getNode("a\nb")?.key).toBe("a\nb");
    expect(g.getNode("a b")?.key).toBe("a b");
    expect(g.missing()).toEqual([]);
    const back = CitationGraph.fromJSON(JSON.parse(JSON.stringify(g.toJSON())));
    expect(back.toJSON()).toEqual(g.toJSON());
    expect(back.citedBy("prototype").map((e) => e.from)).toEqual(["hasOwnProperty", "root"]);
  });

  it("takes a parsed text whose id is __proto__", () => {
    const g = new CitationGraph();
    g.add(parseDocument("Căn cứ Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Bộ Chính trị.", { id: "__proto__" }));
    expect(g.citedBy("20-NQ/TW").map((e) => e.from)).toEqual(["__proto__"]);
    expect(g.descendants("20-NQ/TW")).toEqual([{ key: "__proto__", depth: 1, from: "20-NQ/TW", relation: "basedOn" }]);
  });
});

describe("damaged records and JSON", () => {
  it("leaves nothing behind when add() fails, so the id can be added after", () => {
    const g = new CitationGraph();
    const broken = { ...record("d1", ["X"]), cited: [{ key: "X", relation: "cites", mentions: 1 }] } as unknown as GraphRecord;
    expect(() => g.add(broken)).toThrow(GraphError);
    expect(() => g.add({ ...record("d1", ["X"]), mentions: [{ text: "X", start: 5, end: 2 }] } as unknown as GraphRecord)).toThrow(/d1.*span/);
    expect(g.order).toBe(0);
    expect(g.toJSON().documents).toEqual([]);
    expect(g.add(record("d1", ["X"]))).toBe(true);
    expect(g.citedBy("X").map((e) => e.from)).toEqual(["d1"]);
  });

  const valid = (): GraphJSON => {
    const g = new CitationGraph();
    g.add(record("a", ["b", "b"]));
    return g.toJSON();
  };

  it("rejects negative and inverted spans", () => {
    const negative = valid();
    (negative.edges[0]?.evidence[0] as { start: number }).start = -1;
    expect(() => CitationGraph.fromJSON(negative)).toThrow(/edges\.0: evidence\.0\.start/);
    const inverted = valid();
    const v = inverted.nodes.find((n) => n.key === "b")?.variants[1] as { start: number; end: number };
    [v.start, v.end] = [v.end, v.start];
    expect(() => CitationGraph.fromJSON(inverted)).toThrow(/nodes\.1: variants\.1.*ends before it starts/);
  });

  it("names a duplicate or missing node", () => {
    const duplicate = valid();
    duplicate.nodes.push(duplicate.nodes[0] as GraphJSON["nodes"][number]);
    expect(() => CitationGraph.fromJSON(duplicate)).toThrow(new GraphError('nodes.2: duplicate node "a"'));
    const dangling = valid();
    dangling.nodes = dangling.nodes.filter((n) => n.key !== "b");
    expect(() => CitationGraph.fromJSON(dangling)).toThrow(new GraphError('edges.0: edge "a" → "b" (implements): no node "b"'));
    const twice = valid();
    twice.edges.push(twice.edges[0] as GraphJSON["edges"][number]);
    expect(() => CitationGraph.fromJSON(twice)).toThrow(/edges\.1: duplicate edge "a" → "b"/);
    expect(() => CitationGraph.fromJSON({ format: "other" })).toThrow(GraphError);
    expect(() => CitationGraph.fromJSON(null)).toThrow(/not a vncite graph/);
  });

  it("writes the same bytes after a round trip, amendment spans and paths included", () => {
    const g = new CitationGraph();
    const text = "Nghị định số 10/2024/NĐ-CP\n\nĐiều 1. Sửa đổi, bổ sung khoản 2 Điều 3 của Nghị định số 171/2016/NĐ-CP như sau:\n";
    g.add(parseDocument(text, { id: "amending" }));
    const once = JSON.stringify(g.toJSON());
    expect(JSON.stringify(CitationGraph.fromJSON(JSON.parse(once)).toJSON())).toBe(once);
    expect(g.amendmentsOf("171/2016/NĐ-CP")[0]?.paths).toEqual([{ article: "3", clause: "2" }]);
  });
});

describe("evidence kept per edge", () => {
  // Document `hub` cites X from 40 places; EVIDENCE_PER_EDGE are kept, the first by offset, and the rest counted.
  const many = Array.from({ length: 40 }, () => "X");

  it("keeps the first places and counts the rest, whatever the order of add()", () => {
    const g = new CitationGraph();
    g.add(record("hub", many));
    const [edge] = g.cites("hub");
    expect(edge?.count).toBe(40);
    expect(edge?.evidence).toHaveLength(EVIDENCE_PER_EDGE);
    expect(edge?.moreEvidence).toBe(40 - EVIDENCE_PER_EDGE);
    expect(edge?.evidence.map((e) => e.start)).toEqual(Array.from({ length: EVIDENCE_PER_EDGE }, (_, i) => 10 + 20 * i));
    // Two documents with one key (a text filed twice): their evidence merges, again the first by document and offset.
    const a = new CitationGraph();
    const b = new CitationGraph();
    const second = { ...record("hub-copy", many.slice(0, 20)), key: "hub" };
    a.add(record("hub", many));
    a.add(second);
    b.add(second);
    b.add(record("hub", many));
    expect(a.toJSON()).toEqual(b.toJSON());
    const merged = a.cites("hub")[0];
    expect(merged?.count).toBe(60);
    expect(merged?.evidence.every((e) => e.doc === "hub")).toBe(true);
    expect(merged?.moreEvidence).toBe(60 - EVIDENCE_PER_EDGE);
    expect(CitationGraph.fromJSON(JSON.parse(JSON.stringify(a.toJSON()))).cites("hub")).toEqual(a.cites("hub"));
  });
});
