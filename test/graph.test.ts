// The citation graph: the four seeds against a hand-checked graph, queries, round trips, exports, and a
// synthetic corpus of 2 000 documents built in one go and incrementally.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import Graphology from "graphology";
import { parse as parseGraphML } from "graphology-graphml";
import { beforeAll, describe, expect, it } from "vitest";
import { CitationGraph, type GraphEdge, type GraphNode, parseDocument, toDot, toGraphML, toNeo4jCsv } from "../src/index.js";
import { GraphJSONSchema } from "../src/schema-entry.js";

const dir = join(import.meta.dirname, "..", "fixtures");
const SEEDS = ["000_1db0ab688705c645", "001_57220ce583489b87", "002_279a46a1877946ee", "004_174a28dc88bcd672"];
const seedGraph = () => {
  const g = new CitationGraph();
  for (const id of SEEDS) g.add(parseDocument(readFileSync(join(dir, `${id}.txt`), "utf8"), { id }));
  return g;
};

describe("the four seeds", () => {
  const g = seedGraph();
  const expected = JSON.parse(readFileSync(join(dir, "seeds.graph.json"), "utf8"));
  const json = g.toJSON();

  // seeds.graph.json is a whole graph (`vncite query` reads it); its keys, texts, kinds, type codes, dates,
  // terms, mention counts and edges were checked by hand against the four texts.
  const nodeFacts = (nodes: GraphNode[]) => nodes.map((n) => ({ key: n.key, texts: n.texts, kinds: n.kinds, typeCodes: n.typeCodes, dates: n.dates, terms: n.terms, mentions: n.mentions }));
  const edgeFacts = (edges: GraphEdge[]) => edges.map((e) => ({ from: e.from, to: e.to, relation: e.relation, count: e.count, statedBy: e.statedBy }));

  it("has the hand-checked nodes and edges", () => {
    expect(nodeFacts(json.nodes)).toEqual(nodeFacts(expected.nodes));
    expect(edgeFacts(json.edges)).toEqual(edgeFacts(expected.edges));
  });

  it("reads the committed graph file back to the same bytes", () => {
    const text = readFileSync(join(dir, "seeds.graph.json"), "utf8");
    expect(`${JSON.stringify(CitationGraph.fromJSON(JSON.parse(text)).toJSON(), null, 1)}\n`).toBe(text);
  });

  it("answers the questions of the issue", () => {
    expect(g.citedBy("20-NQ/TW").map((e) => [e.from, e.relation, e.statedBy])).toEqual([
      ["000_1db0ab688705c645", "mentions", []],
      ["001_57220ce583489b87", "mentions", []],
      ["69-KL/TW", "continues", ["001_57220ce583489b87"]],
    ]);
    expect(g.citedBy("29-NQ/TW").filter((e) => e.count > 0).map((e) => e.from)).toEqual(["001_57220ce583489b87", "300/LĐLĐ"]);
    expect(g.citedBy("42-CT/TW").find((e) => e.from === "93-KL/TW")?.relation).toBe("continues");
    const typeCodes = g.conflicts().filter((c) => c.field === "typeCodes");
    expect(typeCodes.map((c) => c.keys)).toEqual([["77-CT/TU", "77-CTr/TU"], ["93-KL/TW", "93-NQ/TW"]]);
  });

  it("follows a chain of implementation up to the roots, and back down", () => {
    expect(g.chain("004_174a28dc88bcd672").map((s) => [s.depth, s.relation, s.key])).toEqual([
      [1, "implements", "25-KH/TU"],
      [1, "implements", "93-KL/TW"],
      [2, "continues", "42-CT/TW"],
    ]);
    expect(g.chain("116-KH/TU").map((s) => s.key)).toEqual(["69-KL/TW", "20-NQ/TW"]);
    expect(g.descendants("20-NQ/TW").map((s) => s.key)).toEqual(["69-KL/TW", "001_57220ce583489b87", "116-KH/TU"]);
    expect(g.path("116-KH/TU", "20-NQ/TW")).toEqual(["116-KH/TU", "69-KL/TW", "20-NQ/TW"]);
    expect(g.path("20-NQ/TW", "116-KH/TU")).toBeNull();
  });

  it("lists the most cited and the missing", () => {
    expect(g.mostCited(2)).toEqual([
      { key: "20-NQ/TW", citedBy: 2, mentions: 13 },
      { key: "29-NQ/TW", citedBy: 2, mentions: 4 },
    ]);
    expect(g.missing()).toContain("42-CT/TW");
    expect(g.missing()).not.toContain("300/LĐLĐ");
  });

  it("keeps every spelling with where it stood", () => {
    const variants = g.getNode("77-CTr/TU")?.variants.map((v) => v.text);
    expect(variants).toEqual(["77-CT/TU", "77-CTr/TU", "77-CT/TU", "77 CT/TU"]);
  });

  it("round-trips through JSON losslessly", () => {
    const text = JSON.stringify(json);
    const back = CitationGraph.fromJSON(JSON.parse(text));
    expect(back.toJSON()).toEqual(json);
    expect(back.conflicts()).toEqual(g.conflicts());
    expect(() => GraphJSONSchema.parse(JSON.parse(text))).not.toThrow();
    expect(() => CitationGraph.fromJSON({ format: "other" })).toThrow();
  });

  it("ignores a document added twice", () => {
    const again = seedGraph();
    expect(again.add(parseDocument(readFileSync(join(dir, `${SEEDS[0]}.txt`), "utf8"), { id: SEEDS[0] as string }))).toBe(false);
    expect(again.toJSON()).toEqual(json);
  });
});

