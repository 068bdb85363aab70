/**
 * One document's facts as rows of the `vncite` schema's tables, in COPY's text format: what the loader streams
 * into PostgreSQL and what `--format sql` writes. What SQL cannot compute as the library does (a body's key, a
 * Party-style number, a subject's spaces, a pinpoint's field order) is computed here.
 */
import { bodyKeyOf } from "../../extract/body.js";
import type { ALIAS_SOURCES } from "../../enums.js";
import { catalogueTitle, lawDisplayTitle } from "../../extract/statute.js";
import type { PinpointPath } from "../../schema.js";

type AliasSource = (typeof ALIAS_SOURCES)[number];
import { type GraphRecord, graphRecordOf, partySpelling } from "../graph.js";

/** The fact tables and their columns, in COPY order (the document's number first). */
export const FACT_COLUMNS = {
  mentions: ["doc", "key", "start", '"end"', "text", "counted", "spelled_start", "spelled_end", "spelled", "kind", "type_code", "issued_by", "date", "term", "subject", "title", "title_catalogued"],
  cited: ["doc", "key", "relation", "mentions", "rule"],
  stated: ["doc", "from_key", "to_key", "relation", "rule", "start", '"end"', "text"],
  amendments: ["doc", "target", "action", "paths", "date", "start", '"end"', "text"],
} as const;
export type FactTable = keyof typeof FACT_COLUMNS;
export const FACT_TABLES = Object.keys(FACT_COLUMNS) as FactTable[];

type Value = string | number | boolean | null | undefined;

/**
 * A value in COPY's text format: `\N` for none; backslash, tab and line ends escaped. PostgreSQL text holds no
 * NUL character: it becomes U+FFFD (as a lone surrogate does on the way to UTF-8).
 */
export function copyValue(v: Value): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  // Most values need no escape: looked for first, replaced only when found.
  return COPY_SPECIAL.test(v) ? v.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c] as string) : v;
}
const COPY_SPECIAL = /[\\\t\n\r\0]/;
const COPY_SPECIALS = /[\\\t\n\r\0]/g;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\0": "\uFFFD" };

/** Text as PostgreSQL stores it (see copyValue): what a comparison with the in-memory graph expects back. */
export const storedText = (s: string) => s.replace(/\0/g, "\uFFFD");

export function copyRow(values: Value[]): string {
  let row = copyValue(values[0]);
  for (let i = 1; i < values.length; i++) row += `\t${copyValue(values[i])}`;
  return `${row}\n`;
}

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
const PATH_KEYS = ["appendix", "chapter", "section", "article", "clause", "point"] as const;
const pathOf = (p: PinpointPath) => {
  const out: PinpointPath = {};
  for (const k of PATH_KEYS) if (p[k] !== undefined) out[k] = p[k];
  return out;
};

/**
 * A function of a string, remembered: most documents name the same bodies and cite the same keys. The memory is
 * dropped whole when full, so that it stays small whatever the corpus.
 */
function remembered<T>(f: (s: string) => T, size = 1 << 16): (s: string) => T {
  let memo = new Map<string, T>();
  return (s) => {
    let v = memo.get(s);
    if (v === undefined && !memo.has(s)) {
      if (memo.size >= size) memo = new Map();
      memo.set(s, (v = f(s)));
    }
    return v as T;
  };
}
const bodyKey = remembered(bodyKeyOf);
const partyOf = remembered(partySpelling);

/** The document row: its id (the record's id, else its key), key, and the values the graph reads of it. */
export interface DocumentRow {
  id: string;
  key: string | null;
  kind: string | null;
  date: string | null;
  subject: string | null;
}

/** A record's facts: its document row, the rows of each fact table (without the document's number), and aliases. */
export interface Facts {
  document: DocumentRow;
  rows: Record<FactTable, Value[][]>;
  aliases: { name: string; key: string; source: AliasSource }[];
  /** Issuing bodies spelled, with their key (bodyKeyOf); Party-style spellings and keys, read. */
  bodies: Map<string, string>;
  party: Map<string, { numberIssuer: string; code: string; key: string }>;
}

/** The facts of one record, as CitationGraph.add reads it; null when it has neither id nor key. */
export function factsOf(input: GraphRecord): Facts | null {
  const id = input?.id ?? input?.key;
  if (typeof id !== "string") return null;
  const r = graphRecordOf(input);
  const key = text(r.key);
  const subject = text(r.subject?.value);
  const document: DocumentRow = { id, key, kind: text(r.type?.value), date: text(r.date?.value), subject: subject === null ? null : subject.replace(/\s+/g, " ") };
  const rows: Facts["rows"] = { mentions: [], cited: [], stated: [], amendments: [] };
  const aliases: Facts["aliases"] = [];
  const bodies = new Map<string, string>();
  const party: Facts["party"] = new Map();
  const read = (s: string) => {
    if (party.has(s)) return;
    const p = partyOf(s);
    if (p) party.set(s, p);
  };
  if (key !== null) read(key);
  for (const m of r.mentions) {
    const c = m.citation;
    if (c?.nameKey && c.key && c.key !== c.nameKey) {
      aliases.push({ name: c.nameKey, key: c.key, source: c.keySource === "catalogue" ? "catalogue" : "corpus" });
      read(c.key);
    }
    if (!m.resolvedKey) continue;
    // A form's number (`Mẫu số 01`) is no document; a mention of the document itself neither.
    const counted = m.resolvedBy !== "self" && m.resolvedKey !== r.key && c?.kind !== "form";
    const spelled = c?.spans.identifier ?? m;
    const title = c ? lawDisplayTitle(m.resolvedKey, c) : null;
    rows.mentions.push([
      m.resolvedKey, m.start, m.end, m.text, counted, spelled.start, spelled.end, spelled.text,
      text(c?.kind), text(c?.typeCode), text(c?.issuedBy), text(c?.date), text(c?.term), text(c?.subject), title, title !== null && (title === catalogueTitle(m.resolvedKey) || title === catalogueTitle(c?.key)),
    ]);
    read(m.resolvedKey);
    if (counted) read(spelled.text);
    const body = c?.issuedBy;
    if (counted && typeof body === "string" && body !== "" && !bodies.has(body)) bodies.set(body, bodyKey(body));
  }
  if (key !== null) {
    for (const c of r.cited) {
      rows.cited.push([c.key, c.relation, c.mentions, c.rule ?? null]);
      read(c.key);
    }
  }
  for (const s of r.statedRelations) {
    rows.stated.push([s.from, s.to, s.relation, s.rule ?? null, s.evidence.start, s.evidence.end, s.evidence.text]);
    read(s.from);
    read(s.to);
  }
  for (const a of r.amendments) {
    rows.amendments.push([a.target, a.action, JSON.stringify((a.pinpoint?.paths ?? []).map(pathOf)), a.date ?? null, a.span.start, a.span.end, a.span.text]);
    read(a.target);
  }
  return { document, rows, aliases, bodies, party };
}
