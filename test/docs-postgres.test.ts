// The commands, program and SQL of docs/postgres.md, run against a real PostgreSQL server (the one VNCITE_PG_URL
// names, which `bash .ci/run` starts; else a throwaway cluster where Debian's PostgreSQL is installed; skipped,
// saying why, where neither): each `postgres://…/archive` of the guide is this file's own database, the `psql`
// line loads the SQL script into a second database, and each SQL query runs on the graph the commands loaded.
// The rest of the guides run in test/docs.test.ts (its rules for sh and ts blocks hold here).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServer } from "./helpers/postgres.js";
import { blocksOf, enterSandbox, expectedOutput, root, runScript, runShellLine, words } from "./helpers/snippets.js";

const DOC = "docs/postgres.md";
const BLOCKS = blocksOf(DOC);
const ARCHIVE = /postgres:\/\/[^\s"'`]*\/archive\b/g;
const snippetDir = join(root, "test", ".snippets", "postgres");

const server = await testServer("docs-postgres");
const skipped = "why" in server ? server.why : null;
const named = (name: string) => (skipped ? `${name} (skipped: ${skipped})` : name);

(skipped ? describe.skip : describe)(named(`the snippets of ${DOC}, against PostgreSQL`), () => {
  const url = "why" in server ? "" : server.url;
  const dumpUrl = new URL(url || "postgres://x/y");
  dumpUrl.pathname = `/vncite_docs_sql_${process.pid}`;
  const archive = (s: string, to = url) => s.replace(ARCHIVE, to);
  const admin = new pg.Client({ connectionString: url });
  let leave = () => {};
  beforeAll(async () => {
    ({ leave } = await enterSandbox());
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dumpUrl.pathname.slice(1)} TEMPLATE template0 ENCODING 'UTF8'`);
    // The table of one's own records the guide's recursive query joins.
    await admin.query("CREATE TABLE registry (key text PRIMARY KEY, status text)");
    await admin.query("INSERT INTO registry VALUES ('20-NQ/TW', 'in force')");
  });
  afterAll(async () => {
    leave();
    rmSync(snippetDir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${dumpUrl.pathname.slice(1)} WITH (FORCE)`).catch(() => {});
    await admin.end();
    if (!("why" in server)) await server.stop();
  });

  it("finds the guide's commands, program and queries", () => {
    expect(BLOCKS.map((b) => b.lang).filter((l) => l !== "")).toEqual(["sh", "ts", "sql", "sql", "sql", "sql"]);
  });

  // In the guide's order: the commands load the graph the program and the queries read.
  for (const block of BLOCKS) {
    if (block.lang === "sh") {
      it(`${DOC}:${block.line} (sh)`, async () => {
        const lines = block.code.split("\n");
        for (let i = 0; i < lines.length; i++) {
          const line = (lines[i] as string).trim();
          if (line === "" || line.startsWith("#")) continue;
          if (line.startsWith("psql ")) {
            const psql = spawnSync("psql", words(archive(line.replace(/#.*$/, ""), dumpUrl.toString())).slice(1), { encoding: "utf8" });
            expect(psql.status, `${line}\n${psql.stderr}${psql.error ?? ""}`).toBe(0);
            continue;
          }
          const result = await runShellLine(archive(line));
          if (!result) continue;
          expect(result.status, `${line}\n${result.stderr}`).toBe(0);
          const shown: string[] = [];
          for (let k = i + 1; k < lines.length && /^\s*# /.test(lines[k] as string); k++) shown.push((lines[k] as string).replace(/^\s*# /, ""));
          if (shown.length > 0) expect(result.stdout.split("\n").slice(0, shown.length), line).toEqual(shown);
        }
      });
    } else if (block.lang === "ts") {
      it(`${DOC}:${block.line} (ts)`, async () => {
        const printed = await runScript(block, snippetDir, (code) => archive(code));
        const expected = expectedOutput(block.code, "//");
        if (expected) expect(printed.slice(0, expected.length)).toEqual(expected);
      });
    } else if (block.lang === "sql") {
      it(`${DOC}:${block.line} (sql)`, async () => {
        const { rows } = await admin.query(block.code);
        expect(rows.length, block.code).toBeGreaterThan(0);
      });
    }
  }
});