describe("exports", () => {
  const json = seedGraph().toJSON();

  it("writes DOT with one line per node and edge", () => {
    const dot = toDot(json);
    expect(dot.startsWith("digraph citations {")).toBe(true);
    expect(dot).toContain('"69-KL/TW" -> "20-NQ/TW" [label="continues", style=dashed];');
    expect(dot).toContain('"004_174a28dc88bcd672" [label="004_174a28dc88bcd672\\nKế hoạch"];');
    expect(dot.split("\n").filter((l) => l.includes("->"))).toHaveLength(json.edges.length);
  });

  it("writes GraphML that graphology-graphml reads back", () => {
    const back = parseGraphML(Graphology, toGraphML(json));
    expect(back.order).toBe(json.nodes.length);
    expect(back.size).toBe(json.edges.length);
    expect(back.getNodeAttribute("20-NQ/TW", "term")).toBe("XI");
  });

  it("writes neo4j-admin import files with typed headers", () => {
    const csv = toNeo4jCsv(json);
    const docs: Record<string, string>[] = parseCsv(csv["documents.csv"], { columns: true });
    const rels: Record<string, string>[] = parseCsv(csv["relationships.csv"], { columns: true });
    expect(Object.keys(docs[0] ?? {})).toEqual(["key:ID(Document)", ":LABEL", "kinds:string[]", "typeCodes:string[]", "issuedBy:string[]", "dates:string[]", "terms:string[]", "subjects:string[]", "inCorpus:boolean", "mentions:int", "title:string"]);
    expect(docs).toHaveLength(json.nodes.length);
    expect(rels).toHaveLength(json.edges.length);
    expect(rels.find((r) => r[":START_ID(Document)"] === "300/LĐLĐ" && r[":END_ID(Document)"] === "1051/LĐLĐ")?.[":TYPE"]).toBe("BASED_ON");
    // 000's subject holds a `;` (`… của Bộ Chính trị; Kế hoạch số 116-KH/TU …`): the lists are joined with `|`, and import.sh says so.
    expect(csv["import.sh"]).toContain("--array-delimiter='|'");
    expect(docs.find((d) => d["key:ID(Document)"] === "77-CTr/TU")?.["typeCodes:string[]"]).toBe("CT|CTr");
  });
});

