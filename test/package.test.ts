// What the published package promises beyond the code: its vocabulary tables importable, the types' imports
// resolvable by a strict package manager, the metadata a registry page shows.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

it("exports the grammar tables: vncite/grammar/<table>.json resolves through the exports map", async () => {
  // A self-reference by the package's own name goes through its exports map, as a user's import does.
  const types = await import("vncite/grammar/types.json", { with: { type: "json" } });
  expect(types.default).toEqual(JSON.parse(readFileSync(join(root, "grammar", "types.json"), "utf8")));
});

it("lists as dependencies every package the library's code and published types import (chevrotain is bundled)", () => {
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
  imported.delete("chevrotain");
  expect(imported.size).toBeGreaterThan(0);
  for (const name of imported) expect(Object.keys(pkg.dependencies), name).toContain(name);
});

it("names its licence, repository, home page and issue tracker, and ships LICENSE and CHANGELOG.md", () => {
  expect(pkg.license).toBe("MIT");
  expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/^MIT License/);
  expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\//);
  expect(pkg.bugs.url).toMatch(/\/issues$/);
  expect(pkg.files).toEqual(expect.arrayContaining(["dist", "grammar", "LICENSE", "CHANGELOG.md"]));
});
