// Issue 26, the graph's side: what add() takes is what the readers take, written and read back whole; a file
// cut short anywhere is refused; the reader picks a line's kind by its `type`; counts are kept whole.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CitationGraph, GraphError, type GraphJSON, type GraphRecord, parseDocument } from "../src/index.js";

const RUNS = { seed: 26, numRuns: 60, endOnFailure: true };

/** A document `id` citing each key once, at offsets 10, 30, 50 … */
function record(id: string, cites: string[]): GraphRecord {
  const mentions = cites.map((key, i) => ({ text: `số ${key}`, start: 10 + 20 * i, end: 13 + 20 * i + key.length, resolvedKey: key, resolvedBy: "identifier", citation: null }));
  return {
    id, key: id, type: null, date: null, subject: null, mentions, cited: cites.map((key) => ({ key, relation: "implements" as const, mentions: 1 })),
    amendments: [], statedRelations: [],
  };
}

/** A small graph from the seeds (real texts: amendments, stated relations, aliases where they have them). */
function seedsGraph(): CitationGraph {
  const g = new CitationGraph();
  for (const name of ["000_1db0ab688705c645", "001_57220ce583489b87", "002_279a46a1877946ee", "003_6b9bd3cf6ac8b3f4"]) {
    let text: string;
    try {
      text = readFileSync(`fixtures/${name}.txt`, "utf8");
    } catch {
      continue;
    }
    g.add(parseDocument(text, { id: name }));
  }
  g.add(record("plan", ["20-NQ/TW", "69-KL/TW"]));
  return g;
}

describe("a JSON Lines graph cut short (item 1)", () => {
  const g = seedsGraph();
  const lines = [...g.toJSONLines()];

  it("closes with the counts of what came before", () => {
    const json = g.toJSON();
    expect(JSON.parse(lines.at(-1) as string)).toEqual({
      type: "end", documents: json.documents.length, aliases: json.aliases.length, nodes: json.nodes.length, edges: json.edges.length,
    });
  });

  it("is refused when cut at any line, with or without a last newline, saying it was cut short", async () => {
    expect(lines.length).toBeGreaterThan(20);
    for (let k = 1; k < lines.length; k++) {
      await expect(CitationGraph.fromJSONLines(lines.slice(0, k)), `cut after line ${k}`).rejects.toThrow(/without its closing line.*cut short/);
      await expect(CitationGraph.fromJSONLines(`${lines.slice(0, k).join("\n")}\n`)).rejects.toThrow(GraphError);
    }
    expect((await CitationGraph.fromJSONLines(lines)).toJSON()).toEqual(g.toJSON());
  });

  it("is refused when a line is missing in the middle (the counts do not match)", async () => {
    const doc = lines.findIndex((l) => l.startsWith('{"type":"document"'));
    const edgeless = lines.filter((l) => !l.startsWith('{"type":"edge"'));
    await expect(CitationGraph.fromJSONLines([...lines.slice(0, doc), ...lines.slice(doc + 1)])).rejects.toThrow(/closing line does not match.*documents, read/);
    await expect(CitationGraph.fromJSONLines(edgeless)).rejects.toThrow(/edges, read 0/);
  });

  it("is refused, merged with another graph, when the first has no closing line", async () => {
    await expect(CitationGraph.fromJSONLines([...lines.slice(0, -1), ...lines], { merge: true })).rejects.toThrow(
      new GraphError(`line ${lines.length}: a graph begins before the one above has its closing line: that one was cut short`),
    );
  });

  it("is refused with a line after the closing line", async () => {
    await expect(CitationGraph.fromJSONLines([...lines, lines[1] as string])).rejects.toThrow(/after the closing line/);
  });
});

describe("the reader picks a line's kind by its type (item 7)", () => {
  const lines = [...(() => {
    const g = new CitationGraph();
    g.add(record("a", ["b"]));
    return g;
  })().toJSONLines()];
  const withExtra = (type: string, extra: object) => lines.map((l) => (JSON.parse(l).type === type ? JSON.stringify({ ...JSON.parse(l), ...extra }) : l));

  it("keeps a node with an extra id a node, an edge with an extra id or key an edge", async () => {
    const nodeWithId = await CitationGraph.fromJSONLines(withExtra("node", { id: "x" }));
    expect(nodeWithId.getNode("b")?.key).toBe("b");
    expect(nodeWithId.toJSON().documents).toEqual(["a"]);
    const edgeWithId = await CitationGraph.fromJSONLines(withExtra("edge", { id: "x" }));
    expect(edgeWithId.citedBy("b").map((e) => e.from)).toEqual(["a"]);
    const edgeWithKey = await CitationGraph.fromJSONLines(withExtra("edge", { key: "x" }));
    expect(edgeWithKey.citedBy("b").map((e) => e.from)).toEqual(["a"]);
  });
});

