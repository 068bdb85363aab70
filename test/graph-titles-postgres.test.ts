// Issue 24, names people read, in PostgreSQL: a law's node title and each alias's source, as the graph in memory
// has them (test/graph-titles.test.ts checks those by hand). Skipped, saying why, without a PostgreSQL server.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CitationGraph, loadPostgres, parseDocument, PostgresGraph, sqlDumpLines } from "../src/node.js";
import { testServer } from "./helpers/postgres.js";

const server = await testServer("titles");
const skipped = "why" in server ? server.why : null;
const suite = skipped ? describe.skip : describe;

const header = (body: string, number: string) => `ỦY BAN NHÂN DÂN TỈNH ${body}\nSố: ${number}\n\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\n\n`;
const records = [
  parseDocument(`${header("HÀ GIANG", "12/2020/QĐ-UBND")}Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nCăn cứ Luật Chăn nuôi gà năm 2019;\n`, { id: "byName" }),
  parseDocument(`${header("CAO BẰNG", "15/2021/QĐ-UBND")}Căn cứ Luật Tổ chức Chính phủ số 76/2015/QH13;\nCăn cứ Luật Chăn nuôi gà số 88/2019/QH14;\n`, { id: "byNumber" }),
  parseDocument(`${header("LAI CHÂU", "3/2022/QĐ-UBND")}Căn cứ Luật Nuôi ong năm 2018;\n`, { id: "nameOnly" }),
];

let client: pg.Client;
beforeAll(async () => {
  if (skipped) return;
  client = new pg.Client({ connectionString: (server as { url: string }).url });
  await client.connect();
});
afterAll(async () => {
  if (skipped) return;
  await client.end();
  await (server as { stop(): Promise<void> }).stop();
});

suite("a law's title and an alias's source in PostgreSQL", () => {
  it("are those of the graph in memory, loaded in either order", async () => {
    const memory = new CitationGraph();
    for (const r of records) memory.add(r);
    const json = memory.toJSON();
    expect(json.nodes.find((n) => n.key === "76/2015/QH13")?.title).toBe("Luật Tổ chức Chính phủ 2015");
    for (const order of [records, [...records].reverse()]) {
      await client.query("DROP SCHEMA IF EXISTS vncite CASCADE");
      await loadPostgres(client, order, { batchSize: 1 });
      const db = await PostgresGraph.open(client);
      expect(await db.toJSON()).toEqual(json);
      for (const key of ["76/2015/QH13", "Luật chăn nuôi gà năm 2019", "Luật nuôi ong năm 2018", "12/2020/QĐ-UBND"]) expect(await db.getNode(key), key).toEqual(memory.getNode(key));
    }
  });
});

describe("the SQL dump", () => {
  it("writes each alias with its source, the catalogue's kept over a text's", async () => {
    const lines: string[] = [];
    for await (const l of sqlDumpLines(records)) lines.push(l);
    expect(lines).toContain(
      "INSERT INTO vncite.aliases SELECT 'Luật tổ chức chính phủ năm 2015', '76/2015/QH13', 1, 'catalogue' WHERE 'Luật tổ chức chính phủ năm 2015' <> '76/2015/QH13' AND NOT EXISTS (SELECT 1 FROM vncite.aliases WHERE name IN ('Luật tổ chức chính phủ năm 2015', '76/2015/QH13'));",
    );
    expect(lines).toContain("UPDATE vncite.aliases SET source = 'corpus' WHERE name = 'Luật tổ chức chính phủ năm 2015' AND key = '76/2015/QH13' AND source IS DISTINCT FROM 'catalogue';");
  });
});
