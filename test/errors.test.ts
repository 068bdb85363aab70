// Every error vncite throws carries a `code`: the data errors are VnciteErrors, a wrong argument type is an
// ArgumentError (a TypeError, as built-ins throw), and the code is a closed union a `switch` can exhaust.
import { expect, expectTypeOf, it } from "vitest";
import {
  ArgumentError, CitationGraph, extract, GraphError, parseDocument, Registry, RegistryError, toNeo4jCsv, VnciteError, type VnciteErrorCode,
} from "../src/index.js";

/** What `fn` threw (it must throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

it("a graph that does not hold together: GraphError, a VnciteError with code invalid-graph", () => {
  const e = thrown(() => CitationGraph.fromJSON({ format: "vncite-graph", version: 1, documents: [], aliases: [], nodes: [{ key: 1 }], edges: [] }));
  expect(e).toBeInstanceOf(GraphError);
  expect(e).toBeInstanceOf(VnciteError);
  expect(e).toMatchObject({ name: "GraphError", code: "invalid-graph" });
  expect((e as Error).message).toMatch(/nodes\.0/);
});

it("a bad registry: RegistryError with code invalid-registry and every problem", () => {
  const e = thrown(() => Registry.fromCsv("key,date\n30/2020/NĐ-CP,not a date\n"));
  expect(e).toBeInstanceOf(RegistryError);
  expect(e).toBeInstanceOf(VnciteError);
  expect(e).toMatchObject({ name: "RegistryError", code: "invalid-registry" });
  expect((e as RegistryError).problems.length).toBeGreaterThan(0);
});

it("text that is not a string: ArgumentError, a TypeError with code invalid-argument", () => {
  for (const call of [() => extract(42 as unknown as string), () => parseDocument(null as unknown as string)]) {
    const e = thrown(call);
    expect(e).toBeInstanceOf(ArgumentError);
    expect(e).toBeInstanceOf(TypeError);
    expect(e).toMatchObject({ name: "ArgumentError", code: "invalid-argument" });
  }
});

it("Neo4j's export with no free array delimiter: a VnciteError with code no-array-delimiter", () => {
  // Every character neo4j-admin could take: the four named ones, the spare control characters, the private use area.
  const codes = [0x3b, 0x7c, 0xa6, 0x1f, ...Array.from({ length: 0x1e }, (_, i) => i + 1), ...Array.from({ length: 0xf8ff - 0xe000 + 1 }, (_, i) => 0xe000 + i)];
  const node = { key: "1/2020/NĐ-CP", kinds: [], typeCodes: [], issuedBy: [String.fromCharCode(...codes)], dates: [], terms: [], subjects: [], texts: [], mentions: 0, variants: [], amendedBy: [] };
  const g = CitationGraph.fromJSON({ format: "vncite-graph", version: 1, documents: [], aliases: [], nodes: [node], edges: [] });
  const e = thrown(() => toNeo4jCsv(g));
  expect(e).toMatchObject({ code: "no-array-delimiter" });
  expect(e).toBeInstanceOf(VnciteError);
});

it("the codes are a closed union: a switch over them is exhaustive, a made-up code does not type-check", () => {
  const describe = (code: VnciteErrorCode): string => {
    switch (code) {
      case "invalid-graph": case "invalid-registry": case "no-array-delimiter": case "usage": case "invalid-argument": case "postgres":
        return code;
      default: {
        const none: never = code;
        return none;
      }
    }
  };
  expect(describe("usage")).toBe("usage");
  expectTypeOf<VnciteError["code"]>().toEqualTypeOf<VnciteErrorCode>();
  // @ts-expect-error: not a code
  expect(describe("made-up")).toBe("made-up");
});

it("PostgreSQL that cannot be used: PostgresError, a VnciteError with code postgres", async () => {
  const { PostgresGraph, PostgresError } = await import("../src/node.js");
  // Port 1 of this machine: nothing listens, the connection is refused at once.
  const e = await PostgresGraph.open("postgres://vncite@127.0.0.1:1/none").then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(PostgresError);
  expect(e).toBeInstanceOf(VnciteError);
  expect(e).toMatchObject({ name: "PostgresError", code: "postgres" });
  expect((e as Error).message).toMatch(/^cannot connect to PostgreSQL: /);
});
