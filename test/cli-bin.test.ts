// The executable end to end: the CLI bundled as the package builds it (a fresh build of the current source
// into node_modules/.cache, so the suite needs no `npm run build`), run as a process: standard input, a
// closed pipe, worker threads started from the bundle.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "tsup";
import { beforeAll, describe, expect, it } from "vitest";
import { bundled } from "../tsup.config.js";

const root = join(import.meta.dirname, "..");
const outDir = join(root, "node_modules", ".cache", "vncite-cli-test");
const cli = join(outDir, "cli.js");
const seed = join(root, "fixtures", "004_174a28dc88bcd672.txt");
const run = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", input: input ?? "" });

beforeAll(async () => {
  // The same entries and splitting as tsup.config.ts's CLI build, without its types and library builds.
  await build({
    config: false,
    entry: { cli: join(root, "src/cli/bin.ts"), worker: join(root, "src/cli/worker.ts") },
    outDir,
    format: ["esm"],
    splitting: true,
    clean: true,
    silent: true,
    target: "node20",
    noExternal: bundled,
    metafile: true,
  });
}, 120_000);

/** The source modules a run of the executable loaded: the bundle's files it loaded (a module hook lists them), mapped back to their inputs. */
function modulesLoadedBy(args: string[]): string[] {
  const log = join(outDir, "loaded.txt");
  writeFileSync(log, "");
  writeFileSync(join(outDir, "hooks.mjs"), `import { appendFileSync } from "node:fs";
    export async function load(url, context, next) { if (url.startsWith("file:")) appendFileSync(${JSON.stringify(log)}, url + "\\n"); return next(url, context); }`);
  writeFileSync(join(outDir, "register.mjs"), 'import { register } from "node:module"; register("./hooks.mjs", import.meta.url);');
  const r = spawnSync(process.execPath, ["--import", join(outDir, "register.mjs"), cli, ...args], { cwd: root, encoding: "utf8" });
  expect(r.status).toBe(0);
  const { outputs } = JSON.parse(readFileSync(join(outDir, "metafile-esm.json"), "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const loaded = new Set(readFileSync(log, "utf8").split("\n").filter(Boolean).map((u) => new URL(u).pathname));
  return Object.entries(outputs).flatMap(([file, o]) => (loaded.has(join(root, file)) ? Object.keys(o.inputs) : []));
}

describe("the built vncite executable", () => {
  it("prints its version and reads piped standard input when no file is named", () => {
    expect(run(["--version"]).stdout.trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
    const r = run(["extract", "--format", "table"], "Căn cứ Nghị định số 30/2020/NĐ-CP;\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("place\tkey\tkind\tdate\tissued by\tdiagnostics\n-:1:8\t30/2020/NĐ-CP\tNghị định\t-\t-\t-\n");
  });

  it("loads per command what it needs: extract no document layer, graph, registry or zod", () => {
    const extracting = modulesLoadedBy(["extract", seed]);
    expect(extracting).toContain("src/extract/extract.ts");
    expect(extracting.filter((f) => /^src\/(graph|check|document)\/|^src\/node\.ts$|node_modules\/(zod|papaparse)\//.test(f))).toEqual([]);
    // The hook sees what a command loads when it runs: graph loads the graph and the document layer.
    const graphing = modulesLoadedBy(["graph", seed]);
    expect(graphing).toEqual(expect.arrayContaining(["src/graph/graph.ts", "src/document/document.ts"]));
  });

  it("leaves quietly when the reader closes the pipe (| head -1)", () => {
    // Ten copies of a seed give ~400 KB of JSON lines, more than a pipe holds.
    const args = Array.from({ length: 10 }, () => JSON.stringify(seed)).join(" ");
    const r = spawnSync("bash", ["-c", `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} extract ${args} --format jsonl --jobs 1 | head -1 >/dev/null; echo "exit \${PIPESTATUS[0]}"`], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("exit 0\n");
  });

  it("gives the same output on worker threads as in one thread, in input order, with the ids given", () => {
    const files = readdirSync(join(root, "fixtures")).filter((f) => f.endsWith(".txt")).map((f) => join(root, "fixtures", f));
    const one = run(["extract", ...files, "--format", "jsonl", "--jobs", "1"]);
    const two = run(["extract", ...files, "--format", "jsonl", "--jobs", "2"]);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    // graph sends each document's id to the workers with its file: the path under the directory named.
    const graph = JSON.parse(run(["graph", join(root, "fixtures"), "--no-recursive", "--jobs", "2"]).stdout);
    expect(graph.documents).toEqual(files.map((f) => f.slice(join(root, "fixtures").length + 1)));
    expect(graph.nodes.map((n: { key: string }) => n.key)).toContain("000_1db0ab688705c645.txt"); // no number of its own
  });

  it("reports a file whose worker ran out of memory, restarts the worker and reads the others (issue 26, item 13)", () => {
    const dir = mkdtempSync(join(tmpdir(), "vncite-oom-"));
    const files = Array.from({ length: 12 }, (_, i) => join(dir, `${String(i).padStart(2, "0")}.txt`));
    files.forEach((f, i) => writeFileSync(f, i === 5 ? "Căn cứ Nghị quyết số 20-NQ/TW. ".repeat(150_000) : `Căn cứ Kết luận số ${i + 1}-KL/TW.\n`));
    // The workers' heap is the process's (--max-old-space-size): small enough that the 5 MB text fills it.
    const r = spawnSync(process.execPath, ["--max-old-space-size=24", cli, "graph", dir, "--jobs", "2", "--format", "jsonl"], { encoding: "utf8" });
    expect(r.stderr).toBe(`vncite: ${files[5]}: failed: ran out of memory (its worker was restarted); skipped\n`);
    expect(r.status).toBe(1);
    const documents = r.stdout.split("\n").filter((l) => l.startsWith('{"type":"document"')).map((l) => JSON.parse(l).id);
    expect(documents).toEqual(files.filter((_, i) => i !== 5).map((f) => f.slice(dir.length + 1)));
  }, 60_000);
});
