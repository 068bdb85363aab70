// Issue 24, names people read: a law's node carries its title as promulgated (the catalogue's, else the printed
// one with its year), and each alias says how the graph knows the name and the number are one (catalogue, corpus).
// Expected values checked by hand against the texts below and grammar/statutes.json (76/2015/QH13, passed
// 2015-06-19, "Tổ chức Chính phủ"); "Chăn nuôi gà" and 88/2019/QH14 are in no catalogue.
import { describe, expect, it } from "vitest";
import { CitationGraph, parseDocument, toDot, toGraphML, toNeo4jCsv } from "../src/index.js";
import { main } from "../src/cli/cli.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const header = (body: string, number: string) => `ỦY BAN NHÂN DÂN TỈNH ${body}\nSố: ${number}\n\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\n\n`;
const TEXTS: Record<string, string> = {
  // By name and date only: the catalogue gives the number.
  byName: `${header("HÀ GIANG", "12/2020/QĐ-UBND")}Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nCăn cứ Luật Chăn nuôi gà năm 2019;\n`,
  // Name and number printed together: the corpus joins `Luật chăn nuôi gà năm 2019` to 88/2019/QH14.
  byNumber: `${header("CAO BẰNG", "15/2021/QĐ-UBND")}Căn cứ Luật Tổ chức Chính phủ số 76/2015/QH13;\nCăn cứ Luật Chăn nuôi gà số 88/2019/QH14;\n`,
  // A law the catalogue lacks, cited by name alone: its node stays under the name key, titled as printed.
  nameOnly: `${header("LAI CHÂU", "3/2022/QĐ-UBND")}Căn cứ Luật Nuôi ong năm 2018;\n`,
};
const graphOf = (ids: string[]) => {
  const g = new CitationGraph();
  for (const id of ids) g.add(parseDocument(TEXTS[id] as string, { id }));
  return g;
};

describe("a law's node and its aliases", () => {
  const g = graphOf(["byName", "byNumber", "nameOnly"]);
  const json = g.toJSON();
  const titleOf = (key: string) => json.nodes.find((n) => n.key === key)?.title;

  it("shows the catalogue's title for a catalogued number, the printed title and year otherwise", () => {
    expect(titleOf("76/2015/QH13")).toBe("Luật Tổ chức Chính phủ 2015");
    expect(titleOf("88/2019/QH14")).toBe("Luật Chăn nuôi gà 2019");
    expect(titleOf("Luật nuôi ong năm 2018")).toBe("Luật Nuôi ong 2018");
    // A decision cited by nobody by title has none.
    expect(json.nodes.find((n) => n.key === "12/2020/QĐ-UBND")).not.toHaveProperty("title");
    expect(g.getNode("Luật tổ chức chính phủ năm 2015")?.mentions).toBe(2);
  });

  it("says how each alias was known: the catalogue's word over a text's", () => {
    expect(json.aliases).toEqual([
      { name: "Luật chăn nuôi gà năm 2019", key: "88/2019/QH14", source: "corpus" },
      { name: "Luật tổ chức chính phủ năm 2015", key: "76/2015/QH13", source: "catalogue" },
    ]);
    // Alone, the text that prints both is the graph's only witness of the Government law's alias.
    expect(graphOf(["byNumber"]).toJSON().aliases.find((a) => a.key === "76/2015/QH13")?.source).toBe("corpus");
  });

  it("gives the same titles and sources in any order of add()", () => {
    expect(graphOf(["nameOnly", "byNumber", "byName"]).toJSON()).toEqual(json);
  });

  it("keeps them through JSON, its text and JSON Lines, and reads lines written without them", async () => {
    expect(CitationGraph.fromJSON(json).toJSON()).toEqual(json);
    expect(CitationGraph.fromJSON([...g.toJSONText()].join("\n")).toJSON()).toEqual(json);
    const lines = [...g.toJSONLines()];
    expect((await CitationGraph.fromJSONLines(lines)).toJSON()).toEqual(json);
    const old = lines.map((l) => {
      const o = JSON.parse(l);
      delete o.title;
      delete o.source;
      return JSON.stringify(o);
    });
    const back = (await CitationGraph.fromJSONLines(old)).toJSON();
    expect(back.aliases).toEqual(json.aliases.map(({ name, key }) => ({ name, key })));
    expect(back.nodes.some((n) => "title" in n)).toBe(false);
    expect(back.edges).toEqual(json.edges);
  });

  it("merges shards: a title and the catalogue's source survive", async () => {
    const shards = [...graphOf(["byNumber"]).toJSONLines(), ...graphOf(["byName", "nameOnly"]).toJSONLines()];
    expect((await CitationGraph.fromJSONLines(shards, { merge: true })).toJSON()).toEqual(json);
  });

  it("refuses a title or a source that is not one", async () => {
    const lines = [...g.toJSONLines()];
    const bad = (pick: string, change: (o: Record<string, unknown>) => void) =>
      lines.map((l) => {
        if (!l.includes(pick)) return l;
        const o = JSON.parse(l);
        change(o);
        return JSON.stringify(o);
      });
    await expect(CitationGraph.fromJSONLines(bad('"type":"alias"', (o) => (o.source = "rumour")))).rejects.toThrow(/source/);
    await expect(CitationGraph.fromJSONLines(bad('"key":"76/2015/QH13"', (o) => o.type === "node" && (o.title = 7)))).rejects.toThrow(/title/);
  });

  it("labels the exports with the title", () => {
    const dot = toDot(json);
    expect(dot).toContain('"76/2015/QH13" [label="Luật Tổ chức Chính phủ 2015\\n76/2015/QH13", style=dashed];');
    expect(dot).toContain('"12/2020/QĐ-UBND" [label="12/2020/QĐ-UBND\\nQuyết định"];');
    expect(toGraphML(json)).toContain('<node id="88/2019/QH14">\n      <data key="title">Luật Chăn nuôi gà 2019</data>');
    const docs = toNeo4jCsv(json)["documents.csv"].split("\n");
    expect(docs[0]?.endsWith(",title:string")).toBe(true);
    expect(docs.find((l) => l.startsWith("76/2015/QH13,"))?.endsWith(",Luật Tổ chức Chính phủ 2015")).toBe(true);
  });

  it("names the laws in `vncite query` text output", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "vncite-titles-")), "g.json");
    writeFileSync(file, JSON.stringify(json));
    let out = "";
    const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: () => true } };
    expect(await main(["query", file, "most-cited", "2"], io as never)).toBe(0);
    expect(out.split("\n").slice(0, 3)).toEqual([
      "key\tcited by\tmentions\ttitle",
      "76/2015/QH13\t2\t2\tLuật Tổ chức Chính phủ 2015",
      "88/2019/QH14\t2\t2\tLuật Chăn nuôi gà 2019",
    ]);
  });
});

