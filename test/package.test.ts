// What the published package promises beyond the code: its vocabulary tables importable, the types' imports
// resolvable by a strict package manager, the metadata a registry page shows.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

it("exports the grammar tables: vncite/grammar/<table>.json resolves through the exports map", async () => {
  // A self-reference by the package's own name goes through its exports map, as a user's import does.
  const types = await import("vncite/grammar/types.json", { with: { type: "json" } });
  expect(types.default).toEqual(JSON.parse(readFileSync(join(root, "grammar", "types.json"), "utf8")));
});

it("lists as dependencies the packages its published types import", () => {
  expect(Object.keys(pkg.dependencies)).toContain("graphology-types");
});

it("names its licence, repository, home page and issue tracker, and ships LICENSE and CHANGELOG.md", () => {
  expect(pkg.license).toBe("MIT");
  expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/^MIT License/);
  expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\//);
  expect(pkg.bugs.url).toMatch(/\/issues$/);
  expect(pkg.files).toEqual(expect.arrayContaining(["dist", "grammar", "LICENSE", "CHANGELOG.md"]));
});
