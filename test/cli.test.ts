// The command line, run from source: output formats and exit codes.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const seed = join(root, "fixtures", "004_174a28dc88bcd672.txt");
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["--import", "tsx", join(root, "src", "cli", "cli.ts"), ...args], { cwd: root, encoding: "utf8", input });

describe("vncite extract", () => {
  it("prints JSON citations for a file", () => {
    const r = run(["extract", seed, "--format", "json"]);
    expect(r.status).toBe(0);
    const citations = JSON.parse(r.stdout);
    expect(citations).toHaveLength(25);
    expect(citations[0].key).toBe("93-KL/TW");
  });

  it("prints JSON lines with the file, from standard input", () => {
    const r = run(["extract", "-", "--format", "jsonl"], "Căn cứ Nghị định số 30/2020/NĐ-CP;\nvà Luật số 59/2020/QH14.");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file, l.key])).toEqual([["-", "30/2020/NĐ-CP"], ["-", "59/2020/QH14"]]);
  });

  it("prints a table with line and column", () => {
    const r = run(["extract", seed, "--format", "table"]);
    expect(r.stdout.split("\n")[0]).toBe(`${seed}:7:22\t93-KL/TW\tKết luận\t2020-11-20\tBan Bí thư\t-`);
  });

  it.each([
    [["extract", "no-such-file.txt"], /no such file/],
    [["extract", root], /is a directory/],
    [["extract", seed, "--format", "xml"], /unknown format/],
    [["extract", "--bogus"], /Unknown option/],
    [["extract"], /no input/],
    [["frobnicate"], /unknown command/],
  ])("exits 2 with one line on stderr for %j", (args, message) => {
    const r = run(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 for bytes that are not UTF-8", () => {
    const bad = join(tmpdir(), "vncite-not-utf8.txt");
    writeFileSync(bad, Buffer.from([0x4e, 0x67, 0xff, 0xfe, 0x68]));
    const r = run(["extract", bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not UTF-8/);
  });
});

describe("vncite doc", () => {
  it("prints the document record as JSON", () => {
    const r = run(["doc", seed]);
    expect(r.status).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record.type.kind).toBe("Kế hoạch");
    expect(record.cited.map((c: { key: string }) => c.key)).toEqual(["93-KL/TW", "42-CT/TW", "25-KH/TU"]);
  });

  it("prints a readable summary", () => {
    const r = run(["doc", seed, "--format", "text"]);
    expect(r.stdout).toContain("  mentions    42-CT/TW (7×)");
    expect(r.stdout).toContain("93-KL/TW continues 42-CT/TW");
  });

  it("exits 2 for two files or a bad format", () => {
    expect(run(["doc", seed, seed]).status).toBe(2);
    expect(run(["doc", seed, "--format", "table"]).status).toBe(2);
  });
});

