// `vncite/schema`: the zod schemas of the output contract, apart from `vncite` (which loads no zod). They
// validate real output; and the plain checks `vncite` reads graphs and registries with give the same verdicts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import * as main from "../src/index.js";
import { CitationGraph, extract, GraphError, parseDocument } from "../src/index.js";
import * as schemas from "../src/schema-entry.js";
import { CitationSchema, GraphJSONSchema, GraphLineSchema, RegistryRowSchema } from "../src/schema-entry.js";
import { checkLine } from "../src/graph/validate.js";
import { readRowCells } from "../src/check/registry.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");
const fixture = (prefix: string) => readFileSync(join(fixtures, readdirSync(fixtures).find((f) => f.startsWith(prefix) && f.endsWith(".txt")) as string), "utf8");

describe("the entries", () => {
  it("keeps every zod schema in vncite/schema and none in vncite", () => {
    const names = Object.keys(schemas);
    expect(names.every((n) => n.endsWith("Schema"))).toBe(true);
    expect(names).toEqual(expect.arrayContaining([
      "SpanSchema", "CitationSchema", "CitationListSchema", "DiagnosticSchema", "DocumentRecordSchema", "MentionSchema", "RelationRuleSchema",
      "GraphJSONSchema", "GraphLineSchema", "GraphNodeSchema", "GraphEdgeSchema", "RegistryRecordSchema", "RegistryRowSchema", "RegistryStatusSchema",
    ]));
    expect(Object.keys(main).filter((n) => n.endsWith("Schema"))).toEqual([]);
  });
});

describe("vncite/schema validates real output", () => {
  it("takes fixture 001's citations as a list of citations", () => {
    const citations = extract(fixture("001_"));
    expect(citations.length).toBeGreaterThan(5);
    expect(CitationSchema.array().parse(citations)).toEqual(citations);
  });

  it("takes a real graph's JSON and each of its JSON Lines", () => {
    const g = new CitationGraph();
    for (const prefix of ["001_", "002_", "004_"]) g.add(parseDocument(fixture(prefix), { id: prefix }));
    const json = g.toJSON();
    expect(json.edges.length).toBeGreaterThan(5);
    expect(GraphJSONSchema.parse(json)).toEqual(json);
    const [, ...lines] = [...g.toJSONLines()].map((l) => JSON.parse(l));
    for (const line of lines) expect(GraphLineSchema.safeParse(line).success).toBe(true);
  });
});

/** The plain check's verdict on a JSON Lines line: the GraphError's message, or null when it takes it. */
function plainVerdict(value: unknown): string | null {
  try {
    checkLine(structuredClone(value));
    return null;
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    return e.message;
  }
}

