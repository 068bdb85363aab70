/**
 * Cross-checks of laws cited by name or number against the statutes catalogue (grammar/statutes.json): a name
 * and a number of two different laws, a date that is not the law's, a year in which no version of the title was
 * passed, and a law given as the basis (`Căn cứ`) after it went out of force.
 */
import { diagnostic } from "../diagnostics.js";
import { statuteOf } from "../extract/statute-catalogue.js";
import { readStatute, versionYear } from "../extract/statute.js";
import type { Diagnostic, DocumentRecord } from "../schema.js";

const at = (s: { start: number; end: number } | null, c: { start: number; end: number }) => s ?? c;

export function checkStatutes(record: DocumentRecord): Diagnostic[] {
  const out: Diagnostic[] = [];
  const documentDate = record.date?.value ?? null;
  for (const m of record.mentions) {
    const c = m.citation;
    if (!c || !c.kind) continue;
    const statute = c.key ? statuteOf(c.key) : undefined;
    const reading = c.title ? readStatute(c.kind, c.title, null, null) : null;
    const name = `${c.kind} ${c.title ?? ""}`.trim();
    if (statute && reading && c.keySource === "printed" && !reading.versions.includes(statute)) {
      const s = at(c.spans.title, c);
      out.push(diagnostic("statute-name-mismatch", s.start, s.end, { key: statute.number, law: `${statute.kind} ${statute.title}`, name }));
    }
    if (statute && c.date && statute.passed && c.date !== statute.passed) {
      const s = at(c.spans.date, c);
      out.push(diagnostic("statute-date-mismatch", s.start, s.end, { key: statute.number, date: c.date, passed: statute.passed }));
    }
    if (!statute && reading && c.year !== null && !reading.versions.some((v) => versionYear(v) === c.year)) {
      out.push(diagnostic("statute-no-version", c.start, c.end, { name, year: String(c.year), years: reading.versions.map(versionYear).sort().join(", ") }));
    }
    if (statute?.outOfForce && documentDate && m.relation === "basedOn" && documentDate >= statute.outOfForce) {
      out.push(diagnostic("statute-out-of-force", c.start, c.end, { key: statute.number, since: statute.outOfForce, by: statute.replacedBy ?? "?" }));
    }
  }
  return out;
}
