// What the PostgreSQL loader and `--format sql` write of a document, without a server: the facts of one record
// (checked by hand), COPY's text format, the SQL script's shape, and linear time in the size of a record.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyRow, copyValue, factsOf } from "../src/graph/postgres/facts.js";
import { sqlDumpLines } from "../src/node.js";
import { syntheticRecord } from "../bench/synthetic.mjs";

/** COPY's text format read back as PostgreSQL reads it (the inverse of copyValue, for the property). */
const readCopy = (field: string) => (field === "\\N" ? null : field.replace(/\\(.)/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r" })[c] ?? c));

describe("facts of a record", () => {
  it("reads a record as CitationGraph.add does", () => {
    const r = syntheticRecord(47); // doc-47: key 48-CTr/QU (number 47 + 1, code 47 % 6, issuer 47 % 8), states a relation (47 % 20 === 7)
    const f = factsOf(r);
    expect(f?.document).toEqual({ id: "doc-47", key: "48-CTr/QU", kind: "Chương trình", date: "2012-12-20", subject: "về việc thực hiện nhiệm vụ năm 2012 số 47" });
    expect(f?.rows.mentions.length).toBe(r.mentions.length);
    // The first mention: its key, span, text, counted, the identifier's span and spelling, the citation's values.
    const m = r.mentions[0]!;
    expect(f?.rows.mentions[0]).toEqual([
      m.resolvedKey, m.start, m.end, m.text, true, m.citation!.spans.identifier!.start, m.citation!.spans.identifier!.end, m.citation!.spans.identifier!.text,
      m.citation!.kind, m.citation!.typeCode, "Bộ Chính trị", m.citation!.date, null, null, null, false, // no law: no title
    ]);
    expect(f?.rows.cited).toEqual(r.cited.map((c) => [c.key, c.relation, c.mentions, null]));
    expect(f?.rows.stated).toEqual(r.statedRelations.map((s) => [s.from, s.to, "continues", null, s.evidence.start, s.evidence.end, s.evidence.text]));
    expect(f?.bodies).toEqual(new Map([["Bộ Chính trị", expect.any(String)]]));
    expect(f?.party.get("48-CTr/QU")).toEqual({ key: "48-CTr/QU", code: "CTr", numberIssuer: "48/QU" });
  });

  it("leaves out what the graph leaves out: a form is not counted, a mention of the document itself not kept, a keyless document cites nothing", () => {
    const r = syntheticRecord(3);
    const form = { ...r.mentions[0]!, citation: { ...r.mentions[0]!.citation!, kind: "form" } };
    const self = { ...r.mentions[1]!, resolvedKey: r.key };
    const f = factsOf({ ...r, mentions: [form, self] });
    expect(f?.rows.mentions.map((row) => [row[0], row[4]])).toEqual([[form.resolvedKey, false]]);
    expect(factsOf({ ...r, key: null })?.rows.cited).toEqual([]);
    expect(factsOf({ ...r, id: null, key: null })).toBeNull();
  });

  it("keeps a pinpoint's parts in the schema's order and a subject's spaces collapsed", () => {
    const r = syntheticRecord(42); // amends one document (42 % 100 === 42)
    const f = factsOf({ ...r, subject: { value: "về\n  việc\tA" }, amendments: [{ ...r.amendments[0]!, pinpoint: { paths: [{ point: "a", article: "3" }] } }] });
    expect(f?.document.subject).toBe("về việc A");
    expect(f?.rows.amendments[0]?.[2]).toBe('[{"article":"3","point":"a"}]');
  });
});

describe("COPY's text format", () => {
  it("escapes what COPY reads as structure and reads back to the value (NUL, which PostgreSQL cannot hold, as U+FFFD)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\\", "\t", "\n", "\r", "\0", "N", "Đ", "ế") }), (s) => {
        const field = copyValue(s);
        expect(field).not.toMatch(/[\t\n\r\0]/);
        expect(readCopy(field)).toBe(s.replace(/\0/g, "\uFFFD"));
      }),
    );
    expect(copyRow([1, null, true, "x\ty"])).toBe("1\t\\N\tt\tx\\ty\n");
  });

  it("takes time linear in the size of a record", () => {
    const record = (n: number) => {
      const r = syntheticRecord(9);
      const mentions = Array.from({ length: n }, (_, i) => ({ ...r.mentions[i % r.mentions.length]!, text: `Chỉ thị\\số\t${i}\n`.repeat(3) }));
      return { ...r, mentions };
    };
    const time = (n: number) => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t = performance.now();
        const f = factsOf(record(n));
        for (const row of f?.rows.mentions ?? []) copyRow(row);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    time(2000); // warm-up: the code compiled
    // Small and large timed in turns, the best of each, with a 10 ms floor: a pause of the loaded machine is not a ratio.
    let [small, large] = [Infinity, Infinity];
    for (let k = 0; k < 3; k++) [small, large] = [Math.min(small, time(5000)), Math.min(large, time(25_000))];
    expect(large / Math.max(small, 10)).toBeLessThan(15);
  });
});

describe("the SQL script", () => {
  it("creates the schema, loads each batch in COPY blocks, numbers documents once and builds the graph", async () => {
    const records = [syntheticRecord(0), syntheticRecord(1), syntheticRecord(0)];
    const lines: string[] = [];
    for await (const line of sqlDumpLines(records)) lines.push(line);
    const text = lines.join("\n");
    expect(text).toContain("CREATE SCHEMA IF NOT EXISTS vncite;");
    const docs = lines.slice(lines.indexOf("COPY vncite.documents (doc, id, key, kind, date, subject) FROM stdin;") + 1, lines.indexOf("\\."));
    expect(docs.map((l) => l.split("\t").slice(0, 3))).toEqual([["1", "doc-0", "1-KH/TU"], ["2", "doc-1", "2-NQ/HU"]]);
    expect(lines.filter((l) => l.startsWith("COPY vncite.mentions"))).toHaveLength(1);
    expect(lines.slice(-3)).toEqual([
      "SELECT setval(pg_get_serial_sequence('vncite.documents', 'doc'), 2, true);",
      "UPDATE vncite.meta SET value = 'true' WHERE name = 'stale';",
      "SELECT vncite.refresh();",
    ]);
  });
});
