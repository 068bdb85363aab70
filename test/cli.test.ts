// The command line, called in-process (main(argv, io)): output formats, exit codes, messages. The executable
// itself (stdin, a closed pipe, worker threads from the bundle) is run end to end in cli-bin.test.ts.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/cli.js";
import { TIMING } from "./helpers/timing.js";

// A text that makes extraction throw, to see one failing document among good ones: no real text does (a
// public function never throws on a string), so the stage is made to throw on this marker.
const THROWS = "VNCITE-TEST-THROWS";
vi.mock("../src/extract/extract.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../src/extract/extract.js")>();
  return {
    ...actual,
    extract: (text: string, options?: Parameters<typeof actual.extract>[1]) => {
      if (typeof text === "string" && text.includes(THROWS)) throw new Error("injected failure");
      return actual.extract(text, options);
    },
  };
});

// The suite runs as root here, where no file is unreadable: a read of a file named `denied.txt` fails as the
// system fails it for a user without the right.
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  const readFileSync = ((path: Parameters<typeof actual.readFileSync>[0], ...rest: unknown[]) => {
    if (String(path).endsWith("denied.txt")) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: "EACCES" });
    return (actual.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof actual.readFileSync;
  return { ...actual, readFileSync, default: { ...actual, readFileSync } };
});

const root = join(import.meta.dirname, "..");
const seed = join(root, "fixtures", "004_174a28dc88bcd672.txt");
const clean = join(root, "fixtures", "000_1db0ab688705c645.txt");
const tmp = mkdtempSync(join(tmpdir(), "vncite-cli-"));

/** Runs one command line in-process; `input` is standard input (a terminal when absent). */
async function run(args: string[], input?: string | Uint8Array) {
  let stdout = "";
  let stderr = "";
  const status = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: () => input ?? "",
    stdinIsTTY: input === undefined,
  });
  return { status, stdout, stderr };
}

const oneLine = (s: string) => s.trim().split("\n").length === 1;

describe("vncite itself", () => {
  it("prints its version with --version and -v", async () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    for (const flag of ["--version", "-v"]) expect(await run([flag])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("prints usage to stderr and exits 2 when run bare, to stdout with --help", async () => {
    const bare = await run([]);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toMatch(/^usage: vncite <command>/);
    const help = await run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(bare.stderr);
  });

  it.each(["extract", "doc", "check", "graph", "query"])("explains %s with its options and an example, by --help and by help", async (command) => {
    const byFlag = await run([command, "--help"]);
    expect(byFlag.status).toBe(0);
    expect(byFlag.stdout).toMatch(new RegExp(`^usage: vncite ${command} `));
    expect(byFlag.stdout).toContain("--format");
    expect(byFlag.stdout).toMatch(new RegExp(`example:\\n  vncite ${command} `));
    expect((await run(["help", command])).stdout).toBe(byFlag.stdout);
    expect((await run([command, seed, "-h"])).stdout).toBe(byFlag.stdout);
  });

  it.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["help", "frobnicate"], /no command "frobnicate"/],
    [["extract", "--bogus"], /^vncite: extract: unknown option --bogus \(vncite extract --help lists them\)$/],
    [["extract", seed, "--format"], /^vncite: extract: --format needs a value$/],
  ])("exits 2 with one line for %j", async (args, message) => {
    const r = await run(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(message as RegExp);
    expect(oneLine(r.stderr)).toBe(true);
  });
});

