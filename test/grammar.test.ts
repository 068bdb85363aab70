// The generated syntax diagram in grammar/ matches the grammar in src/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { validateCitationLexer } from "../src/extract/lex.js";
import { syntaxDiagramHtml, validateCitationGrammar } from "../src/extract/parse.js";
import { validatePinpointGrammar } from "../src/document/pinpoint.js";
import { layoutDiagramHtml, validateActsGrammar } from "../src/document/acts.js";
import { validateLayoutGrammar } from "../src/document/layout/grammar.js";

// At run time the grammars are built without chevrotain's validations (they are most of a first call's cost);
// here they are built with them, so an ambiguity or a broken token fails the suite.
it("the citation lexer and grammar pass chevrotain's validations", () => {
  expect(() => validateCitationLexer()).not.toThrow();
  expect(() => validateCitationGrammar()).not.toThrow();
});

it("the pinpoint lexer and grammar pass chevrotain's validations", () => {
  expect(() => validatePinpointGrammar()).not.toThrow();
});

it("the layout grammar (a document's lines) passes chevrotain's validations", () => {
  expect(() => validateLayoutGrammar()).not.toThrow();
});

it("the grammar of the body's acts passes chevrotain's validations", () => {
  expect(() => validateActsGrammar()).not.toThrow();
});

it("grammar/diagram.html is up to date (npm run diagram)", () => {
  const committed = readFileSync(join(import.meta.dirname, "..", "grammar", "diagram.html"), "utf8");
  expect(committed).toBe(syntaxDiagramHtml());
});

it("names every rule of the grammar in the diagram", () => {
  for (const rule of ["citation", "identifierRest", "codeGroups", "date", "term", "nameWords"]) {
    expect(syntaxDiagramHtml()).toContain(`"name": "${rule}"`);
  }
});

it("grammar/layout-diagram.html, the layout and acts grammars drawn, are up to date (npm run diagram)", () => {
  const committed = readFileSync(join(import.meta.dirname, "..", "grammar", "layout-diagram.html"), "utf8");
  expect(committed).toBe(layoutDiagramHtml());
});
