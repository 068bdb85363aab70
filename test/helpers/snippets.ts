// What test/docs.test.ts and test/docs-postgres.test.ts share: the fenced blocks of a Markdown file, a ts/js block
// run as a module of this process, a shell line that runs vncite run through the CLI's `main(argv, io)`, and the
// sandbox folder of copies of fixtures/ the commands read (test/docs.test.ts says what each kind of block must do).
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, vi } from "vitest";
import { main } from "../../src/cli/cli.js";
import * as api from "../../src/node.js";

export const root = join(import.meta.dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const seed = readFileSync(join(root, "fixtures", "004_174a28dc88bcd672.txt"), "utf8");
const quiet = { stdout: { write: () => {} }, stderr: { write: () => {} }, readStdin: () => "", stdinIsTTY: true } as Parameters<typeof main>[1];

export interface Block {
  file: string;
  line: number;
  lang: string;
  code: string;
  /** The block right after this one, with only blank lines between. */
  next?: Block;
}

export function blocksOf(file: string): Block[] {
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
/** The lines after a `// prints:` (or `# prints:`) line to the end of the block, comment marks removed. */
export function expectedOutput(code: string, mark: "//" | "#"): string[] | null {
  const lines = code.split("\n");
  const at = lines.findIndex((l) => l.trim() === `${mark} prints:`);
  if (at < 0) return null;
  return lines.slice(at + 1).filter((l) => l.trim() !== "").map((l) => l.replace(new RegExp(`^\\s*${mark} ?`), ""));
}

// ---------- ts / js ----------

let snippet = 0;

/**
 * Runs a ts/js block as a module written under `dir` (`rewrite` changes its code first: a server's URL); returns what
 * it printed with console.log, line by line.
 */
export async function runScript(block: Block, dir: string, rewrite: (code: string) => string = (c) => c): Promise<string[]> {
  let code = rewrite(block.code);
  if (!/^import /m.test(code)) {
    const used = Object.keys(api).filter((name) => new RegExp(`\\b${name}\\b`).test(code));
    if (used.length > 0) code = `import { ${used.join(", ")} } from "vncite/node";\n${code}`;
  }
  code = `${code}\nexport {};\n`;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${block.file.replace(/\W/g, "_")}_${block.line}_${snippet++}.ts`);
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
export function words(command: string): string[] {
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
export function pipeline(line: string): string[] {
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

export async function runShellLine(line: string): Promise<{ status: number; stdout: string; stderr: string } | null> {
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
  else if (w[0] === "npm" && (w[1] === "install" || w[1] === "pack" || w[1] === "publish")) expect(line).toMatch(/vncite|--save-dev|zod|^npm install pg pg-copy-streams|^npm (pack|publish)/);
  else if (w[0] === "npx" && w[1] === "tsx") expect(existsSync(join(root, w[2] as string)), line).toBe(true);
  else if (w[0] === "bash" || w[0] === "sh") expect(existsSync(join(root, w[1] as string)), line).toBe(true);
  else if (w[0] === "git" && w[1] === "clone") expect(w[2], line).toMatch(/^https:\/\/github\.com\/vncite\/vncite/);
  else if (w[0] === "cd") return;
  // Programs outside vncite that a guide shows with vncite's files (its own tests read those files back).
  else if (w[0] === "neo4j-admin") expect(line).toMatch(/documents\.csv.*relationships\.csv/);
  else throw new Error(`the docs test cannot run: ${line}`);
}

/**
 * A folder of the files the commands name (copies of the fixtures), made the working directory; `leave` goes back
 * and removes it.
 */
export async function enterSandbox(): Promise<{ dir: string; leave: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "vncite-docs-"));
  const cwd = process.cwd();
  cpSync(join(root, "fixtures"), join(dir, "fixtures"), { recursive: true });
  const texts = readdirSync(join(root, "fixtures")).filter((f) => f.endsWith(".txt")).sort();
  for (const sub of ["corpus", "drafts", "texts"]) {
    mkdirSync(join(dir, sub));
    for (const t of texts) copyFileSync(join(root, "fixtures", t), join(dir, sub, t));
  }
  for (const [name, from] of [["a.txt", texts[0]], ["b.txt", texts[1]], ["decision.txt", texts[3]], ["draft.txt", texts[3]], ["du-thao.txt", texts[3]], ["text.txt", texts[3]]] as const)
    copyFileSync(join(root, "fixtures", from as string), join(dir, name));
  for (const f of ["registry.csv", "registry.json"]) copyFileSync(join(root, "fixtures", f), join(dir, f));
  process.chdir(dir);
  // Two shards' graphs, for the guide's merge of shards.
  for (const [k, shard] of [texts.slice(0, 2), texts.slice(2)].entries()) {
    const sub = `shard-0${k + 1}`;
    mkdirSync(sub);
    for (const t of shard) copyFileSync(join(root, "fixtures", t), join(sub, t));
    await main(["graph", sub, "--format", "jsonl", "--out", `${sub}.jsonl`], quiet);
  }
  return {
    dir,
    leave: () => {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
