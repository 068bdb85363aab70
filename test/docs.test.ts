// Every fenced snippet of README.md, CONTRIBUTING.md and docs/*.md runs here, in this process:
// - ts/js blocks are written to test/.snippets/ and imported (`vncite` is src/, vitest.config.ts); what they
//   print is compared with the block's trailing `// ` comment lines after a `// prints:` line, where it has one.
//   A block without imports gets those of the package's names it uses. A block that uses `document` gets a stub
//   of the three calls the snippets make.
// - sh lines that run vncite (`vncite …`, `npx vncite …`, `node dist/cli.js …`, after `echo "…" |` or another
//   program's pipe) run through the CLI's `main(argv, io)` in a sandbox folder holding the files they name
//   (copies of fixtures/); the `# ` lines under one are the start of what it must print. `npm run x`, `npm test`
//   must be scripts of package.json; `npx tsx examples/…` must name an example (test/examples.test.ts runs
//   them); `npm install`/`npm ci`/`npm pack` of the package are what test/examples.test.ts does. Any other line
//   fails the test: a snippet the tests cannot run does not go in the docs.
// - an unlabelled block right after a sh block is all that the block's last vncite command prints.
// - a json block of check's settings (`severity`, `ignore`, `rules`, `lang` only) is given to `vncite check --config`.
// Other yaml, html, text and json blocks are shown, not run (the page's own test runs its HTML).
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/cli.js";
import * as api from "../src/node.js";

const root = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
// Guides whose snippets need what the tests do not have here, each with the test that covers it instead.
const NOT_RUN_HERE: Record<string, string> = {
  "docs/postgres.md": "a PostgreSQL server: test/postgres*.test.ts run its paths where one is installed",
};
const FILES = ["README.md", "CONTRIBUTING.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)]
  .filter((f) => !(f in NOT_RUN_HERE));
const seed = readFileSync(join(root, "fixtures", "004_174a28dc88bcd672.txt"), "utf8");

interface Block {
  file: string;
  line: number;
  lang: string;
  code: string;
  /** The block right after this one, with only blank lines between. */
  next?: Block;
}

function blocksOf(file: string): Block[] {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)/.exec(lines[i] as string);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] as string).startsWith("```"); i++) body.push(lines[i] as string);
    const block: Block = { file, line: start + 1, lang: open[1] ?? "", code: body.join("\n") };
    const before = out.at(-1);
    if (before && lines.slice(before.line + before.code.split("\n").length + 1, start).every((l) => l.trim() === "")) before.next = block;
    out.push(block);
  }
  return out;
}
const BLOCKS = FILES.flatMap(blocksOf);

/** The lines after a `// prints:` (or `# prints:`) line to the end of the block, comment marks removed. */
function expectedOutput(code: string, mark: "//" | "#"): string[] | null {
  const lines = code.split("\n");
  const at = lines.findIndex((l) => l.trim() === `${mark} prints:`);
  if (at < 0) return null;
  return lines.slice(at + 1).filter((l) => l.trim() !== "").map((l) => l.replace(new RegExp(`^\\s*${mark} ?`), ""));
}

// ---------- ts / js ----------

let snippet = 0;
const snippetDir = join(root, "test", ".snippets");

async function runScript(block: Block): Promise<string[]> {
  let code = block.code;
  if (!/^import /m.test(code)) {
    const used = Object.keys(api).filter((name) => new RegExp(`\\b${name}\\b`).test(code));
    if (used.length > 0) code = `import { ${used.join(", ")} } from "vncite/node";\n${code}`;
  }
  code = `${code}\nexport {};\n`;
  mkdirSync(snippetDir, { recursive: true });
  const path = join(snippetDir, `${block.file.replace(/\W/g, "_")}_${block.line}_${snippet++}.ts`);
  writeFileSync(path, code);
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.map(String).join(" ")));
  const element = { value: seed, textContent: seed, innerHTML: "", addEventListener: () => {} };
  vi.stubGlobal("document", { querySelector: () => element });
  try {
    await import(path);
  } finally {
    log.mockRestore();
    vi.unstubAllGlobals();
  }
  return out.join("\n").split("\n");
}

// ---------- sh ----------

/** Words of a shell command: quotes ('…' and "…") kept together and removed; no expansion but globs (below). */
function words(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? (m[3] as string));
  return out;
}

