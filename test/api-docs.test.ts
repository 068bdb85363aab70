// The API reference (docs/api, typedoc's Markdown, committed so that the README's link shows it): typedoc builds it
// with no warning (typedoc.json makes warnings errors: a type the reference names but leaves out, a broken link;
// it leaves the type check to `npm run typecheck`: 6 s instead of 17, and a union's members then come in another order),
// and the committed files are what it builds from the code today. Stale after a change of the public API:
// `npm run docs` and commit docs/api. One typedoc run (6 s idle).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const out = mkdtempSync(join(tmpdir(), "vncite-api-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every file under `dir`, by its path inside it, with its text. */
function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) files.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), "utf8"));
  }
  return files;
}

it("typedoc builds the reference without a warning, and docs/api is that reference (else: npm run docs)", () => {
  const typedoc = join(root, "node_modules", "typedoc", "bin", "typedoc");
  const run = spawnSync(process.execPath, [typedoc, "--out", out], { cwd: root, encoding: "utf8" });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  expect(run.stdout).not.toMatch(/\[warning\]|\[error\]/);
  const built = filesOf(out);
  const committed = filesOf(join(root, "docs", "api"));
  expect([...committed.keys()].sort(), "docs/api's files (npm run docs)").toEqual([...built.keys()].sort());
  for (const [path, text] of built) expect(committed.get(path), `docs/api/${path} is stale: npm run docs`).toBe(text);
  // Both entries and the reference's real types: resolve() returns Resolved, not object.
  expect(built.get("vncite/node.md")).toContain("### loadPostgres()");
  expect(built.get("vncite.md")).toContain("> **resolve**(`citations`, `options?`): [`Resolved`](#resolved)");
});
