// The JSON Lines form: a graph of any size written a line at a time and read back from lines, a stream's
// included, to the same lines; damaged files refused with the line number.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { syntheticCorpus } from "../bench/synthetic.mjs";
import { CitationGraph, GraphError } from "../src/index.js";

const build = (n: number) => {
  const g = new CitationGraph();
  for (const r of syntheticCorpus(n)) g.add(r);
  return g;
};

describe("JSON Lines", () => {
  const g = build(400);
  const lines = [...g.toJSONLines()];

  it("writes a header, then documents, aliases, nodes and edges, one a line, sorted", () => {
    expect(JSON.parse(lines[0] as string)).toEqual({ format: "vncite-graph-lines", version: 1 });
    const types = lines.slice(1).map((l) => JSON.parse(l).type as string);
    expect(types.filter((t) => t === "document")).toHaveLength(400);
    expect(types.filter((t) => t === "node")).toHaveLength(g.order);
    expect(types.join(" ")).toMatch(/^(document )+(node )+(edge )*edge end$/);
    expect(JSON.parse(lines.at(-1) as string)).toEqual({ type: "end", documents: 400, aliases: 0, nodes: g.order, edges: types.filter((t) => t === "edge").length });
    const keys = lines.filter((l) => l.startsWith('{"type":"node"')).map((l) => JSON.parse(l).key as string);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(lines.every((l) => !l.includes("\n"))).toBe(true);
  });

  it("reads back from an array and from a file's lines to the same lines and answers", async () => {
    const fromArray = await CitationGraph.fromJSONLines(lines);
    expect([...fromArray.toJSONLines()]).toEqual(lines);
    const dir = mkdtempSync(join(tmpdir(), "vncite-lines-"));
    try {
      const file = join(dir, "g.jsonl");
      writeFileSync(file, `${lines.join("\n")}\n`);
      const fromFile = await CitationGraph.fromJSONLines(createInterface({ input: createReadStream(file), crlfDelay: Infinity }));
      expect(fromFile.mostCited(5)).toEqual(g.mostCited(5));
      expect(fromFile.citedBy("1-KH/TU")).toEqual(g.citedBy("1-KH/TU"));
      expect(fromFile.toJSON()).toEqual(g.toJSON());
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("reads back from the whole text in one string (lines, CRLF and a last newline too)", async () => {
    const fromText = await CitationGraph.fromJSONLines(`${lines.join("\r\n")}\r\n`);
    expect([...fromText.toJSONLines()]).toEqual(lines);
  });

  it("ranks the most cited the same whether it keeps a few or sorts them all", () => {
    const all = g.mostCited(5000);
    expect(all.length).toBeGreaterThan(100);
    expect(g.mostCited(7)).toEqual(all.slice(0, 7));
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]] as [(typeof all)[number], (typeof all)[number]];
      expect(a.citedBy > b.citedBy || (a.citedBy === b.citedBy && (a.mentions > b.mentions || (a.mentions === b.mentions && a.key < b.key)))).toBe(true);
    }
  });

  it("gives the same lines as the single-document JSON holds", () => {
    const json = g.toJSON();
    const nodes = lines.filter((l) => l.startsWith('{"type":"node"')).map((l) => {
      const { type: _, ...node } = JSON.parse(l);
      return node;
    });
    expect(nodes).toEqual(json.nodes);
  });

  it("refuses a file without the header, a line that is not JSON or not a graph line, with its number", async () => {
    await expect(CitationGraph.fromJSONLines(lines.slice(1))).rejects.toThrow(new GraphError("line 1: not a vncite graph (JSON Lines)"));
    await expect(CitationGraph.fromJSONLines([])).rejects.toThrow(GraphError);
    await expect(CitationGraph.fromJSONLines([lines[0] as string, "", "{oops"])).rejects.toThrow(/^line 3: not JSON: /);
    await expect(CitationGraph.fromJSONLines([lines[0] as string, '{"type":"node","key":"a"}'])).rejects.toThrow(/^line 2: kinds: /);
    const edge = lines.find((l) => l.startsWith('{"type":"edge"')) as string;
    await expect(CitationGraph.fromJSONLines([lines[0] as string, edge])).rejects.toThrow(/^line 2: edge .* no node/);
  });
});

describe("shards merged", () => {
  it("gives, from the JSON Lines of shards, the graph of the whole corpus", async () => {
    const records = [...syntheticCorpus(300)];
    const whole = new CitationGraph();
    for (const r of records) whole.add(r);
    // Three shards by document number modulo 3: every central text and many plans are in all three.
    const shards = [0, 1, 2].map((k) => {
      const g = new CitationGraph();
      for (const r of records.filter((_, i) => i % 3 === k)) g.add(r);
      return [...g.toJSONLines()];
    });
    const merged = await CitationGraph.fromJSONLines(shards.flat(), { merge: true });
    expect(merged.toJSON()).toEqual(whole.toJSON());
    await expect(CitationGraph.fromJSONLines([...(shards[0] as string[]), ...(shards[0] as string[])], { merge: true })).rejects.toThrow(/document "doc-0" is in two graphs/);
  });

  it("merges a law one shard knew by name only into its number", async () => {
    const named = (id: string, withNumber: boolean) => {
      const g = new CitationGraph();
      const citation = {
        key: withNumber ? "59/2020/QH14" : "luật doanh nghiệp 2020", nameKey: withNumber ? "luật doanh nghiệp 2020" : null, kind: "Luật", typeCode: null, issuedBy: null,
        date: null, term: null, subject: null, spans: { identifier: null },
      };
      const key = citation.key;
      g.add({
        id, key: id, type: null, date: null, subject: null, amendments: [], statedRelations: [],
        mentions: [{ text: "Luật Doanh nghiệp năm 2020", start: 0, end: 26, resolvedKey: key, resolvedBy: "identifier", citation }],
        cited: [{ key, relation: "basedOn", mentions: 1 }],
      });
      return g;
    };
    const a = named("a", false);
    const b = named("b", true);
    expect(a.getNode("luật doanh nghiệp 2020")).toBeDefined();
    const merged = await CitationGraph.fromJSONLines([...a.toJSONLines(), ...b.toJSONLines()], { merge: true });
    expect(merged.getNode("luật doanh nghiệp 2020")?.key).toBe("59/2020/QH14");
    expect(merged.citedBy("59/2020/QH14").map((e) => e.from)).toEqual(["a", "b"]);
    expect(merged.missing()).toEqual(["59/2020/QH14"]);
  });
});