describe("the plain checks of `vncite` and the zod schemas agree", () => {
  const g = new CitationGraph();
  g.add(parseDocument(fixture("004_"), { id: "004" }));
  g.add(parseDocument("Nghị định số 10/2024/NĐ-CP\n\nĐiều 1. Sửa đổi, bổ sung khoản 2 Điều 3 của Nghị định số 171/2016/NĐ-CP như sau:\n", { id: "amending" }));
  const real: Record<string, unknown>[] = [...g.toJSONLines()].slice(1).map((l) => JSON.parse(l));
  const amended = real.find((l) => l.type === "node" && (l.amendedBy as unknown[]).length > 0);

  it("on the lines of a real graph (an amended node among them)", () => {
    expect(amended).toBeDefined();
    for (const line of real) expect([plainVerdict(line), GraphLineSchema.safeParse(line).success]).toEqual([null, true]);
  });

  it("on damaged lines: what zod refuses, the plain check refuses, naming the field zod names", () => {
    // A damaged value somewhere in a real line: a field removed, or replaced by a value of another kind.
    const odd = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -3, max: 3 }), fc.double(), fc.string({ maxLength: 3 }),
      fc.constant("cites"), fc.constant([]), fc.constant({}), fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }));
    /** Every path to a value inside `value`. */
    const paths = (value: unknown, at: (string | number)[] = []): (string | number)[][] =>
      typeof value !== "object" || value === null ? [at]
      : [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, Array.isArray(value) ? Number(k) : k]))];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: real.length - 1 }), fc.nat(), odd, (i, pick, replacement) => {
        const line = structuredClone(real[i === 0 ? real.indexOf(amended as Record<string, unknown>) : i]) as Record<string, unknown>;
        const all = paths(line).filter((p) => p.length > 0);
        const path = all[pick % all.length] as (string | number)[];
        let parent: Record<string | number, unknown> = line;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        parent[path.at(-1) as string | number] = replacement;
        const zod = GraphLineSchema.safeParse(line);
        const plain = plainVerdict(line);
        expect(plain === null, `${JSON.stringify(path)} = ${JSON.stringify(replacement)}: ${plain}`).toBe(zod.success);
        if (!zod.success && zod.error.issues[0]?.path.length) {
          expect(plain?.split(": ")[0]).toBe(zod.error.issues[0]?.path.join("."));
        }
      }),
      { numRuns: 500, seed: 16 },
    );
  });

  it("on the registry's rows: real ones (CSV and JSON) and bad ones", () => {
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(fixtures, "registry.csv"), "utf8"), { header: true, skipEmptyLines: true, transform: (v) => v.trim() });
    const rows: Record<string, unknown>[] = [...csv.data, ...JSON.parse(readFileSync(join(fixtures, "registry.json"), "utf8"))];
    expect(rows.length).toBeGreaterThan(6);
    for (const row of rows) {
      const zod = RegistryRowSchema.safeParse(row);
      expect(zod.success).toBe(true);
      expect(readRowCells(row)).toEqual({ row: zod.data, problems: [] });
    }
    const bad: Record<string, unknown>[] = [
      {}, { kind: "Chỉ thị" }, { number: "12", typeCode: "CT" }, { key: "   " }, { key: 5 }, { key: "20-NQ/TW", number: "x" }, { key: "20-NQ/TW", number: -1 },
      { key: "20-NQ/TW", year: "20" }, { key: "20-NQ/TW", year: 20201 }, { key: "20-NQ/TW", style: "Party" }, { key: "20-NQ/TW", status: "cancelled" },
      { key: "20-NQ/TW", status: null }, { key: "20-NQ/TW", subject: ["a"] }, { key: "20-NQ/TW", number: "١٢" },
    ];
    for (const row of bad) {
      const zod = RegistryRowSchema.safeParse(row);
      const plain = readRowCells(row);
      expect(zod.success, JSON.stringify(row)).toBe(false);
      expect(plain.problems.length, JSON.stringify(row)).toBeGreaterThan(0);
      // The same problems, in the same words (zod's issues name their column the way the plain reader does).
      if (!zod.success) expect(plain.problems).toEqual(zod.error.issues.map((x) => (x.path.length > 0 ? `${x.path.join(".")}: ${x.message}` : x.message)));
    }
  });

  it("on any cell: the same accept or reject, and the same value", () => {
    const cell = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant(""), fc.constant(" "), fc.stringMatching(/^\s?\d{1,5}\s?$/),
      fc.integer({ min: -5, max: 30000 }), fc.double(), fc.string({ maxLength: 4 }), fc.constantFrom("party", "state", "in-force", "repealed", "20-NQ/TW"), fc.boolean());
    const columns = ["key", "number", "typeCode", "issuer", "year", "style", "kind", "date", "issuedBy", "subject", "status"];
    fc.assert(
      fc.property(fc.record(Object.fromEntries(columns.map((c) => [c, cell])), { requiredKeys: [] }), (row) => {
        const zod = RegistryRowSchema.safeParse(row);
        const plain = readRowCells(row);
        expect(plain.problems.length === 0, JSON.stringify(row)).toBe(zod.success);
        if (zod.success) expect(plain.row).toEqual(zod.data);
      }),
      { numRuns: 500, seed: 16 },
    );
  });
});