describe("add() takes what the graph can write and read back, and changes nothing when it refuses (item 8)", () => {
  const base = (): GraphRecord => ({
    ...record("d1", ["X"]),
    amendments: [{ action: "amends", target: "X", pinpoint: { paths: [{ article: "3" }] }, date: "2024-01-02", span: { text: "sửa đổi", start: 40, end: 47 } }],
  });
  const broken: [string, (r: GraphRecord) => unknown][] = [
    ["pinpoint.paths a string", (r) => ((r.amendments[0] as { pinpoint: unknown }).pinpoint = { paths: "bad" })],
    ["a citation's spans null", (r) => ((r.mentions[0] as { citation: unknown }).citation = { key: "X", spans: null })],
    ["action bogus", (r) => ((r.amendments[0] as { action: string }).action = "bogus")],
    ["a numeric path part", (r) => ((r.amendments[0] as { pinpoint: unknown }).pinpoint = { paths: [{ article: 3 }] })],
    ["a numeric date", (r) => ((r.amendments[0] as { date: unknown }).date = 20240102)],
    ["mentions -5", (r) => ((r.cited[0] as { mentions: number }).mentions = -5)],
    ["a span start past 2³¹", (r) => Object.assign(r.mentions[0] as object, { start: 2 ** 31, end: 2 ** 31 + 2 })],
  ];

  it.each(broken)("refuses %s before changing anything; the corrected record is then added", (_, breakIt) => {
    const g = new CitationGraph();
    const bad = base();
    breakIt(bad);
    expect(() => g.add(bad)).toThrow(GraphError);
    expect(g.toJSON()).toEqual({ format: "vncite-graph", version: 1, documents: [], aliases: [], nodes: [], edges: [] });
    expect(g.add(base())).toBe(true);
    expect(g.amendmentsOf("X").map((a) => a.paths)).toEqual([[{ article: "3" }]]);
  });

  it("says which field is wrong", () => {
    const bad = base();
    (bad.cited[0] as { mentions: number }).mentions = -5;
    expect(() => new CitationGraph().add(bad)).toThrow('CitationGraph.add: document "d1": cited.0.mentions: expected a whole number ≥ 0, got -5');
  });
});

describe("counts kept whole (item 9)", () => {
  it("gives back a node's mentions of 2³¹ and an edge's count of 2³²+1 as they were, after a round trip too", async () => {
    const g = new CitationGraph();
    const r = record("a", ["b"]);
    (r.cited[0] as { mentions: number }).mentions = 2 ** 32 + 1;
    g.add(r);
    const json = g.toJSON();
    (json.nodes.find((n) => n.key === "b") as { mentions: number }).mentions = 2 ** 31;
    const back = CitationGraph.fromJSON(json);
    expect(back.getNode("b")?.mentions).toBe(2 ** 31);
    expect(back.citedBy("b")[0]?.count).toBe(2 ** 32 + 1);
    const lines = await CitationGraph.fromJSONLines([...back.toJSONLines()]);
    expect(lines.citedBy("b")[0]?.count).toBe(2 ** 32 + 1);
  });

  it("refuses an offset past 2³¹ − 1 in a graph read back, instead of storing it negative", () => {
    const g = new CitationGraph();
    g.add(record("a", ["b"]));
    const json = g.toJSON();
    Object.assign(json.edges[0]?.evidence[0] as object, { start: 2 ** 31, end: 2 ** 31 + 3 });
    expect(() => CitationGraph.fromJSON(json)).toThrow(/edges\.0: evidence\.0\.start: expected a whole number from 0 to 2147483647/);
  });
});

describe("what the readers say of a damaged file (items 21, 23) and a JSON text", () => {
  const g = new CitationGraph();
  g.add(record("a", ["b"]));

  it("reads a JSON Lines graph that starts with a byte-order mark", async () => {
    const text = `\uFEFF${[...g.toJSONLines()].join("\n")}\n`;
    expect((await CitationGraph.fromJSONLines(text)).toJSON()).toEqual(g.toJSON());
  });

  it("reads the JSON form from its text, and says a text cut short was cut short", () => {
    const text = JSON.stringify(g.toJSON(), null, 1);
    expect(CitationGraph.fromJSON(text).toJSON()).toEqual(g.toJSON());
    expect(() => CitationGraph.fromJSON(text.slice(0, text.length / 2))).toThrow(new GraphError("not JSON: the text ends before the JSON does (cut short?)"));
  });

  it("refuses non-string lines and a source that is no text or lines with a GraphError, not a TypeError", async () => {
    await expect(CitationGraph.fromJSONLines([1, 2] as unknown as string[])).rejects.toThrow(new GraphError("line 1: expected a string, got number"));
    await expect(CitationGraph.fromJSONLines(null as unknown as string)).rejects.toThrow(GraphError);
    await expect(CitationGraph.fromJSONLines(42 as unknown as string)).rejects.toThrow(/expected a string or lines, got number/);
  });
});

