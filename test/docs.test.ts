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
// - a command written inline (`npm run x`, `npx tsx file`, `vncite command …`) must name a script, a file, a command.
// The machinery is test/helpers/snippets.ts; docs/postgres.md runs in test/docs-postgres.test.ts (NOT_RUN_HERE).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/cli.js";
import { type Block, blocksOf, enterSandbox, expectedOutput, root, runScript, runShellLine } from "./helpers/snippets.js";

const quietIo = { stdout: { write: () => {} }, stderr: { write: () => {} }, readStdin: () => "", stdinIsTTY: true } as Parameters<typeof main>[1];

// Guides whose snippets run in another test file, each with why and which (a test below holds that file to read it).
const NOT_RUN_HERE: Record<string, { why: string; test: string }> = {
  "docs/postgres.md": { why: "its commands and SQL need a PostgreSQL server (skipped, saying why, where there is none)", test: "test/docs-postgres.test.ts" },
};
const FILES = ["README.md", "CONTRIBUTING.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)]
  .filter((f) => !(f in NOT_RUN_HERE));
const snippetDir = join(root, "test", ".snippets", "docs");

const BLOCKS = FILES.flatMap(blocksOf);

const CONFIG_KEYS = ["severity", "ignore", "rules", "lang"];
const isCheckConfig = (b: Block) => b.lang === "json" && /^\s*\{/.test(b.code) && Object.keys(JSON.parse(b.code)).every((k) => CONFIG_KEYS.includes(k));

describe("the snippets of the README and the guides", () => {
  let leave = () => {};
  beforeAll(async () => {
    ({ leave } = await enterSandbox());
  });
  afterAll(() => {
    leave();
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

  it("runs the snippets of every guide, here or in the test named for it", () => {
    for (const [doc, { test }] of Object.entries(NOT_RUN_HERE)) expect(readFileSync(join(root, test), "utf8"), test).toContain(`"${doc}"`);
    expect(FILES.length + Object.keys(NOT_RUN_HERE).length).toBe(2 + readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).length);
  });

  it("names only what exists in the commands written inline (`npm run x`, `npx tsx file`, `vncite command …`)", async () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts);
    const inline = [...FILES, ...Object.keys(NOT_RUN_HERE)].flatMap((f) =>
      [...readFileSync(join(root, f), "utf8").matchAll(/`((?:npm run|npx tsx|npx vncite|vncite|node dist\/cli\.js) [^`]*)`/g)].map((m) => [f, m[1] as string] as const));
    expect(inline.length).toBeGreaterThan(40);
    for (const [file, command] of inline) {
      const w = command.split(/\s+/);
      if (w[0] === "npm") expect(scripts, `${file}: ${command}`).toContain(w[2]);
      else if (w[0] === "npx" && w[1] === "tsx") expect(existsSync(join(root, w[2] as string)), `${file}: ${command}`).toBe(true);
      else {
        // `vncite extract|check|graph --jobs N`: each command named; `vncite help check`, `vncite --version`; `vncite …`: none.
        const args = w.slice(w[0] === "vncite" ? 1 : 2);
        const named = (args[0] === "help" ? args[1] : args[0]) as string;
        for (const sub of named.split("|").filter((x) => x !== "…")) {
          const status = await main(sub.startsWith("-") ? [sub] : ["help", sub], quietIo);
          expect(status, `${file}: ${command}`).toBe(0);
        }
      }
    }
  });

  it("finds snippets in every file", () => {
    for (const f of ["README.md"]) expect(BLOCKS.some((b) => b.file === f && (b.lang === "ts" || b.lang === "sh")), f).toBe(true);
  });

  for (const block of BLOCKS.filter((b) => ["ts", "js", "typescript", "javascript"].includes(b.lang))) {
    it(`${block.file}:${block.line} (${block.lang})`, async () => {
      const printed = await runScript(block, snippetDir);
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