/** `dir/*.txt` → the matching files of the sandbox (cwd), sorted; other words as they are. */
function expandGlob(word: string): string[] {
  const m = /^(.*\/)?([^/]*\*[^/]*)$/.exec(word);
  if (!m) return [word];
  const dir = m[1] ?? "";
  const pattern = new RegExp(`^${(m[2] as string).replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  return readdirSync(dir || ".").filter((f) => pattern.test(f)).sort().map((f) => dir + f);
}

/** Splits a line at unquoted `|`, and drops a trailing `# comment`. */
function pipeline(line: string): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || line[i - 1] === " ")) break;
    else if (c === "|") {
      parts.push(current.trim());
      current = "";
      continue;
    }
    current += c;
  }
  parts.push(current.trim());
  return parts.filter((p) => p !== "");
}

const VNCITE = /^(?:npx vncite|vncite|node dist\/cli\.js)(?:\s|$)/;

async function runShellLine(line: string): Promise<{ status: number; stdout: string; stderr: string } | null> {
  const parts = pipeline(line);
  const at = parts.findIndex((p) => VNCITE.test(p));
  if (at < 0) {
    for (const part of parts) checkOtherCommand(part, line);
    return null;
  }
  const before = parts[at - 1];
  const input = before === undefined ? undefined : before.startsWith("echo ") ? `${words(before).slice(1).join(" ")}\n` : seed; // another program's output: a text
  let argv = words((parts[at] as string).replace(VNCITE, ""));
  const redirect = argv.indexOf(">");
  if (redirect >= 0) argv = argv.slice(0, redirect);
  argv = argv.flatMap(expandGlob);
  let stdout = "";
  let stderr = "";
  const status = await main(argv, {
    stdout: { write: (s: string) => void (stdout += s) },
    stderr: { write: (s: string) => void (stderr += s) },
    readStdin: () => input ?? "",
    stdinIsTTY: input === undefined,
  } as Parameters<typeof main>[1]);
  return { status, stdout, stderr };
}

/** A line that does not run vncite: what it names must exist (the other tests run it). */
function checkOtherCommand(part: string, line: string) {
  const w = words(part);
  if (w[0] === "npm" && w[1] === "run") expect(Object.keys(pkg.scripts), line).toContain(w[2]);
  else if (w[0] === "npm" && (w[1] === "test" || w[1] === "ci")) expect(pkg.scripts.test, line).toBeDefined();
  else if (w[0] === "npm" && (w[1] === "install" || w[1] === "pack" || w[1] === "publish")) expect(line).toMatch(/vncite|--save-dev|zod|^npm (pack|publish)/);
  else if (w[0] === "npx" && w[1] === "tsx") expect(existsSync(join(root, w[2] as string)), line).toBe(true);
  else if (w[0] === "bash" || w[0] === "sh") expect(existsSync(join(root, w[1] as string)), line).toBe(true);
  else if (w[0] === "git" && w[1] === "clone") expect(w[2], line).toMatch(/^https:\/\/github\.com\/vncite\/vncite/);
  else if (w[0] === "cd") return;
  // Programs outside vncite that a guide shows with vncite's files (its own tests read those files back).
  else if (w[0] === "neo4j-admin") expect(line).toMatch(/documents\.csv.*relationships\.csv/);
  else throw new Error(`the docs test cannot run: ${line}`);
}