describe("vncite check", () => {
  const clean = join(root, "fixtures", "000_1db0ab688705c645.txt");

  it("reads like a compiler and exits 1 when there is an error", () => {
    const r = run(["check", seed]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(`${seed}:57:74: error type-code-mismatch: The type word "Kết luận" does not match the type code NQ (Nghị quyết).`);
    expect(lines[2]).toBe(`  ${" ".repeat(73)}^${"~".repeat("Kết luận số 93-NQ/TW".length - 1)}`);
  });

  it("exits 0 on a text without errors", () => {
    const r = run(["check", clean]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
  });

  it("writes SARIF 2.1.0 with regions and fixes", () => {
    const sarif = JSON.parse(run(["check", seed, "--format", "sarif"]).stdout);
    expect(sarif.version).toBe("2.1.0");
    const [first, second] = sarif.runs[0].results;
    expect(first).toMatchObject({ ruleId: "type-code-mismatch", level: "error" });
    expect(first.locations[0].physicalLocation.region).toMatchObject({ startLine: 57, startColumn: 74 });
    expect(second.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe("93-KL/TW");
  });

  it("checks against a registry", () => {
    const r = run(["check", clean, "--registry", join(root, "fixtures", "registry.csv"), "--format", "json"]);
    const [{ diagnostics }] = JSON.parse(r.stdout);
    // 20-NQ/TW and 50-KL/TW match their rows (`Ban Bí thư` within `Ban Bí thư Trung ương Đảng`): silent.
    expect(diagnostics.map((d: { code: string; message: string }) => [d.code, d.message])).toEqual([
      ["not-in-registry", "1895/MTTQ-BTT is not in the registry."],
      ["not-in-registry", "171-CV/BTGHU is not in the registry."],
    ]);
  });

  it("exits 2 for a bad registry or format", () => {
    expect(run(["check", clean, "--registry", join(root, "README.md")]).status).toBe(2);
    expect(run(["check", clean, "--format", "xml"]).status).toBe(2);
  });
});

describe("vncite graph and query", () => {
  const out = join(tmpdir(), "vncite-seeds.graph.json");
  const seeds = mkdtempSync(join(tmpdir(), "vncite-seeds-"));
  for (const f of readdirSync(join(root, "fixtures")).filter((f) => /^\d{3}_.*\.txt$/.test(f))) copyFileSync(join(root, "fixtures", f), join(seeds, f));

  it("builds a graph from a directory, reports an unreadable file with its path, skips it and says so", () => {
    const bad = join(tmpdir(), "vncite-binary.txt");
    writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const r = run(["graph", seeds, bad, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`vncite: ${bad}: not UTF-8 text; skipped`);
    const graph = JSON.parse(readFileSync(out, "utf8"));
    expect(graph.documents).toHaveLength(4);
  });

  it("answers queries on the written graph", () => {
    expect(run(["query", out, "cited-by", "42-CT/TW"]).stdout).toContain("93-KL/TW\tcontinues\t42-CT/TW\t0\tstated by");
    const conflicts = JSON.parse(run(["query", out, "conflicts", "--format", "json"]).stdout);
    expect(conflicts.map((c: { keys: string[] }) => c.keys)).toEqual([["77-CT/TU", "77-CTr/TU"], ["93-KL/TW", "93-NQ/TW"]]);
    expect(run(["query", out, "missing"]).stdout.split("\n")).toContain("20-NQ/TW");
  });

  it("writes DOT, GraphML and the neo4j files", () => {
    expect(run(["graph", seed, "--format", "dot"]).stdout).toContain("digraph citations {");
    expect(run(["graph", seed, "--format", "graphml"]).stdout).toContain("<graphml");
    const dir = join(tmpdir(), "vncite-neo4j");
    expect(run(["graph", seed, "--format", "neo4j", "--out", dir]).status).toBe(0);
    expect(readFileSync(join(dir, "relationships.csv"), "utf8").split("\n")[0]).toBe(":START_ID(Document),:END_ID(Document),:TYPE,count:int,statedBy:string[]");
  });

  it("exits 2 on usage errors", () => {
    expect(run(["graph", seed, "--format", "neo4j"]).status).toBe(2);
    expect(run(["query", out, "frobnicate"]).status).toBe(2);
    expect(run(["query", out, "cites"]).status).toBe(2);
    expect(run(["query", seed, "missing"]).status).toBe(2);
  });
});

describe("--jobs", () => {
  const files = readdirSync(join(root, "fixtures")).filter((f) => f.endsWith(".txt")).map((f) => join(root, "fixtures", f));

  it("gives the same output on worker threads as in one thread, in input order", () => {
    const one = run(["extract", ...files, "--format", "jsonl", "--jobs", "1"]);
    const two = run(["extract", ...files, "--format", "jsonl", "--jobs", "2"]);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(run(["check", ...files, "--format", "json", "--jobs", "2"]).stdout).toBe(run(["check", ...files, "--format", "json", "--jobs", "1"]).stdout);
  });

  it("exits 2 for a bad number of jobs", () => {
    expect(run(["extract", seed, "--jobs", "0"]).status).toBe(2);
    expect(run(["extract", seed, "--jobs", "two"]).stderr).toMatch(/--jobs takes a whole number/);
  });
});