describe("vncite extract", () => {
  it("prints JSON citations for a file", async () => {
    const r = await run(["extract", seed, "--format", "json"]);
    expect(r.status).toBe(0);
    // One shape whatever the number of files: [{ file, citations }].
    const [{ file, citations }] = JSON.parse(r.stdout);
    expect(file).toBe(seed);
    expect(citations).toHaveLength(25);
    expect(citations[0].key).toBe("93-KL/TW");
  });

  it("reads standard input when no file is named and it is not a terminal, or given -", async () => {
    const text = "Căn cứ Nghị định số 30/2020/NĐ-CP;\nvà Luật số 59/2020/QH14.";
    for (const args of [["extract", "--format", "jsonl"], ["extract", "-", "--format", "jsonl"]]) {
      const r = await run(args, text);
      expect(r.status).toBe(0);
      const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.file, l.key])).toEqual([["-", "30/2020/NĐ-CP"], ["-", "59/2020/QH14"]]);
    }
  });

  it("exits 2 when standard input is not UTF-8", async () => {
    const r = await run(["extract"], Uint8Array.from([0x4e, 0x67, 0xff, 0xfe]));
    expect(r).toMatchObject({ status: 2, stdout: "", stderr: "vncite: standard input: not UTF-8 text\n" });
  });

  it("says there is no input when none is named and stdin is a terminal", async () => {
    const r = await run(["extract"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("vncite: no input: give files or directories, or pipe text to standard input\n");
  });

  it("prints a table with line and column", async () => {
    const r = await run(["extract", seed, "--format", "table"]);
    // Line 7 of the seed: `   Thực hiện Kết luận số 93-KL/TW …`: the citation starts at column 22.
    expect(r.stdout.split("\n")[0]).toBe("place\tkey\tkind\tdate\tissued by\tdiagnostics");
    expect(r.stdout.split("\n")[1]).toBe(`${seed}:7:22\t93-KL/TW\tKết luận\t2020-11-20\tBan Bí thư\t-`);
    expect(readFileSync(seed, "utf8").split("\n")[6]?.slice(21)).toMatch(/^Kết luận số 93-KL\/TW/);
  });

  it.each([
    [["extract", "no-such-file.txt"], /no-such-file.txt: no such file$/],
    [["extract", join(root, "docs")], /^vncite: no \.txt files in /],
    [["extract", seed, "--format", "xml"], /unknown format "xml"/],
    [["extract", seed, "--jobs", "0"], /--jobs takes a whole number from 1 up/],
  ])("exits 2 with one line on stderr for %j", async (args, message) => {
    const r = await run(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(message as RegExp);
    expect(oneLine(r.stderr)).toBe(true);
  });

  it("exits 2 for bytes that are not UTF-8", async () => {
    const bad = join(tmp, "not-utf8.txt");
    writeFileSync(bad, Buffer.from([0x4e, 0x67, 0xff, 0xfe, 0x68]));
    const r = await run(["extract", bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`vncite: ${bad}: not UTF-8 text\n`);
  });

  it("writes the good files' output when one file is missing or fails, names each bad one, exits 1", async () => {
    const failing = join(tmp, "failing.txt");
    writeFileSync(failing, `Nghị định số 30/2020/NĐ-CP ${THROWS}`);
    const missing = join(tmp, "missing.txt");
    // In this thread: the failure is injected here, not in worker threads.
    const r = await run(["extract", seed, failing, missing, clean, "--format", "jsonl", "--jobs", "1"]);
    expect(r.status).toBe(1);
    const files = new Set(r.stdout.trim().split("\n").map((l) => JSON.parse(l).file));
    expect([...files]).toEqual([seed, clean]);
    expect(r.stderr).toBe(`vncite: ${failing}: failed: injected failure; skipped\nvncite: ${missing}: no such file; skipped\n`);
    const checked = await run(["check", failing, clean, "--format", "json", "--jobs", "1"]);
    expect(JSON.parse(checked.stdout).map((r: { file: string }) => r.file)).toEqual([clean]);
    // JSON stays one document on stdout; the summary goes to stderr.
    expect(checked.stderr).toBe(`vncite: ${failing}: failed: injected failure; skipped\nvncite: 0 errors, 0 warnings in 1 file\n`);
    const graph = await run(["graph", failing, clean, "--jobs", "1"]);
    expect(graph.status).toBe(1);
    expect(JSON.parse(graph.stdout).documents).toEqual([clean]);
  });

  it("says permission denied for a file it may not read", async () => {
    const denied = join(tmp, "denied.txt");
    writeFileSync(denied, "Nghị định số 30/2020/NĐ-CP");
    expect(await run(["extract", denied])).toMatchObject({ status: 2, stderr: `vncite: ${denied}: permission denied\n` });
  });

  it.skipIf(process.getuid?.() === 0)("says permission denied for a file with no read permission (not as root)", async () => {
    const locked = join(tmp, "locked.txt");
    writeFileSync(locked, "Nghị định số 30/2020/NĐ-CP");
    chmodSync(locked, 0o000);
    const r = await run(["extract", locked]);
    expect(r.stderr).toBe(`vncite: ${locked}: permission denied\n`);
  });
});

describe("vncite doc", () => {
  it("prints the document record as JSON", async () => {
    const r = await run(["doc", seed]);
    expect(r.status).toBe(0);
    const [{ file, document: record }] = JSON.parse(r.stdout);
    expect(file).toBe(seed);
    expect(record.type.value).toBe("Kế hoạch");
    expect(record.cited.map((c: { key: string }) => c.key)).toEqual(["93-KL/TW", "42-CT/TW", "25-KH/TU"]);
  });

  it("prints a readable summary, also of standard input", async () => {
    const r = await run(["doc", seed, "--format", "text"]);
    expect(r.stdout).toContain("  mentions    42-CT/TW (7×)");
    expect(r.stdout).toContain("93-KL/TW continues 42-CT/TW");
    expect((await run(["doc", "--format", "text"], readFileSync(seed, "utf8"))).stdout).toBe(r.stdout.replaceAll(seed, "-"));
  });

  it("exits 2 for a bad format", async () => {
    expect((await run(["doc", seed, "--format", "table"])).status).toBe(2);
  });
});

describe("vncite check", () => {
  it("reads like a compiler and exits 1 when there is an error", async () => {
    const r = await run(["check", seed]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(`${seed}:57:74: error type-code-mismatch: The type word "Kết luận" does not match the type code NQ (Nghị quyết).`);
    // An excerpt: 40 characters of the line before the span (after an ellipsis), the caret under the span.
    expect(lines[1]).toMatch(/^ {2}….{40}Kết luận số 93-NQ\/TW/u);
    expect(lines[2]).toBe(`  ${" ".repeat(41)}^${"~".repeat("Kết luận số 93-NQ/TW".length - 1)}`);
  });

  it("gives each diagnostic its line and column in JSON, the same as the text output", async () => {
    const [{ diagnostics }] = JSON.parse((await run(["check", seed, "--format", "json"])).stdout);
    expect(diagnostics[0]).toMatchObject({ code: "type-code-mismatch", line: 57, column: 74 });
    const text = readFileSync(seed, "utf8");
    for (const d of diagnostics) {
      const lineStart = text.split("\n").slice(0, d.line - 1).join("\n").length + (d.line > 1 ? 1 : 0);
      expect(lineStart + d.column - 1).toBe(d.start);
    }
  });

  it("exits 0 on a text without errors", async () => {
    const r = await run(["check", clean]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("0 errors, 0 warnings in 1 file\n");
  });

  it("writes SARIF 2.1.0 with the tool's version, regions and fixes", async () => {
    const sarif = JSON.parse((await run(["check", seed, "--format", "sarif"])).stdout);
    expect(sarif.version).toBe("2.1.0");
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(sarif.runs[0].tool.driver).toMatchObject({ name: "vncite", version, informationUri: "https://github.com/vncite/vncite" });
    const [first, second] = sarif.runs[0].results;
    expect(first).toMatchObject({ ruleId: "type-code-mismatch", level: "error" });
    expect(first.locations[0].physicalLocation.region).toMatchObject({ startLine: 57, startColumn: 74 });
    expect(second.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe("93-KL/TW");
  });

  it("checks against a registry", async () => {
    const r = await run(["check", clean, "--registry", join(root, "fixtures", "registry.csv"), "--format", "json"]);
    const [{ diagnostics }] = JSON.parse(r.stdout);
    // 20-NQ/TW and 50-KL/TW match their rows (`Ban Bí thư` within `Ban Bí thư Trung ương Đảng`): silent.
    expect(diagnostics.map((d: { code: string; message: string }) => [d.code, d.message])).toEqual([
      ["not-in-registry", "1895/MTTQ-BTT is not in the registry."],
      ["not-in-registry", "171-CV/BTGHU is not in the registry."],
    ]);
  });

  it("says what is wrong with a registry, in one line", async () => {
    const bad = join(tmp, "bad-registry.csv");
    writeFileSync(bad, "key,status\n20-NQ/TW,forgotten\n");
    const r = await run(["check", clean, "--registry", bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^vncite: invalid registry: [^:;]/);
    expect(r.stderr).toContain(bad);
    expect(oneLine(r.stderr)).toBe(true);
    const missing = join(tmp, "no-registry.csv");
    // The reason, whichever layer gives it (the registry's own error or the CLI's).
    const unread = await run(["check", clean, "--registry", missing]);
    expect(unread.status).toBe(2);
    expect(unread.stderr).toMatch(/^vncite: .*no-registry\.csv.*no such file/i);
    expect(oneLine(unread.stderr)).toBe(true);
    expect((await run(["check", clean, "--format", "xml"])).status).toBe(2);
  });
});

describe("vncite graph and query", () => {
  const out = join(tmp, "seeds.graph.json");
  const seeds = join(tmp, "seeds");
  mkdirSync(seeds);
  for (const f of readdirSync(join(root, "fixtures")).filter((f) => /^\d{3}_.*\.txt$/.test(f))) copyFileSync(join(root, "fixtures", f), join(seeds, f));

  it("builds a graph from a directory, reports an unreadable file with its path, skips it and says so", async () => {
    const bad = join(tmp, "binary.txt");
    writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const r = await run(["graph", seeds, bad, "--out", out, "--jobs", "1"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`vncite: ${bad}: not UTF-8 text; skipped\n`);
    const graph = JSON.parse(readFileSync(out, "utf8"));
    expect(graph.documents).toHaveLength(4);
  });

  it("answers queries on the written graph", async () => {
    expect((await run(["query", out, "cited-by", "42-CT/TW"])).stdout).toContain("93-KL/TW\tcontinues\t42-CT/TW\t0\tstated by");
    const conflicts = JSON.parse((await run(["query", out, "conflicts", "--format", "json"])).stdout);
    expect(conflicts.map((c: { keys: string[] }) => c.keys)).toEqual([["77-CT/TU", "77-CTr/TU"], ["93-KL/TW", "93-NQ/TW"]]);
    expect((await run(["query", out, "missing"])).stdout.split("\n")).toContain("20-NQ/TW");
  });

  it("writes the graph as JSON Lines that query reads to the same answers", async () => {
    const lines = join(tmp, "seeds.graph.jsonl");
    expect((await run(["graph", seeds, "--format", "jsonl", "--out", lines, "--jobs", "1"])).status).toBe(0);
    for (const q of [["cited-by", "42-CT/TW"], ["missing"], ["most-cited", "5"]]) {
      expect((await run(["query", lines, ...q])).stdout).toBe((await run(["query", out, ...q])).stdout);
    }
  });

  it("says a key is not in the graph, suggests the nearest, and exits 1", async () => {
    const r = await run(["query", out, "cites", "42-CT/TU"]);
    expect(r).toMatchObject({ status: 1, stdout: "" });
    // 42-CT/TW is one letter away; 77-CT/TU and 25-KH/TU are further.
    expect(r.stderr).toMatch(/^vncite: 42-CT\/TU is not in the graph; nearest: 42-CT\/TW(, |\n)/);
    expect((await run(["query", out, "cites", "NOPE"])).stderr).toBe("vncite: NOPE is not in the graph\n");
    expect((await run(["query", out, "path", "42-CT/TW", "NOPE"])).status).toBe(1);
  });

  it("names document ids by the path under the directory given, or by file name", async () => {
    // 000_… has no number of its own (a Công văn without one in its header): its id stands for it.
    const ids = async (...extra: string[]) => {
      await run(["graph", seeds, "--out", join(tmp, "ids.json"), "--jobs", "1", ...extra]);
      return JSON.parse(readFileSync(join(tmp, "ids.json"), "utf8")).nodes.map((n: { key: string }) => n.key) as string[];
    };
    expect(await ids()).toContain("000_1db0ab688705c645.txt");
    expect(await ids("--id-from", "name")).toContain("000_1db0ab688705c645");
    expect(await ids("--id-from", "path")).toContain(join(seeds, "000_1db0ab688705c645.txt"));
    expect((await run(["graph", seeds, "--id-from", "inode"])).stderr).toBe('vncite: unknown --id-from "inode" (relative, name or path)\n');
  });

  it("reads subdirectories unless --no-recursive; a directory named x.txt is walked, not read as a file", async () => {
    const dir = join(tmp, "nested");
    mkdirSync(join(dir, "sub", "x.txt"), { recursive: true });
    copyFileSync(seed, join(dir, "a.txt"));
    copyFileSync(clean, join(dir, "sub", "x.txt", "b.txt"));
    const documents = async (...extra: string[]) => {
      const r = await run(["graph", dir, "--jobs", "1", ...extra]);
      expect(r).toMatchObject({ status: 0, stderr: "" });
      return JSON.parse(r.stdout).documents;
    };
    expect(await documents()).toEqual(["a.txt", "sub/x.txt/b.txt"]);
    expect(await documents("--no-recursive")).toEqual(["a.txt"]);
    const named = await run(["graph", join(dir, "sub", "x.txt"), "--jobs", "1"]);
    expect(named.status).toBe(0);
    expect(named.stderr).toBe(`vncite: ${join(dir, "sub", "x.txt")} is a directory: reading the .txt files under it\n`);
  });

  it("reports a document id read twice and skips the second", async () => {
    const twin = join(tmp, "twin");
    mkdirSync(join(twin, "b"), { recursive: true });
    copyFileSync(clean, join(twin, "same.txt"));
    copyFileSync(clean, join(twin, "b", "same.txt"));
    const r = await run(["graph", twin, "--id-from", "name", "--jobs", "1"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`vncite: ${join(twin, "same.txt")}: a document with the id same was read before; skipped\n`);
  });

  it.each([
    [["--out", join(tmp, "no", "such", "dir", "g.json")], /^vncite: --out .*g\.json: no directory .*dir$/],
    [["--out", tmp], /^vncite: --out .*: is a directory$/],
    [["--out", join(seed, "g.json")], /^vncite: --out .*: .*is not a directory$/],
    [["--format", "neo4j", "--out", seed], /^vncite: --out .*: not a directory$/],
    [["--format", "neo4j"], /give --out <directory>/],
  ])("checks the output path before any work: %j", async (extra, message) => {
    const r = await run(["graph", join(root, "fixtures"), ...(extra as string[])]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(message as RegExp);
    expect(oneLine(r.stderr)).toBe(true);
  });

  it("writes DOT, GraphML and the neo4j files", async () => {
    expect((await run(["graph", seed, "--format", "dot"])).stdout).toContain("digraph citations {");
    expect((await run(["graph", seed, "--format", "graphml"])).stdout).toContain("<graphml");
    // BNN&PTNT is a real issuer code (Bộ Nông nghiệp và Phát triển nông thôn): XML needs its & escaped.
    const amp = join(tmp, "amp.txt");
    writeFileSync(amp, "Căn cứ Thông tư số 12/2020/TT-BNN&PTNT ngày 1/2/2020 của Bộ Nông nghiệp và Phát triển nông thôn.\n");
    const graphml = (await run(["graph", amp, "--format", "graphml"])).stdout;
    expect(graphml).toContain('<node id="12/2020/TT-BNN&amp;PTNT">');
    expect(graphml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#)/);
    const dir = join(tmp, "neo4j", "import");
    expect((await run(["graph", seed, "--format", "neo4j", "--out", dir])).status).toBe(0);
    expect(readFileSync(join(dir, "relationships.csv"), "utf8").split("\n")[0]).toBe(":START_ID(Document),:END_ID(Document),:TYPE,count:int,statedBy:string[]");
  });

  it("exits 2 on usage errors, saying why a file is not a graph", async () => {
    expect((await run(["query", out, "frobnicate"])).status).toBe(2);
    expect((await run(["query", out, "cites"])).status).toBe(2);
    expect((await run(["query", out, "most-cited", "many"])).status).toBe(2);
    const notGraph = await run(["query", seed, "missing"]);
    expect(notGraph.status).toBe(2);
    expect(notGraph.stderr).toMatch(/not JSON, so not a vncite graph/);
    const oldGraph = join(tmp, "old.graph.json");
    writeFileSync(oldGraph, JSON.stringify({ nodes: [], edges: [] }));
    expect((await run(["query", oldGraph, "missing"])).stderr).toMatch(/^vncite: .*old\.graph\.json: not a vncite graph \(format: .*\); vncite graph --format json or jsonl writes one\n$/);
  });
});

describe("output in time proportional to its size", TIMING, () => {
  /** The best of two runs: the least disturbed by other work on the machine. */
  async function seconds(args: string[], input: string): Promise<number> {
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      await run(args, input);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  }

  it.each([
    [["extract", "--format", "table"]],
    [["check", "--format", "text"]],
    [["check", "--format", "sarif"]],
  ])("%j on 4× the lines takes about 4× the time", async (args) => {
    // A citation with an error every hundred lines: each line of output needs its line number, and counting
    // lines from the start of the text for each made this ratio ~16.
    const text = (n: number) => `${"Dòng chữ.\n".repeat(99)}Thực hiện Kết luận số 93-NQ/TW của Ban Bí thư.\n`.repeat(n);
    await seconds(args, text(100)); // warm-up: the worker's lexers and parsers built, the code compiled
    // Sizes large enough that a pause of the machine is small beside either time.
    const small = await seconds(args, text(600));
    const large = await seconds(args, text(2_400));
    expect(large / small).toBeLessThan(4 * 2);
  });
});

describe("--jobs", () => {
  it("exits 2 for a bad number of jobs", async () => {
    expect((await run(["extract", seed, "--jobs", "0"])).status).toBe(2);
    expect((await run(["extract", seed, "--jobs", "two"])).stderr).toMatch(/--jobs takes a whole number/);
  });
});
