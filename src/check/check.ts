/**
 * Stage 6: check. Everything a reviewer should look at before a document is signed, as diagnostics with spans
 * in the original text: the forms of citations, their consistency within the text, dates and terms, issuer
 * codes against issuing bodies, and (with a registry) the documents themselves.
 *
 *   check("… Kết luận số 93-NQ/TW của Ban Bí thư …")  →  [{ code: "type-code-mismatch", severity: "error", … }]
 */
import { ArgumentError } from "../errors.js";
import { withPositions } from "../positions.js";
import type { PositionedDiagnostic } from "../types.js";
import termsJson from "../../grammar/terms.json";
import { diagnostic } from "../diagnostics.js";
import { type CitationGraph, partySpelling } from "../graph/graph.js";
import { type DocumentOptions, parseDocument } from "../document/document.js";
import { isUnitCode, olderOrUnitCode, olderTypeCode } from "../extract/era.js";
import { normalize } from "../extract/normalize.js";
import { checkStatutes } from "./statutes.js";
import { NOT_IN_FORCE, type Registry } from "./registry.js";
import type { Citation, Diagnostic, DocumentRecord, Mention, Span } from "../schema.js";
import { ASSEMBLIES, foldName, issuerInfo, ISSUERS, kindOfWord, typeCodeInfo } from "../tables.js";
import { addTo } from "../text.js";

export interface CheckOptions {
  /** Known documents to check the cited ones against. */
  registry?: Registry;
  /** The caller's id for the text (see parseDocument). */
  id?: string;
  /** Replace the normalization stage, as in extract and parseDocument. */
  normalize?: DocumentOptions["normalize"];
}

/** Names compared whatever the character noise of the text they were read from (NFD marks, `Ð`), then folded. */
const folded = (s: string) => foldName(normalize(s).text);
const bodyKey = (c: Citation) => c.issuedByKey ?? folded(c.issuedBy ?? "");
/** One body by its keys: one holds the other (`Ban Bí thư` within `Ban Bí thư Trung ương Đảng`). */
const sameBody = (a: string, b: string) => a.includes(b) || b.includes(a);
/** One body cited twice: by its keys, or one is the code of the other (`của TCHQ` for Tổng cục Hải quan). */
const sameCitedBody = (a: Citation, b: Citation) => sameBody(bodyKey(a), bodyKey(b)) || isCodeOf(a.issuedBy, b.issuedBy) || isCodeOf(b.issuedBy, a.issuedBy);
const isCodeOf = (code: string | null, body: string | null) => code !== null && body !== null && issuerInfo(code.trim()) !== undefined && codesNamedIn(body).has(issuerInfo(code.trim())?.code as string);
// `…/QH14`, `…/UBTVQH14`: an assembly and its legislature's number (grammar/types.json).
const ASSEMBLY = new RegExp(`^(?:${ASSEMBLIES.join("|")})(\\d+)$`);

/** Diagnostics for a text, ordered by position, each with its line and column. */
export function check(text: string, options: CheckOptions = {}): PositionedDiagnostic[] {
  if (typeof text !== "string") throw new ArgumentError(`vncite.check: expected the text as a string, got ${text === null ? "null" : typeof text}`);
  const record = parseDocument(text, {
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.normalize === undefined ? {} : { normalize: options.normalize }),
  });
  return withPositions(text, checkDocument(record, options.registry === undefined ? {} : { registry: options.registry }));
}

/**
 * Diagnostics for a parsed document. Takes `{ registry }` as `check` does; a registry alone, as in 0.1.0, still
 * works.
 */
