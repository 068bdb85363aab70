// The generated syntax diagram in grammar/ matches the grammar in src/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { syntaxDiagramHtml } from "../src/parse.js";

it("grammar/diagram.html is up to date (npm run diagram)", () => {
  const committed = readFileSync(join(import.meta.dirname, "..", "grammar", "diagram.html"), "utf8");
  expect(committed).toBe(syntaxDiagramHtml());
});

it("names every rule of the grammar in the diagram", () => {
  for (const rule of ["citation", "identifierRest", "codeGroups", "date", "term", "nameWords"]) {
    expect(syntaxDiagramHtml()).toContain(`"name": "${rule}"`);
  }
});
