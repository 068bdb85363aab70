// State legal documents from the shared corpus against hand-checked records: every citation (numbered and
// by name) with its relation and pinpoints, the document's own pinpoints, amendments, stated relations and
// the effective date.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/index.js";
import { corpusPath, corpusTest } from "./helpers/corpus.js";

const dir = join(import.meta.dirname, "..", "fixtures", "state");

describe.each(readdirSync(dir).filter((f) => f.endsWith(".expected.json")))("%s", (file) => {
  const expected = JSON.parse(readFileSync(join(dir, file), "utf8"));
  const path = corpusPath(expected.source);
  const id = file.replace(".expected.json", "");

  it.skipIf(path === null)(corpusTest("gives the hand-checked record"), () => {
    const text = readFileSync(path as string, "utf8");
    const d = parseDocument(text, { id });
    const line = (o: number) => text.slice(0, o).split("\n").length;
    expect({ key: d.key, type: d.type?.value ?? null, date: d.date?.value ?? null, effective: d.effective && { iso: d.effective.value, line: line(d.effective.span.start) } }).toEqual({
      key: expected.key, type: expected.type, date: expected.date, effective: expected.effective,
    });
    expect(d.mentions.map((m) => ({ line: line(m.start), text: m.text, resolvedKey: m.resolvedKey, relation: m.relation, pinpoints: m.pinpoints.map((p) => p.text) }))).toEqual(expected.mentions);
    expect(d.pinpoints.map((p) => ({ line: line(p.start), text: p.text, paths: p.paths }))).toEqual(expected.ownPinpoints);
    expect(d.amendments.map((a) => ({ line: line(a.span.start), action: a.action, target: a.target, paths: a.pinpoint?.paths ?? [], date: a.date }))).toEqual(expected.amendments);
    expect(d.statedRelations.map((r) => ({ from: r.from, relation: r.relation, to: r.to }))).toEqual(expected.statedRelations);
  });
});
