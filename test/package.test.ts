// What the published package promises beyond the code: its vocabulary tables importable, the types' imports
// resolvable by a strict package manager, the metadata a registry page shows.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { bundled, optional } from "../tsup.config.js";

const root = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

it("exports the grammar tables: vncite/grammar/<table>.json resolves through the exports map", async () => {
  // A self-reference by the package's own name goes through its exports map, as a user's import does.
  const types = await import("vncite/grammar/types.json", { with: { type: "json" } });
  expect(types.default).toEqual(JSON.parse(readFileSync(join(root, "grammar", "types.json"), "utf8")));
});

it("lists as dependencies every package the library's code and published types import, but those tsup bundles", () => {
  const imported = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith(".ts")) {
        for (const m of readFileSync(join(dir, e.name), "utf8").matchAll(/^(?:import|export)[^;]*?from\s+"([^".][^"]*)"/gm)) {
          const spec = m[1] as string;
          if (!spec.startsWith("node:")) imported.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] as string));
        }
      }
    }
  };
  walk(join(root, "src"));
  const isBundled = (name: string) => bundled.some((b) => (typeof b === "string" ? b === name : b.test(name)));
  const [inDist, external] = [[...imported].filter(isBundled), [...imported].filter((n) => !isBundled(n))];
  expect(inDist).toEqual(expect.arrayContaining(["chevrotain", "papaparse", "luxon", "fastest-levenshtein"]));
  // The PostgreSQL driver: an optional dependency, imported only by the PostgreSQL path.
  expect(external.filter((n) => !optional.includes(n))).toEqual(["zod"]);
  for (const name of external.filter((n) => optional.includes(n))) expect(Object.keys(pkg.optionalDependencies), name).toContain(name);
  // zod, imported by `vncite/schema` alone, is an optional peer: `vncite` requires no dependency at all.
  expect(pkg.dependencies).toBeUndefined();
  expect(pkg.peerDependencies).toEqual({ zod: pkg.devDependencies.zod });
  expect(pkg.peerDependenciesMeta).toEqual({ zod: { optional: true } });
  // What is bundled is needed to build, not to install: a devDependency.
  for (const name of inDist) expect(Object.keys(pkg.devDependencies), name).toContain(name);
});

it("names its licence, repository, home page and issue tracker, and ships LICENSE and CHANGELOG.md", () => {
  expect(pkg.license).toBe("MIT");
  expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/^MIT License/);
  expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\//);
  expect(pkg.bugs.url).toMatch(/\/issues$/);
  expect(pkg.files).toEqual(expect.arrayContaining(["dist", "grammar", "LICENSE", "CHANGELOG.md"]));
});

it("is version 0.2.0, released in the CHANGELOG (Keep a Changelog: a dated heading and a link per version)", () => {
  expect(pkg.version).toBe("0.2.0");
  const changelog = readFileSync(join(root, "CHANGELOG.md"), "utf8");
  expect(changelog).toMatch(new RegExp(`^## \\[${pkg.version.replaceAll(".", "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m"));
  expect(changelog).toMatch(/^## \[Unreleased\]$/m);
  for (const [, version] of changelog.matchAll(/^## \[([^\]]+)\]/gm)) expect(changelog, version).toMatch(new RegExp(`^\\[${version}\\]: https://`, "m"));
});

it("is written as npm publishes it: `npm pkg fix` changes nothing (a `./` before the bin's path made npm publish drop the command)", () => {
  const dir = mkdtempSync(join(tmpdir(), "vncite-pkg-"));
  try {
    copyFileSync(join(root, "package.json"), join(dir, "package.json"));
    execFileSync("npm", ["pkg", "fix"], { cwd: dir, stdio: "ignore" });
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).toEqual(pkg);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
