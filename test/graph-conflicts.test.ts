// graph.conflicts(): hand-checked cases (one body under many spellings that name parts of each other, type codes
// of one number however the number is written), the same answers as the plain reading of the nodes on random
// graphs, and time that grows with the graph, not faster (ratio of times against ratio of sizes, no absolute time).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntheticCorpus } from "../bench/synthetic.mjs";
import { bodyKeyOf } from "../src/extract/body.js";
import { partySpelling } from "../src/graph/graph.js";
import { CitationGraph, type Conflict, type GraphRecord } from "../src/index.js";
import { TIMING } from "./helpers/timing.js";

interface Cite {
  key: string;
  spelled?: string;
  issuedBy?: string | null;
  kind?: string;
  date?: string | null;
}

/** A record citing each of `cites` once (its identifier spelled as given), with the body and date given. */
function record(id: string, cites: Cite[]): GraphRecord {
  let at = 0;
  const mentions = cites.map((c) => {
    const spelled = c.spelled ?? c.key;
    const start = (at += 100);
    return {
      text: spelled, start, end: start + spelled.length, resolvedKey: c.key, resolvedBy: "identifier",
      citation: {
        key: c.key, nameKey: null, kind: c.kind ?? "Kế hoạch", typeCode: null, issuedBy: c.issuedBy ?? null, date: c.date ?? null, term: null, subject: null,
        spans: { identifier: { text: spelled, start, end: start + spelled.length } },
      },
    };
  });
  return { id, key: null, type: null, date: null, subject: null, mentions, cited: [], amendments: [], statedRelations: [] };
}

const graphOf = (records: GraphRecord[]) => {
  const g = new CitationGraph();
  for (const r of records) g.add(r);
  return g;
};