export function checkDocument(record: DocumentRecord, options?: Pick<CheckOptions, "registry"> | Registry): Diagnostic[] {
  const registry = options === undefined || isRegistry(options) ? options : options.registry;
  const out: Diagnostic[] = [...record.diagnostics];
  const cited = record.mentions.filter((m): m is Mention & { citation: Citation } => m.citation !== null);
  // One push per diagnostic: a spread of a list grown with the text overflows the stack (~10⁵ arguments).
  const add = (list: Diagnostic[]) => {
    for (const d of list) out.push(d);
  };
  for (const m of cited) add(checkCitation(m.citation, record));
  add(checkConsistency(record.mentions));
  if (registry) add(checkRegistry(record.mentions, registry));
  add(checkStatutes(record));
  return out.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
}

/** A diagnostic in one document of a corpus. */
export interface CorpusDiagnostic {
  doc: string;
  diagnostic: Diagnostic;
}

/**
 * One number and issuer spelled with two type codes across a corpus (the graph's conflicts, `77-CT/TU` beside
 * `77-CTr/TU`): a diagnostic at each place that spells it the less usual way, with the usual places as related.
 */
export function checkCorpus(graph: CitationGraph): CorpusDiagnostic[] {
  const out: CorpusDiagnostic[] = [];
  for (const conflict of graph.conflicts()) {
    if (conflict.field !== "typeCodes") continue; // dates, bodies and terms are checked within each text
    const nodes = new Set(conflict.keys.map((k) => graph.getNode(k)).filter((n) => n !== undefined));
    const places = [...nodes].flatMap((n) => n.variants).map((v) => ({ ...v, reads: partySpelling(v.text)?.key }));
    // The usual form is the one whose code agrees with the kind the texts give the document; else the most frequent.
    const kinds = [...nodes].flatMap((n) => n.kinds);
    const agrees = conflict.keys.filter((k) => kinds.some((kind) => kindOfWord(kind)?.codes.includes(partySpelling(k)?.code ?? "")));
    const count = (key: string) => places.filter((p) => p.reads === key).length;
    const usual = agrees.length === 1 ? (agrees[0] as string) : conflict.keys.reduce((a, b) => (count(b) > count(a) ? b : a));
    // In a stable order (by document, then place), whatever order the documents were added in; each with its document.
    places.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start));
    const related = places.filter((p) => p.reads === usual).slice(0, 5).map(({ doc, text, start, end }) => ({ doc, text, start, end }));
    for (const p of places) {
      if (!p.reads || p.reads === usual || !conflict.keys.includes(p.reads)) continue;
      const args = { key: usual, field: "codes across the corpus", fieldVi: "ký hiệu trong kho văn bản", values: `${p.reads} / ${usual}` };
      out.push({ doc: p.doc, diagnostic: diagnostic("inconsistent-citation", p.start, p.end, args, usual, related) });
    }
  }
  return out.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.diagnostic.start - b.diagnostic.start));
}

const ISSUER_NAMES = ISSUERS.flatMap((i) => i.names.map((n) => ({ code: i.code, name: folded(n) })));

/** Issuer codes whose names the issuing body in words contains (`Ban Tuyên giáo Huyện ủy` → BTGHU, HU). */
function codesNamedIn(body: string): Set<string> {
  const name = folded(body);
  return new Set(ISSUER_NAMES.filter((n) => name.includes(n.name)).map((n) => n.code));
}

/** The issuing body's own code in an issuer: `TW`, `TWĐTN` of `TWĐTN-VP`, `MTTQ` of `MTTQ-BTT`, `QH` of `QH14`. */
const baseIssuer = (issuer: string) => (issuer.split(/[-/]/)[0] as string).replace(/\d+$/, "");