describe("a synthetic corpus of 2 000 documents", () => {
  // Document i is a district plan citing an earlier plan and a central resolution, spelled in varied ways.
  const N = 2_000;
  const central = (i: number) => i % 50;
  const text = (i: number) => {
    const earlier = i > 0 ? `Thực hiện Kế hoạch số ${String(i - 1 + 1).padStart(i % 3 === 0 ? 3 : 1, "0")}-KH/HU; ` : "";
    const noisy = ["Nghị quyết số", "Nghị quyết số", "NGHỊ QUYẾT SỐ", "Nghị quyết"][i % 4];
    const code = [`${central(i) + 1}-NQ/TW`, `0${central(i) + 1}-NQ/TW`, `${central(i) + 1} - NQ/TW`, `${central(i) + 1}-NQ/TW`][i % 4];
    return `Số: ${i + 1}-KH/HU\n\nKẾ HOẠCH\n\n${earlier}Căn cứ ${noisy} ${code} của Bộ Chính trị.`;
  };
  let records: ReturnType<typeof parseDocument>[] = [];
  let whole: CitationGraph;

  beforeAll(() => {
    records = Array.from({ length: N }, (_, i) => parseDocument(text(i), { id: `doc-${i}` }));
    whole = new CitationGraph();
    for (const r of records) whole.add(r);
  });

  it("merges every spelling of a document into one node", () => {
    expect(whole.order).toBe(N + 50);
    // Odd documents cite odd centrals as `02-NQ/TW` or `2-NQ/TW`; even ones even centrals as `3 - NQ/TW` or `3-NQ/TW`.
    expect(new Set(whole.getNode("2-NQ/TW")?.variants.map((v) => v.text))).toEqual(new Set(["02-NQ/TW", "2-NQ/TW"]));
    expect(new Set(whole.getNode("3-NQ/TW")?.variants.map((v) => v.text))).toEqual(new Set(["3 - NQ/TW", "3-NQ/TW"]));
    expect(whole.getNode("1-NQ/TW")?.texts).toEqual([]);
    expect(whole.citedBy("1-NQ/TW")).toHaveLength(N / 50);
    expect(whole.missing()).toHaveLength(50);
  });

  it("answers the same after incremental adds in another order, across a JSON round trip", () => {
    const order = records.map((_, i) => i).sort((a, b) => ((a * 7919) % N) - ((b * 7919) % N));
    let g = new CitationGraph();
    order.forEach((i, n) => {
      g.add(records[i] as (typeof records)[number]);
      if (n === N / 2) g = CitationGraph.fromJSON(JSON.parse(JSON.stringify(g.toJSON())));
      if (n === (3 * N) / 4) g = CitationGraph.fromJSON(JSON.parse(JSON.stringify(g.toJSON())));
    });
    expect(g.toJSON()).toEqual(whole.toJSON());
    for (const key of ["1-NQ/TW", "1000-KH/HU", "2000-KH/HU"]) {
      expect(g.cites(key)).toEqual(whole.cites(key));
      expect(g.citedBy(key)).toEqual(whole.citedBy(key));
    }
    expect(g.chain("2000-KH/HU")).toEqual(whole.chain("2000-KH/HU"));
    expect(g.mostCited(5)).toEqual(whole.mostCited(5));
    expect(g.missing()).toEqual(whole.missing());
    expect(g.conflicts()).toEqual(whole.conflicts());
  });

  it("follows a long chain of plans to the central resolutions", () => {
    const chain = whole.chain("100-KH/HU");
    expect(chain.filter((s) => s.key.endsWith("-KH/HU"))).toHaveLength(99);
    expect(chain.find((s) => s.key === "1-KH/HU")?.depth).toBe(99);
  });
});

describe("what the edges and nodes carry from the document layer", () => {
  const g = new CitationGraph();
  g.add(parseDocument("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\nThực hiện Kế hoạch số 25-KH/TU, ngày 19/4/2021 của Ban Thường vụ Tỉnh uỷ, kèm theo Mẫu số 01/KH.", { id: "a" }));
  g.add(parseDocument("Thực hiện Kế hoạch số 25-KH/TU, ngày 19/4/2021 của BTV Tỉnh ủy.", { id: "b" }));
  g.add(parseDocument("Thực hiện Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của BCH Trung ương Đảng.", { id: "c" }));
  g.add(parseDocument("Thực hiện Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Bộ Chính trị.", { id: "d" }));

  it("keeps the rule each relation was read by, through JSON and JSON Lines", async () => {
    const edges = g.toJSON().edges.map((e) => [e.from, e.to, e.relation, e.rules]);
    expect(edges).toContainEqual(["a", "30/2020/NĐ-CP", "basedOn", ["preamble"]]);
    expect(edges).toContainEqual(["a", "25-KH/TU", "implements", ["purpose"]]);
    expect(CitationGraph.fromJSON(g.toJSON()).toJSON()).toEqual(g.toJSON());
    expect((await CitationGraph.fromJSONLines(g.toJSONLines())).toJSON()).toEqual(g.toJSON());
  });

  it("leaves a form's number out: it is no document", () => {
    expect(g.toJSON().nodes.map((n) => n.key).filter((k) => k.includes("01/KH"))).toEqual([]);
  });

  it("reports bodies that differ, not one body's spellings (Tỉnh uỷ / BTV Tỉnh ủy)", () => {
    expect(g.conflicts().filter((c) => c.field === "issuedBy").map((c) => [c.key, c.values])).toEqual([["20-NQ/TW", ["BCH Trung ương Đảng", "Bộ Chính trị"]]]);
  });
});