describe("the page's graph of a document", () => {
  it("labels a cited law with its title, and its number on hover", async () => {
    const { citationGraphSvg } = await import("../page/src/graph.js");
    const svg = citationGraphSvg(parseDocument(TEXTS.byName as string, { id: "byName" }), "byName", (r) => r);
    // `Luật Tổ chức Chính phủ 2015` wraps at 22 characters: two lines under the hover title.
    expect(svg).toContain("<title>Luật Tổ chức Chính phủ 2015 (76/2015/QH13)</title>");
    expect(svg).toContain(">Luật Tổ chức Chính phủ</tspan>");
    expect(svg).toContain(">2015</tspan>");
    expect(svg).toContain("<title>Luật Chăn nuôi gà 2019 (Luật chăn nuôi gà năm 2019)</title>");
    expect(svg).not.toContain(">76/2015/QH13</tspan>");
  });
});

describe("which name a law's node shows", () => {
  it("the catalogue's over a printed one, an all-capitals title in sentence case, a year kept", () => {
    const g = new CitationGraph();
    g.add(parseDocument(`${header("SƠN LA", "5/2023/QĐ-UBND")}Căn cứ Bộ luật DÂN SỰ ngày 24 tháng 11 năm 2015;\nCăn cứ Luật NUÔI ONG năm 2018;\n`, { id: "caps" }));
    g.add(parseDocument(`${header("YÊN BÁI", "6/2023/QĐ-UBND")}Căn cứ Luật Nuôi ong;\n`, { id: "noYear" }));
    const titles = Object.fromEntries(g.toJSON().nodes.filter((n) => n.title).map((n) => [n.key, n.title]));
    expect(titles).toEqual({
      "91/2015/QH13": "Bộ luật Dân sự 2015",
      "Luật nuôi ong năm 2018": "Luật Nuôi ong 2018",
      "Luật nuôi ong": "Luật Nuôi ong",
    });
  });
});