describe("the JSON form written a line at a time (item 14)", () => {
  it("is the same text as JSON.stringify(toJSON(), null, 1), empty sections too", () => {
    for (const g of [seedsGraph(), new CitationGraph()]) expect([...g.toJSONText()].join("\n")).toBe(JSON.stringify(g.toJSON(), null, 1));
  });
});

describe("add() ∘ write ∘ read = identity for whatever add() accepts (fast-check, fixed seed)", () => {
  const str = fc.oneof(fc.constantFrom("__proto__", "a\nb", "", "20-NQ/TW", "Luật Đất đai", "x\u2028y"), fc.string({ unit: "binary", maxLength: 8 }));
  const small = fc.oneof(fc.nat({ max: 5 }), fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 40));
  const span = fc.tuple(fc.nat({ max: 2 ** 31 - 1 }), fc.nat({ max: 50 }), str).map(([start, len, text]) => ({ text, start: Math.min(start, 2 ** 31 - 1 - len), end: Math.min(start, 2 ** 31 - 1 - len) + len }));
  const relation = fc.constantFrom("mentions", "basedOn", "implements", "continues", "guides", "amends", "replaces", "repeals", "corrects" as const);
  const rule = fc.constantFrom(null, "preamble", "purpose", "article", "list-item", "stated", "portal-note" as const);
  const part = fc.option(str, { nil: undefined });
  const path = fc.record({ article: part, clause: part, point: part }).map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));
  const citation = fc.option(fc.record({
    key: fc.option(str), nameKey: fc.option(str), kind: fc.option(str), typeCode: fc.option(str), issuedBy: fc.option(str), date: fc.option(str),
    term: fc.option(str), subject: fc.option(str), spans: fc.record({ identifier: fc.option(span) }),
  }));
  const graphRecord = fc.record({
    id: str, key: fc.option(str), type: fc.option(fc.record({ kind: str })), date: fc.option(fc.record({ iso: fc.option(str) })), subject: fc.option(fc.record({ text: str })),
    mentions: fc.array(fc.tuple(span, fc.option(str), fc.constantFrom("identifier", "self", "name"), citation).map(([s, resolvedKey, resolvedBy, c]) => ({ ...s, resolvedKey, resolvedBy, citation: c })), { maxLength: 4 }),
    cited: fc.array(fc.record({ key: str, relation, mentions: small, rule }), { maxLength: 3 }),
    amendments: fc.array(fc.record({ action: fc.constantFrom("amends", "replaces", "repeals" as const), target: str, pinpoint: fc.option(fc.record({ paths: fc.array(path, { maxLength: 2 }) })), date: fc.option(str), span }), { maxLength: 2 }),
    statedRelations: fc.array(fc.record({ from: str, to: str, relation, evidence: span, rule }), { maxLength: 2 }),
  }) as fc.Arbitrary<GraphRecord>;

  it("reads back, from JSON, its text and JSON Lines, the graph it wrote", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(graphRecord, { minLength: 1, maxLength: 5 }), async (records) => {
        const g = new CitationGraph();
        for (const r of records) g.add(r); // every record here is one add() takes: it throws on none
        const json: GraphJSON = g.toJSON();
        expect(CitationGraph.fromJSON(JSON.parse(JSON.stringify(json))).toJSON()).toEqual(json);
        expect(CitationGraph.fromJSON([...g.toJSONText()].join("\n")).toJSON()).toEqual(json);
        const lines = [...g.toJSONLines()];
        const back = await CitationGraph.fromJSONLines(lines.join("\n"));
        expect(back.toJSON()).toEqual(json);
        expect([...back.toJSONLines()]).toEqual(lines);
        expect(back.conflicts()).toEqual(g.conflicts());
      }),
      RUNS,
    );
  });
});

describe("Neo4j CSV when every named array delimiter occurs in a value (item 15)", () => {
  it("takes a character no value holds, and every list reads back whole", async () => {
    const { parse } = await import("csv-parse/sync");
    const { toNeo4jCsv } = await import("../src/index.js");
    const subjects = ["a; b", "c | d", "e ¦ f", "g \u001f h"];
    const g = new CitationGraph();
    subjects.forEach((value, i) => g.add({ ...record(`${i + 1}-NQ/TW`, []), subject: { value } }));
    const files = toNeo4jCsv(g);
    expect(files["import.sh"]).toContain("--array-delimiter='\\u0001'");
    const rows = parse(files["documents.csv"], { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r["subjects:string[]"]?.split("\u0001"))).toEqual(subjects.map((s) => [s]));
  });
});