function checkCitation(c: Citation, record: DocumentRecord): Diagnostic[] {
  const out: Diagnostic[] = [];
  const id = c.spans.identifier ?? c;
  if (c.kind === "form") return out; // a form's number is no document's identifier
  if (c.typeCode && !typeCodeInfo(c.typeCode) && !olderTypeCode(c.typeCode)) out.push(diagnostic("unknown-type-code", id.start, id.end, { code: c.typeCode }));
  if (c.issuer && !issuerInfo(baseIssuer(c.issuer)) && !olderOrUnitCode(baseIssuer(c.issuer))) out.push(diagnostic("unknown-issuer", id.start, id.end, { code: baseIssuer(c.issuer) }));
  if (c.year && c.date && Number(c.date.slice(0, 4)) !== c.year && c.spans.date) {
    out.push(diagnostic("year-mismatch", c.spans.date.start, c.spans.date.end, { key: c.key ?? c.text, year: String(c.year), date: c.date }, null, [span(id)]));
  }
  if (c.issuer && c.issuedBy && c.spans.issuedBy) {
    const named = codesNamedIn(c.issuedBy);
    const base = baseIssuer(c.issuer);
    // A unit or delegation (`166/BC-ĐGS` of the National Assembly's Đoàn giám sát) issues for its body; an old
    // ministry code (`70-TC/TCT`) is checked against its era's names.
    const older = olderOrUnitCode(base);
    const namesOlder = older?.names?.some((n) => folded(c.issuedBy as string).includes(folded(n))) ?? false;
    // `19046/BTC-TCHQ … của Tổng cục Hải quan`: the body named is the department whose code follows the ministry's.
    const groupNamed = c.issuer.split(/[-/]/).some((g) => named.has(issuerInfo(g)?.code ?? g));
    if (named.size > 0 && !named.has(base) && !groupNamed && !isUnitCode(base) && !namesOlder) {
      const by = c.spans.issuedBy;
      out.push(diagnostic("issuer-mismatch", by.start, by.end, { code: c.issuer, body: c.issuedBy, bodyCode: [...named].join(", ") }, null, [span(id)]));
    }
  }
  const own = record.date;
  if (c.date && c.spans.date && own && laterThan(c.date, own)) {
    const ownText = own.value ?? own.span.text;
    out.push(diagnostic("date-after-document", c.spans.date.start, c.spans.date.end, { key: c.key ?? c.text, date: c.date, own: ownText }, null, [own.span]));
  }
  return out;
}

const span = (s: { text: string; start: number; end: number }): Span => ({ text: s.text, start: s.start, end: s.end });

/** A cited date after the citing document's date; a document date with a blank day compares by month. */
function laterThan(iso: string, own: NonNullable<DocumentRecord["date"]>): boolean {
  if (own.value) return iso > own.value;
  if (own.year === null || own.month === null) return false;
  return iso.slice(0, 7) > `${own.year}-${String(own.month).padStart(2, "0")}`;
}

/** The term a date falls in, from grammar/terms.json. */
function termAt(table: { term: string; from: string }[], iso: string): string | null {
  let term: string | null = null;
  for (const t of table) if (iso >= t.from) term = t.term;
  return term;
}
const toRoman = (n: number) => {
  const table: [number, string][] = [[50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, r] of table) while (n >= v) { out += r; n -= v; }
  return out;
};

/**
 * One document cited two ways in the text: dates, issuing bodies or terms that disagree; and the term each
 * citation names against its date (a Party term `(khóa X)`, or the assembly in `…/QH14`).
 */
