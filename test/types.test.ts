// The interfaces of src/types.ts (what `vncite` exports, documented field by field) and the zod schemas of
// `vncite/schema` describe one contract: each schema's inferred type equals its interface (checked by tsc, which
// CI runs over the tests: `npm run typecheck`), and real output passes the schemas.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type {
  Amendment, Citation, Diagnostic, DiagnosticCode, DocumentDate, DocumentIssuer, DocumentRecord, GraphEdge, HeaderField, GraphJSON, GraphLine, GraphNode, Place, RegistryRecord, Mention, Pinpoint, PinpointPath, Relation, RelationRule, Span, StatedRelation,
} from "../src/index.js";
import { check, checkDocument, extract, parseDocument, type PositionedDiagnostic, Registry } from "../src/index.js";
import {
  AmendmentSchema, CitationSchema, DiagnosticSchema, DocumentRecordSchema, GraphEdgeSchema, HeaderFieldSchema, GraphJSONSchema, GraphLineSchema, GraphNodeSchema,
  PlaceSchema, RegistryRecordSchema, MentionSchema, PinpointPathSchema, PinpointSchema, RelationRuleSchema,
  RelationSchema, SpanSchema, StatedRelationSchema,
} from "../src/schema-entry.js";

describe("the interfaces and the zod schemas", () => {
  it("infer the same types", () => {
    expectTypeOf<z.infer<typeof SpanSchema>>().toEqualTypeOf<Span>();
    expectTypeOf<z.infer<typeof PlaceSchema>>().toEqualTypeOf<Place>();
    expectTypeOf<z.infer<typeof DiagnosticSchema>>().toEqualTypeOf<Diagnostic>();
    expectTypeOf<z.infer<typeof CitationSchema>>().toEqualTypeOf<Citation>();
    expectTypeOf<z.infer<typeof PinpointPathSchema>>().toEqualTypeOf<PinpointPath>();
    expectTypeOf<z.infer<typeof PinpointSchema>>().toEqualTypeOf<Pinpoint>();
    expectTypeOf<z.infer<typeof AmendmentSchema>>().toEqualTypeOf<Amendment>();
    expectTypeOf<z.infer<typeof MentionSchema>>().toEqualTypeOf<Mention>();
    expectTypeOf<z.infer<typeof StatedRelationSchema>>().toEqualTypeOf<StatedRelation>();
    expectTypeOf<z.infer<typeof DocumentRecordSchema>>().toEqualTypeOf<DocumentRecord>();
    // One shape for every header field: { value, span }, with a date's parts and an issuer's key and place beside.
    expectTypeOf<z.infer<typeof HeaderFieldSchema>>().toEqualTypeOf<HeaderField>();
    expectTypeOf<DocumentRecord["identifier"]>().toEqualTypeOf<HeaderField<string | null> | null>();
    expectTypeOf<DocumentRecord["effective"]>().toEqualTypeOf<HeaderField<string | null> | null>();
    expectTypeOf<DocumentRecord["addressees"][number]>().toEqualTypeOf<HeaderField>();
    expectTypeOf<DocumentDate>().toMatchTypeOf<HeaderField<string | null>>();
    expectTypeOf<DocumentIssuer>().toMatchTypeOf<HeaderField>();
    expectTypeOf<z.infer<typeof DocumentRecordSchema.shape.date>>().toEqualTypeOf<DocumentDate | null>();
    expectTypeOf<z.infer<typeof DocumentRecordSchema.shape.issuer>>().toEqualTypeOf<DocumentIssuer | null>();
    expectTypeOf<z.infer<typeof RelationSchema>>().toEqualTypeOf<Relation>();
    expectTypeOf<z.infer<typeof RelationRuleSchema>>().toEqualTypeOf<RelationRule>();
    expectTypeOf<z.infer<typeof GraphNodeSchema>>().toEqualTypeOf<GraphNode>();
    expectTypeOf<z.infer<typeof GraphEdgeSchema>>().toEqualTypeOf<GraphEdge>();
    expectTypeOf<z.infer<typeof GraphJSONSchema>>().toEqualTypeOf<GraphJSON>();
    expectTypeOf<z.infer<typeof GraphLineSchema>>().toEqualTypeOf<GraphLine>();
    expectTypeOf<z.infer<typeof RegistryRecordSchema>>().toEqualTypeOf<RegistryRecord>();
    // The same at run time: the schema's codes are the union's.
    expect(DiagnosticSchema.shape.code.options).toContain("type-code-mismatch" satisfies DiagnosticCode);
  });

  it("Diagnostic['code'] is a closed union: a made-up code does not type-check, a switch can be exhaustive", () => {
    expectTypeOf<"made-up-code">().not.toMatchTypeOf<Diagnostic["code"]>();
    expectTypeOf<"type-code-mismatch">().toMatchTypeOf<Diagnostic["code"]>();
  });

  it("check returns line and column always (PositionedDiagnostic); checkDocument takes { registry } as check does", () => {
    expectTypeOf(check).returns.items.toHaveProperty("line").toEqualTypeOf<number>();
    expectTypeOf<PositionedDiagnostic["column"]>().toEqualTypeOf<number>();
    const text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\nKế hoạch số 25-KH/TU.";
    const registry = Registry.fromCsv("key,date\n30/2020/NĐ-CP,2020-03-05\n");
    const record = parseDocument(text);
    const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
    // 25-KH/TU is not in the registry, 30/2020/NĐ-CP is: the two forms say the same.
    expect(codes(checkDocument(record, { registry }))).toEqual(["not-in-registry"]);
    expect(codes(checkDocument(record, registry))).toEqual(["not-in-registry"]);
    expect(codes(checkDocument(record))).toEqual([]);
    expect(check(text, { registry }).map((d) => [d.code, d.line, d.column])).toEqual([["not-in-registry", 2, 1]]);
  });

  it("real output passes the schemas", () => {
    const text = readFileSync(join(import.meta.dirname, "..", "fixtures", "004_174a28dc88bcd672.txt"), "utf8");
    const citations = extract(text);
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) CitationSchema.parse(c);
    const diagnostics = check(text);
    expect(diagnostics.map((d) => d.code)).toContain("type-code-mismatch");
    for (const d of diagnostics) DiagnosticSchema.parse(d);
    DocumentRecordSchema.parse(parseDocument(text, { id: "004" }));
    // A code outside the union is refused.
    expect(DiagnosticSchema.safeParse({ ...diagnostics[0], code: "made-up-code" }).success).toBe(false);
  });
});
