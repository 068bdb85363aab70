// The four seed documents against their hand-checked expected citations, field by field.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../src/index.js";
import { CitationSchema } from "../src/schema-entry.js";

const dir = join(import.meta.dirname, "..", "fixtures");
const FIELDS = ["text", "key", "number", "year", "typeCode", "issuer", "style", "kind", "date", "issuedBy", "term", "subject"] as const;
const seeds = readdirSync(dir).filter((f) => f.endsWith(".expected.json"));

describe.each(seeds)("%s", (expectedFile) => {
  const text = readFileSync(join(dir, expectedFile.replace(".expected.json", ".txt")), "utf8");
  const expected: Record<string, unknown>[] = JSON.parse(readFileSync(join(dir, expectedFile), "utf8"));
  const actual = extract(text);

  it("finds every reference and nothing else", () => {
    expect(actual.map((c) => c.text)).toEqual(expected.map((e) => e.text));
  });

  it.each(expected.map((e, i) => [i, e] as const))("citation %i has the expected fields", (i, e) => {
    const c = actual[i];
    expect(c, `citation ${i} (${e.text}) is missing`).toBeDefined();
    if (!c) return;
    const line = text.slice(0, c.start).split("\n").length;
    const got = { line, ...Object.fromEntries(FIELDS.map((f) => [f, c[f]])), diagnostics: c.diagnostics.map((d) => d.code) };
    expect(got, `citation ${i} on line ${e.line}: ${e.text}`).toEqual(e);
  });

  it("gives spans into the original text and validates against the schema", () => {
    for (const c of actual) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      for (const s of Object.values(c.spans)) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const d of c.diagnostics) expect(d.end).toBeGreaterThan(d.start);
      expect(() => CitationSchema.parse(c)).not.toThrow();
    }
  });
});

it("covers about 95 identifier occurrences across the four seeds", () => {
  const total = seeds.reduce((n, f) => n + JSON.parse(readFileSync(join(dir, f), "utf8")).length, 0);
  expect(total).toBe(100);
});