const CONFIG_KEYS = ["severity", "ignore", "rules", "lang"];
const isCheckConfig = (b: Block) => b.lang === "json" && /^\s*\{/.test(b.code) && Object.keys(JSON.parse(b.code)).every((k) => CONFIG_KEYS.includes(k));

describe("the snippets of the README and the guides", () => {
  const sandbox = mkdtempSync(join(tmpdir(), "vncite-docs-"));
  const cwd = process.cwd();
  beforeAll(async () => {
    // The files the commands name, copies of the fixtures.
    cpSync(join(root, "fixtures"), join(sandbox, "fixtures"), { recursive: true });
    const texts = readdirSync(join(root, "fixtures")).filter((f) => f.endsWith(".txt")).sort();
    for (const dir of ["corpus", "drafts", "texts"]) {
      mkdirSync(join(sandbox, dir));
      for (const t of texts) copyFileSync(join(root, "fixtures", t), join(sandbox, dir, t));
    }
    for (const [name, from] of [["a.txt", texts[0]], ["b.txt", texts[1]], ["decision.txt", texts[3]], ["draft.txt", texts[3]], ["du-thao.txt", texts[3]], ["text.txt", texts[3]]] as const)
      copyFileSync(join(root, "fixtures", from as string), join(sandbox, name));
    for (const f of ["registry.csv", "registry.json"]) copyFileSync(join(root, "fixtures", f), join(sandbox, f));
    process.chdir(sandbox);
    // Two shards' graphs, for the guide's merge of shards.
    for (const [k, shard] of [texts.slice(0, 2), texts.slice(2)].entries()) {
      const dir = `shard-0${k + 1}`;
      mkdirSync(dir);
      for (const t of shard) copyFileSync(join(root, "fixtures", t), join(dir, t));
      await main(["graph", dir, "--format", "jsonl", "--out", `${dir}.jsonl`], { stdout: { write: () => {} }, stderr: { write: () => {} }, readStdin: () => "", stdinIsTTY: true } as Parameters<typeof main>[1]);
    }
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(sandbox, { recursive: true, force: true });
    rmSync(snippetDir, { recursive: true, force: true });
  });

  it("the README's API table names every export of vncite and vncite/node", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## API at a glance"), readme.indexOf("## The command line"));
    const named = new Set([...table.matchAll(/`([A-Za-z_]\w*)/g)].map((m) => m[1]));
    const exported = ["index.ts", "node.ts"].flatMap((f) =>
      [...readFileSync(join(root, "src", f), "utf8").matchAll(/^export (?:type )?\{([^}]*)\}/gm)].flatMap((m) =>
        (m[1] as string).split(",").map((n) => n.trim().replace(/^type /, "").split(" as ").at(-1) as string).filter(Boolean)));
    expect(exported.length).toBeGreaterThan(50);
    expect(exported.filter((n) => !named.has(n))).toEqual([]);
  });

  it("finds snippets in every file", () => {
    for (const f of ["README.md"]) expect(BLOCKS.some((b) => b.file === f && (b.lang === "ts" || b.lang === "sh")), f).toBe(true);
  });

  for (const block of BLOCKS.filter((b) => ["ts", "js", "typescript", "javascript"].includes(b.lang))) {
    it(`${block.file}:${block.line} (${block.lang})`, async () => {
      const printed = await runScript(block);
      const expected = expectedOutput(block.code, "//");
      if (expected) expect(printed.slice(0, expected.length)).toEqual(expected);
    });
  }

  for (const block of BLOCKS.filter(isCheckConfig)) {
    it(`${block.file}:${block.line} (json: check's settings)`, async () => {
      const config = JSON.parse(block.code);
      writeFileSync(`config-${block.line}.json`, block.code);
      const result = await runShellLine(`vncite check drafts/ --config config-${block.line}.json`);
      expect(result?.status, result?.stderr).toBeLessThan(2);
      // What the settings leave out is not shown.
      for (const code of [...(config.ignore ?? []), ...Object.keys(config.rules ?? {}).filter((c) => config.rules[c] === "off")]) expect(result?.stdout).not.toContain(code);
    });
  }

  for (const block of BLOCKS.filter((b) => b.lang === "sh" || b.lang === "bash" || b.lang === "shell")) {
    it(`${block.file}:${block.line} (sh)`, async () => {
      const lines = block.code.replace(/\\\n\s*/g, " ").split("\n");
      let last: Awaited<ReturnType<typeof runShellLine>> = null;
      for (let i = 0; i < lines.length; i++) {
        const line = (lines[i] as string).trim();
        if (line === "" || line.startsWith("#")) continue;
        // `a && b`: each command in turn (no `&&` inside the quoted text of these snippets).
        const results = [];
        for (const command of line.split(" && ")) results.push(await runShellLine(command));
        const result = results.at(-1);
        if (!result) continue;
        last = result;
        expect(result.status, `${line}\n${result.stderr}`).toBeLessThan(2);
        // The `# ` lines right under a command: the start of what it prints.
        const shown: string[] = [];
        for (let k = i + 1; k < lines.length && /^\s*# /.test(lines[k] as string); k++) shown.push((lines[k] as string).replace(/^\s*# /, ""));
        if (shown.length > 0) expect(result.stdout.split("\n").slice(0, shown.length), line).toEqual(shown);
      }
      // An unlabelled block right under it: all that its last vncite command prints (the file named as the block's command names it).
      if (block.next?.lang === "" && last) expect(last.stdout.trimEnd()).toBe(block.next.code.trimEnd());
    });
  }
});