describe("conflicts, checked by hand", () => {
  it("reads many spellings of one body, and bodies that name a part of another, as the bodies they are", () => {
    // 5-KH/TU: `Tỉnh ủy` is a part of `Ban Thường vụ Tỉnh ủy` and of `Thường trực Tỉnh ủy`; `BTV Tỉnh ủy` and the
    // two full spellings are one body (BTV spelled out, uỷ/ủy), told by its first spelling in code-point order;
    // `UBND tỉnh` is a part of `Ủy ban nhân dân tỉnh Kon Tum`. Three bodies remain.
    // 6-KH/TU: the standing board and the committee it belongs to, under four spellings: one body.
    const bodies5 = ["Tỉnh uỷ", "Tỉnh ủy", "Ban Thường vụ Tỉnh uỷ", "BTV Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Thường trực Tỉnh ủy", "UBND tỉnh", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Kon Tum"];
    const bodies6 = ["Tỉnh uỷ", "Ban Thường vụ Tỉnh ủy", "BTV Tỉnh ủy", "tỉnh ủy"];
    const g = graphOf([
      record("a", bodies5.slice(0, 5).map((issuedBy) => ({ key: "5-KH/TU", issuedBy }))),
      record("b", [...bodies5.slice(5).map((issuedBy) => ({ key: "5-KH/TU", issuedBy })), ...bodies6.map((issuedBy) => ({ key: "6-KH/TU", issuedBy }))]),
    ]);
    expect(g.conflicts()).toEqual([{ key: "5-KH/TU", field: "issuedBy", values: ["BTV Tỉnh ủy", "Thường trực Tỉnh ủy", "Ủy ban nhân dân tỉnh Kon Tum"], keys: ["5-KH/TU"] }]);
  });

  it("finds two type codes under one number and issuer, the number written with zeros, spaced, or very long", () => {
    const g = graphOf([
      record("a", [
        { key: "77-CT/TU", spelled: "077-CT/TU" },
        { key: "77-CTr/TU", spelled: "77 - CTr/TU" },
        { key: "77-CT/HU" }, // another issuer: no conflict
        { key: "12345678901-KH/TU" },
        { key: "123456789-NQ/TU" }, // nine digits against ten below: two numbers
        { key: "1234567890-KH/TU" },
      ]),
      record("b", [
        { key: "12345678901-KH/TU", spelled: "12345678901 - KL/TU", kind: "Kết luận" }, // a spelling of the node with another code
        { key: "123456789-NQ/TU" },
      ]),
    ]);
    expect(g.conflicts()).toEqual([
      { key: "12345678901-KH/TU", field: "kinds", values: ["Kế hoạch", "Kết luận"], keys: ["12345678901-KH/TU"] },
      { key: "12345678901-KH/TU", field: "typeCodes", values: ["KH", "KL"], keys: ["12345678901-KH/TU", "12345678901-KL/TU"] },
      { key: "77-CT/TU", field: "typeCodes", values: ["CT", "CTr"], keys: ["77-CT/TU", "77-CTr/TU"] },
    ]);
  });
});

/** conflicts() read off the nodes in the plainest way: every spelling of every node, every pair of bodies. */
function plainConflicts(g: CitationGraph): Conflict[] {
  const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const out: Conflict[] = [];
  const byNumberIssuer = new Map<string, { codes: Set<string>; keys: Set<string> }>();
  for (const n of g.nodes()) {
    for (const field of ["kinds", "dates", "terms"] as const) if (n[field].length > 1) out.push({ key: n.key, field, values: [...n[field]], keys: [n.key] });
    const bodies = n.issuedBy.filter((b) => !n.issuedBy.some((o) => o !== b && bodyKeyOf(o).includes(bodyKeyOf(b)) && (bodyKeyOf(o) !== bodyKeyOf(b) || o < b)));
    if (bodies.length > 1) out.push({ key: n.key, field: "issuedBy", values: bodies.sort(byString), keys: [n.key] });
    for (const s of new Set([n.key, ...n.variants.map((v) => v.text)])) {
      const p = partySpelling(s);
      if (!p) continue;
      const e = byNumberIssuer.get(p.numberIssuer) ?? { codes: new Set<string>(), keys: new Set<string>() };
      e.codes.add(p.code);
      e.keys.add(p.key);
      byNumberIssuer.set(p.numberIssuer, e);
    }
  }
  for (const e of byNumberIssuer.values()) {
    if (e.codes.size > 1) {
      const keys = [...e.keys].sort(byString);
      out.push({ key: keys[0] as string, field: "typeCodes", values: [...e.codes].sort(byString), keys });
    }
  }
  return out.sort((a, b) => byString(a.key, b.key) || byString(a.field, b.field));
}

describe("conflicts on random graphs", () => {
  const cite = fc.record({
    number: fc.constantFrom("7", "07", "77", "1234567890", "12345678901"),
    code: fc.constantFrom("CT", "CTr", "KH", "NQ"),
    issuer: fc.constantFrom("TU", "HU"),
    // The key as the resolver gives it, and the spelling in the text: zeros, spaces, a code the key does not have.
    spelledCode: fc.option(fc.constantFrom("CT", "CTr", "KL")),
    spacing: fc.constantFrom("-", " - ", " "),
    issuedBy: fc.option(fc.constantFrom("Tỉnh ủy", "Tỉnh uỷ", "BTV Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Thường trực Tỉnh ủy", "Bộ Chính trị", "BCT", "UBND tỉnh", "Ủy ban nhân dân tỉnh Kon Tum")),
    kind: fc.constantFrom("Kế hoạch", "Chỉ thị"),
    date: fc.option(fc.constantFrom("2020-01-02", "2021-03-04")),
  });
  const corpus = fc.array(fc.array(cite, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

  it("answers as the plain reading of every node does", () => {
    fc.assert(
      fc.property(corpus, (docs) => {
        const g = graphOf(docs.map((cites, i) => record(`d${i}`, cites.map((c) => {
          const key = `${c.number.replace(/^0+/, "")}-${c.code}/${c.issuer}`;
          return { key, spelled: `${c.number}${c.spacing}${c.spelledCode ?? c.code}/${c.issuer}`, issuedBy: c.issuedBy, kind: c.kind, date: c.date };
        }))));
        expect(g.conflicts()).toEqual(plainConflicts(g));
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});

describe("conflicts in number", () => {
  it("lists 130 000 of them (a list that large once overflowed the stack when spread into another)", () => {
    const cites = Array.from({ length: 130_000 }, (_, i) => [{ key: `${i + 1}-CT/TU` }, { key: `${i + 1}-CTr/TU` }]).flat();
    const conflicts = graphOf([record("a", cites)]).conflicts();
    expect(conflicts).toHaveLength(130_000);
    expect(conflicts[0]).toEqual({ key: "1-CT/TU", field: "typeCodes", values: ["CT", "CTr"], keys: ["1-CT/TU", "1-CTr/TU"] });
  });
});

describe("conflicts scale linearly", TIMING, () => {
  /** The fastest of a few runs, in ms (the fastest is the least disturbed). */
  const timeOf = (g: CitationGraph) => {
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      g.conflicts();
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };

  it("takes time in proportion to the documents", () => {
    const small = graphOf([...syntheticCorpus(1_000)]);
    const large = graphOf([...syntheticCorpus(5_000)]);
    timeOf(small); // warm-up: the code compiled
    // Generous, as in scaling.test.ts: a machine shared with other work is noisy.
    expect(timeOf(large) / Math.max(timeOf(small), 1)).toBeLessThan(3 * 5);
  });
});