function checkConsistency(mentions: Mention[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byKey = new Map<string, Citation[]>();
  for (const m of mentions) {
    if (!m.citation || !m.resolvedKey) continue;
    addTo(byKey, m.resolvedKey, m.citation);
  }
  for (const [key, citations] of byKey) {
    const fields = [
      { field: "dates", fieldVi: "ngày", value: (c: Citation) => c.date, span: (c: Citation) => c.spans.date, same: (a: Citation, b: Citation) => a.date === b.date },
      // One body in its spellings (`BCH Trung ương Đảng`, `Ban Chấp hành Trung ương Đảng`) has one key; a body and
      // the larger name that holds it (`Ban Bí thư`, `Ban Bí thư Trung ương Đảng`) are one too.
      { field: "issuing bodies", fieldVi: "cơ quan ban hành", value: (c: Citation) => c.issuedBy, span: (c: Citation) => c.spans.issuedBy, same: sameCitedBody },
      { field: "terms", fieldVi: "khóa", value: (c: Citation) => c.term, span: (c: Citation) => c.spans.term, same: (a: Citation, b: Citation) => a.term === b.term },
    ];
    for (const f of fields) {
      const withValue = citations.filter((c) => f.value(c) !== null && f.span(c) !== null);
      const first = withValue[0];
      const other = first && withValue.find((c) => !f.same(first, c));
      if (!first || !other) continue;
      const at = f.span(other) as Span;
      out.push(diagnostic("inconsistent-citation", at.start, at.end, { key, field: f.field, fieldVi: f.fieldVi, values: `${f.value(first)} / ${f.value(other)}` }, null, [span(f.span(first) as Span)]));
    }
    const date = citations.find((c) => c.date)?.date;
    for (const c of citations) {
      if (!date) break;
      const assembly = c.issuer ? ASSEMBLY.exec(c.issuer) : null;
      const named = c.term ?? (assembly ? toRoman(Number(assembly[1])) : null);
      if (!named) continue;
      // The Party's terms are the Central Committee's: a provincial committee counts its own (`Đảng bộ tỉnh khóa XV`).
      const table = c.term && c.style === "party" && c.issuer && baseIssuer(c.issuer) === "TW" ? termsJson.party : assembly ? termsJson.assembly : null;
      const actual = table ? termAt(table, date) : null;
      if (!actual || actual === named) continue;
      const at = c.spans.term ?? c.spans.identifier ?? c;
      out.push(diagnostic("term-mismatch", at.start, at.end, { key, term: named, date, actual }));
    }
  }
  return out;
}

const RELATION_FIELDS = [
  { field: "kind", fieldVi: "loại văn bản", cited: (c: Citation) => c.kind },
  { field: "date", fieldVi: "ngày ban hành", cited: (c: Citation) => c.date },
  { field: "issuing body", fieldVi: "cơ quan ban hành", cited: (c: Citation) => c.issuedBy },
  { field: "subject", fieldVi: "trích yếu", cited: (c: Citation) => c.subject },
] as const;

function checkRegistry(mentions: Mention[], registry: Registry): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    if (!m.resolvedKey || !m.citation || m.resolvedBy === "self") continue;
    const known = registry.get(m.resolvedKey);
    const first = !seen.has(m.resolvedKey);
    seen.add(m.resolvedKey);
    if (!known) {
      if (first) out.push(diagnostic("not-in-registry", m.start, m.end, { key: m.resolvedKey }));
      continue;
    }
    if (first && NOT_IN_FORCE.has(known.status)) out.push(diagnostic("cites-repealed", m.start, m.end, { key: m.resolvedKey, status: known.status }));
    for (const f of RELATION_FIELDS) {
      const cited = f.cited(m.citation);
      const registered = f.field === "kind" ? known.kind : f.field === "date" ? known.date : f.field === "issuing body" ? known.issuedBy : known.subject;
      if (!cited || !registered) continue;
      const a = folded(cited);
      const b = folded(registered);
      if (a === b || (f.field !== "date" && f.field !== "kind" && (a.includes(b) || b.includes(a)))) continue;
      // One body however written (`BCH TW`, `Ban Chấp hành Trung ương Đảng`): by its key, as inconsistent-citation compares.
      if (f.field === "issuing body" && sameBody(bodyKey(m.citation), registry.issuedByKey(m.resolvedKey) ?? "")) continue;
      out.push(diagnostic("registry-mismatch", m.start, m.end, { key: m.resolvedKey, field: f.field, fieldVi: f.fieldVi, cited, known: registered }));
    }
  }
  return out;
}

/** A Registry given where options are expected (checkDocument's 0.1.0 form). */
const isRegistry = (x: Pick<CheckOptions, "registry"> | Registry): x is Registry => typeof (x as Registry).get === "function";
