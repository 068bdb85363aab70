/**
 * Stage 7: graph. Documents from a whole corpus merged into one citation graph, one node per document by
 * canonical key, whatever variant spelled it.
 *
 *   const g = new CitationGraph();
 *   for (const text of texts) g.add(parseDocument(text, { id }));
 *   g.citedBy("20-NQ/TW"); g.chain("128-KH/HU"); g.missing(); g.conflicts();
 *
 * Stored compactly, for a million documents on one machine: every string once in a table, every occurrence
 * (a spelling of a node, the evidence of an edge) as four integers in typed columns, at most
 * EVIDENCE_PER_EDGE pieces of evidence per edge (the first by document and offset, whatever the order of
 * add()) and the count of the rest. Queries build the plain objects of GraphNode and GraphEdge on demand.
 */
import { RELATION_RULES } from "../enums.js";
import type { DocumentRecord, PinpointPath, Relation, RelationRule, Span } from "../schema.js";
import { bodyKeyOf } from "../extract/body.js";
import { IntColumn, StringTable } from "./columns.js";
import type { GraphEdge, GraphJSON, GraphLine, GraphNode } from "./json.js";
import { checkEdge, checkGraphHead, checkLine, checkNode, GRAPH_LINES_HEADER, GraphError } from "./validate.js";

export type { GraphEdge, GraphJSON, GraphLine, GraphNode, Occurrence } from "./json.js";
export { GraphError } from "./validate.js";

const RECENT_TEXTS = 4;
const FORM = "form";

/** Evidence kept per edge; the rest is counted (`moreEvidence`). */
export const EVIDENCE_PER_EDGE = 16;

/** What the graph reads of a DocumentRecord: a DocumentRecord is one; `graphRecordOf` keeps only this. */
export interface GraphRecord {
  id: string | null;
  key: string | null;
  type: { kind: string } | null;
  date: { iso: string | null } | null;
  subject: { text: string } | null;
  mentions: {
    text: string;
    start: number;
    end: number;
    resolvedKey: string | null;
    resolvedBy: string | null;
    citation: {
      key: string | null;
      nameKey: string | null;
      kind: string | null;
      typeCode: string | null;
      issuedBy: string | null;
      date: string | null;
      term: string | null;
      subject: string | null;
      spans: { identifier: Span | null };
    } | null;
  }[];
  cited: { key: string; relation: Relation; mentions: number; rule?: RelationRule | null | undefined }[];
  amendments: { action: "amends" | "replaces" | "repeals"; target: string; pinpoint: { paths: PinpointPath[] } | null; date: string | null; span: Span }[];
  statedRelations: { from: string; to: string; relation: Relation; evidence: Span; rule?: RelationRule | null | undefined }[];
}

/** The rules a relation can be read by (`preamble`, `purpose` …), one bit each on an edge. */
const RULES = RELATION_RULES;
const ruleBit = (rule: RelationRule | null | undefined) => (rule ? 1 << RULES.indexOf(rule) : 0);
const rulesOf = (bits: number): RelationRule[] => RULES.filter((_, i) => bits & (1 << i));

const span = (s: Span): Span => ({ text: s.text, start: s.start, end: s.end });

/** The part of a record the graph reads, small enough to pass between threads by the thousand. */
export function graphRecordOf(r: DocumentRecord | GraphRecord): GraphRecord {
  return {
    id: r.id,
    key: r.key,
    type: r.type && { kind: r.type.kind },
    date: r.date && { iso: r.date.iso },
    subject: r.subject && { text: r.subject.text },
    mentions: r.mentions
      // The mentions add() reads: of another document, or giving a law's name with its number.
      .filter((m) => (m.resolvedKey && m.resolvedBy !== "self" && m.resolvedKey !== r.key) || (m.citation?.nameKey && m.citation.key && m.citation.key !== m.citation.nameKey))
      .map((m) => {
        const c = m.citation;
        return {
          text: m.text, start: m.start, end: m.end, resolvedKey: m.resolvedKey, resolvedBy: m.resolvedBy,
          citation: c && {
            key: c.key, nameKey: c.nameKey, kind: c.kind, typeCode: c.typeCode, issuedBy: c.issuedBy, date: c.date, term: c.term,
            subject: c.subject, spans: { identifier: c.spans.identifier && span(c.spans.identifier) },
          },
        };
      }),
    cited: r.cited.map((c) => ({ key: c.key, relation: c.relation, mentions: c.mentions, rule: c.rule ?? null })),
    amendments: r.amendments.map((a) => ({
      action: a.action, target: a.target, pinpoint: a.pinpoint && { paths: a.pinpoint.paths }, date: a.date, span: span(a.span),
    })),
    statedRelations: r.statedRelations.map((s) => ({ from: s.from, to: s.to, relation: s.relation, evidence: span(s.evidence), rule: s.rule ?? null })),
  };
}

const RELATIONS: readonly Relation[] = ["mentions", "basedOn", "implements", "continues", "guides", "amends", "replaces", "repeals", "corrects"];
const RELATION_INDEX = new Map(RELATIONS.map((r, i) => [r, i]));
/** Relations compare by name in every sorted list. */
const RELATION_RANK = RELATIONS.map((r) => [...RELATIONS].sort().indexOf(r));
/** The relations a chain of implementation follows, from a local plan up to the central resolution. */
const CHAIN_RELATIONS: ReadonlySet<Relation> = new Set(["implements", "continues", "basedOn", "guides"]);
const FIELDS = ["kinds", "typeCodes", "issuedBy", "dates", "terms", "subjects", "texts"] as const;
type Field = (typeof FIELDS)[number];
const FIELD = { kinds: 0, typeCodes: 1, issuedBy: 2, dates: 3, terms: 4, subjects: 5, texts: 6 } as const;
const PATH_KEYS = ["appendix", "chapter", "section", "article", "clause", "point"] as const;

type AmendedBy = GraphNode["amendedBy"][number];

export interface Conflict {
  key: string;
  /** What disagrees: `kinds`, `dates`, `issuedBy`, `terms`, or `typeCodes` (one number and issuer, two type codes). */
  field: "kinds" | "dates" | "issuedBy" | "terms" | "typeCodes";
  values: string[];
  /** The keys involved (several for typeCodes: `77-CT/TU`, `77-CTr/TU`). */
  keys: string[];
}

/** Number, type code, issuer: `077 - CT/TU`. */
const PARTY_SPELLING = /^0*(\d+)\s*[- ]\s*([A-Za-zĐđ]+)\s*\/\s*(\S+)$/;

/** A Party-style spelling read as it stands (`77 CT/TU` → 77-CT/TU), to compare the codes texts give one number. */
export function partySpelling(spelled: string): { key: string; code: string; numberIssuer: string } | null {
  const m = PARTY_SPELLING.exec(spelled);
  return m ? { key: `${m[1]}-${m[2]}/${m[3]}`, code: m[2] as string, numberIssuer: `${m[1]}/${m[3]}` } : null;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isString = (v: unknown): v is string => typeof v === "string";
const isSpan = (s: unknown) => {
  const o = s as Span | null;
  return typeof o === "object" && o !== null && isString(o.text) && Number.isInteger(o.start) && Number.isInteger(o.end) && o.start >= 0 && o.start <= o.end;
};

/** A span's fields in the schema's order (so that the JSON is the same bytes after a round trip). */
const occurrence = (doc: string, s: Span) => ({ doc, start: s.start, end: s.end, text: s.text });
const pathOf = (p: PinpointPath): PinpointPath => {
  const out: PinpointPath = {};
  for (const k of PATH_KEYS) if (p[k] !== undefined) out[k] = p[k];
  return out;
};

/** Occurrences (spellings of nodes, evidence of edges): document, offsets and text as ids, in linked lists. */
class Occurrences {
  readonly doc = new IntColumn();
  readonly start = new IntColumn();
  readonly end = new IntColumn();
  readonly text = new IntColumn();
  readonly next = new IntColumn();

  add(doc: number, start: number, end: number, text: number): number {
    this.doc.push(doc);
    this.start.push(start);
    this.end.push(end);
    this.text.push(text);
    return this.next.push(-1);
  }

  set(i: number, doc: number, start: number, end: number, text: number): void {
    this.doc.data[i] = doc;
    this.start.data[i] = start;
    this.end.data[i] = end;
    this.text.data[i] = text;
  }

  *list(head: number): Generator<number> {
    for (let i = head; i >= 0; i = this.next.data[i] as number) yield i;
  }

  trim(): void {
    for (const c of [this.doc, this.start, this.end, this.text, this.next]) c.trim();
  }

}

export class CitationGraph {
  private readonly strings = new StringTable();
  private readonly documents = new Set<number>();
  private readonly aliases = new Map<string, string>();

  // Nodes by index; a node merged away by an alias keeps its index with key -1.
  /** 1 + the node of a string id (0: none), by string id. */
  private readonly nodeOf = new IntColumn();
  private readonly nodeKey = new IntColumn();
  private readonly nodeMentions = new IntColumn();
  private readonly variantHead = new IntColumn();
  private readonly variantTail = new IntColumn();
  /** The last RECENT_TEXTS texts of mentions of each node (string ids, -1 none): most mentions repeat one. */
  private readonly recentTexts = new IntColumn();
  /** The attribute lists (kinds … texts) of each node as string ids: undefined while empty, a number while one. */
  private readonly fields: (number | number[] | undefined)[][] = FIELDS.map(() => []);
  private readonly amended = new Map<number, AmendedBy[]>();
  /** Each node's first edge out and in; the others linked through the edges' outNext and inNext. */
  private readonly outHead = new IntColumn();
  private readonly inHead = new IntColumn();
  /** For nodes that cite many: (to, relation) → edge, so that finding an edge stays O(1). */
  private readonly outIndex = new Map<number, Map<number, number>>();
  private alive = 0;
  private sortedNodes: { sorted: number[]; rank: Int32Array } | null = null;

  // Edges by index; an edge merged away by an alias has from -1.
  private readonly edgeFrom = new IntColumn();
  private readonly outNext = new IntColumn();
  private readonly inNext = new IntColumn();
  private readonly edgeTo = new IntColumn();
  private readonly edgeRelation = new IntColumn();
  private readonly edgeCount = new IntColumn();
  /** The rules each edge's relation was read by, as bits (RULES). */
  private readonly edgeRules = new IntColumn();
  private readonly evidenceHead = new IntColumn();
  private readonly evidenceKept = new IntColumn();
  private readonly evidenceMore = new IntColumn();
  private readonly statedBy = new Map<number, number[]>();

  private readonly variants = new Occurrences();
  private readonly evidence = new Occurrences();

  /** The node key for a key: a law's name key becomes its number once a text has given both. */
  canonical(key: string): string {
    return this.aliases.get(key) ?? key;
  }

  get order(): number {
    return this.alive;
  }

  private findNode(key: string): number {
    const s = this.strings.find(key);
    return s < 0 || s >= this.nodeOf.length ? -1 : (this.nodeOf.data[s] as number) - 1;
  }

  private node(key: string): number {
    const s = this.strings.intern(key);
    if (s < this.nodeOf.length && (this.nodeOf.data[s] as number) > 0) return (this.nodeOf.data[s] as number) - 1;
    while (this.nodeOf.length <= s) this.nodeOf.push(0);
    const n = this.nodeKey.push(s);
    this.nodeOf.data[s] = n + 1;
    this.nodeMentions.push(0);
    this.variantHead.push(-1);
    this.variantTail.push(-1);
    for (let i = 0; i < RECENT_TEXTS; i++) this.recentTexts.push(-1);
    for (const f of this.fields) f.push(undefined);
    this.outHead.push(-1);
    this.inHead.push(-1);
    this.alive++;
    this.sortedNodes = null;
    return n;
  }

  private addValue(n: number, field: Field, value: unknown): void {
    if (!isString(value) || (value === "" && field !== "texts")) return; // a document id may be empty, a kind or date not
    const lists = this.fields[FIELD[field]] as (number | number[] | undefined)[];
    const list = lists[n];
    const has = (id: number) => this.strings.strings[id] === value;
    // Most values repeat what the node has: compared as strings first, interned only when new.
    if (list === undefined) lists[n] = this.strings.intern(value);
    else if (typeof list === "number") {
      if (!has(list)) lists[n] = [list, this.strings.intern(value)];
    } else if (!list.some(has)) list.push(this.strings.intern(value));
  }

  /** The id of a spelling of node n: most are its key or its last spelling, compared before interning. */
  private spellingId(n: number, text: string): number {
    const key = this.nodeKey.data[n] as number;
    if (this.strings.strings[key] === text) return key;
    const tail = this.variantTail.data[n] as number;
    if (tail >= 0) {
      const last = this.variants.text.data[tail] as number;
      if (this.strings.strings[last] === text) return last;
    }
    return this.strings.intern(text);
  }

  private values(n: number, field: Field): string[] {
    const list = (this.fields[FIELD[field]] as (number | number[] | undefined)[])[n];
    const ids = list === undefined ? [] : typeof list === "number" ? [list] : list;
    return ids.map((id) => this.strings.strings[id] as string);
  }

  private addVariant(n: number, doc: number, start: number, end: number, text: number): void {
    const v = this.variants.add(doc, start, end, text);
    const tail = this.variantTail.data[n] as number;
    if (tail < 0) this.variantHead.data[n] = v;
    else this.variants.next.data[tail] = v;
    this.variantTail.data[n] = v;
  }

  private edge(from: number, to: number, relation: Relation): number {
    const rel = RELATION_INDEX.get(relation) as number;
    const index = this.outIndex.get(from);
    const code = to * 16 + rel;
    if (index) {
      const e = index.get(code);
      if (e !== undefined) return e;
    } else {
      let degree = 0;
      for (let e = this.outHead.data[from] as number; e >= 0; e = this.outNext.data[e] as number, degree++) {
        if (this.edgeTo.data[e] === to && this.edgeRelation.data[e] === rel) return e;
      }
      if (degree > 32) {
        const map = new Map<number, number>();
        for (const x of this.outList(from)) map.set((this.edgeTo.data[x] as number) * 16 + (this.edgeRelation.data[x] as number), x);
        this.outIndex.set(from, map);
      }
    }
    const e = this.edgeFrom.push(from);
    this.edgeTo.push(to);
    this.edgeRelation.push(rel);
    this.edgeCount.push(0);
    this.edgeRules.push(0);
    this.evidenceHead.push(-1);
    this.evidenceKept.push(0);
    this.evidenceMore.push(0);
    this.outNext.push(this.outHead.data[from] as number);
    this.outHead.data[from] = e;
    this.inNext.push(this.inHead.data[to] as number);
    this.inHead.data[to] = e;
    this.outIndex.get(from)?.set(code, e);
    return e;
  }

  /**
   * The id of the text of a mention of node n. Long mention texts hash slowly in a table of millions: the few
   * texts a node is cited by (`Kết luận số 93-KL/TW`, the same with its date and body) are compared first.
   */
  private mentionTextId(n: number, text: string): number {
    const base = n * RECENT_TEXTS;
    const recent = this.recentTexts.data;
    for (let i = base; i < base + RECENT_TEXTS; i++) {
      const id = recent[i] as number;
      if (id >= 0 && this.strings.strings[id] === text) return id;
    }
    const id = this.strings.intern(text);
    recent.copyWithin(base + 1, base, base + RECENT_TEXTS - 1);
    recent[base] = id;
    return id;
  }

  /** Whether occurrence a comes before (doc, start): by document id, then offset. */
  private before(o: Occurrences, a: number, doc: number, start: number): boolean {
    const da = o.doc.data[a] as number;
    if (da !== doc) return (this.strings.strings[da] as string) < (this.strings.strings[doc] as string);
    return (o.start.data[a] as number) < start;
  }

  /** Evidence for an edge; past EVIDENCE_PER_EDGE only the first by document and offset are kept, the rest counted. */
  private addEvidence(e: number, doc: number, start: number, end: number, text: number): void {
    const kept = this.evidenceKept.data[e] as number;
    if (kept < EVIDENCE_PER_EDGE) {
      const i = this.evidence.add(doc, start, end, text);
      this.evidence.next.data[i] = this.evidenceHead.data[e] as number;
      this.evidenceHead.data[e] = i;
      this.evidenceKept.data[e] = kept + 1;
      return;
    }
    this.evidenceMore.bump(e);
    let last = -1;
    for (const i of this.evidence.list(this.evidenceHead.data[e] as number)) {
      if (last < 0 || this.before(this.evidence, last, this.evidence.doc.data[i] as number, this.evidence.start.data[i] as number)) last = i;
    }
    if (this.before(this.evidence, last, doc, start)) return;
    this.evidence.set(last, doc, start, end, text);
  }

  /** `name` and `key` are one document: from now on, and for what was added before, under `key`. */
  private alias(name: string, key: string): void {
    if (name === key || this.aliases.has(name) || this.aliases.has(key)) return;
    this.aliases.set(this.own(name), this.own(key));
    this.mergeNode(name, key);
  }

  /** The node `name`, if any, merged into `key`'s (made if needed): its values, spellings, amendments and edges. */
  private mergeNode(name: string, key: string): void {
    const from = this.findNode(name);
    if (from < 0) return;
    const into = this.node(key);
    for (const field of FIELDS) for (const v of this.values(from, field)) this.addValue(into, field, v);
    this.nodeMentions.bump(into, this.nodeMentions.data[from] as number);
    for (const v of [...this.variants.list(this.variantHead.data[from] as number)]) {
      this.addVariant(into, this.variants.doc.data[v] as number, this.variants.start.data[v] as number, this.variants.end.data[v] as number, this.variants.text.data[v] as number);
    }
    const amended = this.amended.get(from);
    if (amended) this.amended.set(into, [...(this.amended.get(into) ?? []), ...amended]);
    const edges = [...new Set([...this.outList(from), ...this.inList(from)])];
    this.dropNode(from);
    for (const e of edges) {
      const [a, b] = [this.edgeFrom.data[e] as number, this.edgeTo.data[e] as number];
      this.detach(e);
      const merged = this.edge(a === from ? into : a, b === from ? into : b, RELATIONS[this.edgeRelation.data[e] as number] as Relation);
      this.edgeCount.bump(merged, this.edgeCount.data[e] as number);
      this.edgeRules.data[merged] = (this.edgeRules.data[merged] as number) | (this.edgeRules.data[e] as number);
      this.evidenceMore.bump(merged, this.evidenceMore.data[e] as number);
      for (const d of this.statedBy.get(e) ?? []) this.addStatedBy(merged, d);
      this.statedBy.delete(e);
      for (const i of this.evidence.list(this.evidenceHead.data[e] as number)) {
        this.addEvidence(merged, this.evidence.doc.data[i] as number, this.evidence.start.data[i] as number, this.evidence.end.data[i] as number, this.evidence.text.data[i] as number);
      }
    }
  }

  private dropNode(n: number): void {
    this.nodeOf.data[this.nodeKey.data[n] as number] = 0;
    this.nodeKey.data[n] = -1;
    for (const f of this.fields) f[n] = undefined;
    this.amended.delete(n);
    this.outIndex.delete(n);
    this.alive--;
    this.sortedNodes = null;
  }

  /** Takes an edge out of both ends' lists. */
  private detach(e: number): void {
    const [a, b] = [this.edgeFrom.data[e] as number, this.edgeTo.data[e] as number];
    const unlink = (head: IntColumn, next: IntColumn, n: number) => {
      if (head.data[n] === e) head.data[n] = next.data[e] as number;
      else for (let x = head.data[n] as number; x >= 0; x = next.data[x] as number) if (next.data[x] === e) next.data[x] = next.data[e] as number;
    };
    unlink(this.outHead, this.outNext, a);
    unlink(this.inHead, this.inNext, b);
    this.outIndex.get(a)?.delete(b * 16 + (this.edgeRelation.data[e] as number));
    this.edgeFrom.data[e] = -1;
  }

  private addStatedBy(e: number, doc: number): void {
    const list = this.statedBy.get(e);
    if (!list) this.statedBy.set(e, [doc]);
    else if (!list.includes(doc)) list.push(doc);
  }

  /** Throws a GraphError, before anything is changed, when a record lacks what the graph reads. */
  private checkRecord(record: GraphRecord, doc: string): void {
    const bad = (what: string) => new GraphError(`CitationGraph.add: document "${doc}": ${what}`);
    if (!Array.isArray(record.mentions) || !Array.isArray(record.cited) || !Array.isArray(record.amendments) || !Array.isArray(record.statedRelations)) {
      throw bad("mentions, cited, amendments and statedRelations must be lists");
    }
    for (const m of record.mentions) {
      if (!isSpan(m)) throw bad("a mention without a valid span");
      if (m.resolvedKey !== null && !isString(m.resolvedKey)) throw bad("a mention's resolvedKey is not a string");
      const id = m.citation?.spans?.identifier;
      if (id && !isSpan(id)) throw bad("a citation's identifier span is not valid");
    }
    for (const c of record.cited) {
      if (!isString(c.key) || !RELATION_INDEX.has(c.relation) || !Number.isInteger(c.mentions)) throw bad("a cited entry without key, relation or count");
    }
    for (const a of record.amendments) if (!isString(a.target) || !isSpan(a.span)) throw bad("an amendment without target or span");
    for (const s of record.statedRelations) {
      if (!isString(s.from) || !isString(s.to) || !RELATION_INDEX.has(s.relation) || !isSpan(s.evidence)) throw bad("a stated relation without ends, relation or evidence");
    }
  }

  /**
   * Adds one parsed document (a DocumentRecord, or the smaller GraphRecord). Returns false (and changes
   * nothing) when a document with its id was added before; throws a GraphError (and changes nothing) when the
   * record lacks what the graph reads.
   */
  add(record: DocumentRecord | GraphRecord): boolean {
    const docKey = record?.id ?? record?.key;
    if (!isString(docKey)) throw new GraphError("CitationGraph.add: the record needs an id or a key");
    const known = this.strings.find(docKey);
    if (known >= 0 && this.documents.has(known)) return false;
    this.checkRecord(record, docKey);
    const doc = this.strings.intern(docKey);
    this.documents.add(doc);
    for (const m of record.mentions) {
      const c = m.citation;
      if (c?.nameKey && c.key && c.key !== c.nameKey) this.alias(c.nameKey, c.key);
    }
    // Each key once per record in the big string table: a document names each cited document ~3 times.
    const local = new Map<string, number>();
    const nodeFor = (key: string) => {
      let n = local.get(key);
      if (n === undefined) local.set(key, (n = this.node(this.canonical(key))));
      return n;
    };
    const self = isString(record.key) ? nodeFor(record.key) : -1;
    if (self >= 0) {
      this.addValue(self, "texts", docKey);
      this.addValue(self, "kinds", record.type?.kind);
      this.addValue(self, "dates", record.date?.iso);
      const subject = record.subject?.text;
      if (isString(subject)) this.addValue(self, "subjects", subject.replace(/\s+/g, " "));
    }
    for (const m of record.mentions) {
      // A form's number (`Mẫu số 01`) is no document.
      if (!m.resolvedKey || m.resolvedBy === "self" || m.resolvedKey === record.key || m.citation?.kind === FORM) continue;
      const n = nodeFor(m.resolvedKey);
      const c = m.citation;
      this.nodeMentions.bump(n);
      const spelled = c?.spans.identifier ?? m;
      this.addVariant(n, doc, spelled.start, spelled.end, this.spellingId(n, spelled.text));
      if (c) {
        this.addValue(n, "kinds", c.kind);
        this.addValue(n, "typeCodes", c.typeCode);
        this.addValue(n, "issuedBy", c.issuedBy);
        this.addValue(n, "dates", c.date);
        this.addValue(n, "terms", c.term);
        this.addValue(n, "subjects", c.subject);
      }
    }
    if (self >= 0) {
      // The mentions of each cited key, its evidence (one pass, not one per cited document).
      const byKey = new Map<string, GraphRecord["mentions"]>();
      for (const m of record.mentions) {
        if (!m.resolvedKey) continue;
        const list = byKey.get(m.resolvedKey);
        if (list) list.push(m);
        else byKey.set(m.resolvedKey, [m]);
      }
      for (const cited of record.cited) {
        const e = this.edge(self, nodeFor(cited.key), cited.relation);
        this.edgeCount.bump(e, cited.mentions);
        this.edgeRules.data[e] = (this.edgeRules.data[e] as number) | ruleBit(cited.rule);
        for (const m of byKey.get(cited.key) ?? []) this.addEvidence(e, doc, m.start, m.end, this.mentionTextId(this.edgeTo.data[e] as number, m.text));
      }
    }
    for (const a of record.amendments) {
      const n = this.node(this.canonical(a.target));
      const list = this.amended.get(n) ?? [];
      // Strings from the table: a span's text sliced out of the document would keep the whole text alive (with
      // one amending text in four, `vncite graph` on 50 000 files held over a GB of texts).
      const docId = this.strings.strings[doc] as string;
      const evidence = occurrence(docId, { text: this.own(a.span.text), start: a.span.start, end: a.span.end });
      list.push({ by: self >= 0 ? this.key(self) : docId, action: a.action, paths: (a.pinpoint?.paths ?? []).map(pathOf), date: a.date ?? null, evidence });
      this.amended.set(n, list);
    }
    for (const s of record.statedRelations) {
      const e = this.edge(this.node(this.canonical(s.from)), this.node(this.canonical(s.to)), s.relation);
      this.addStatedBy(e, doc);
      this.edgeRules.data[e] = (this.edgeRules.data[e] as number) | ruleBit(s.rule);
      this.addEvidence(e, doc, s.evidence.start, s.evidence.end, this.strings.intern(s.evidence.text));
    }
    return true;
  }

  /** The table's copy of a string, which keeps no document's text alive. */
  private own(s: string): string {
    return this.strings.strings[this.strings.intern(s)] as string;
  }

  private key(n: number): string {
    return this.strings.strings[this.nodeKey.data[n] as number] as string;
  }

  private occurrences(o: Occurrences, head: number): GraphNode["variants"] {
    const out = [];
    for (const i of o.list(head)) {
      const s = this.strings.strings;
      out.push({ doc: s[o.doc.data[i] as number] as string, start: o.start.data[i] as number, end: o.end.data[i] as number, text: s[o.text.data[i] as number] as string });
    }
    return out.sort((a, b) => byString(a.doc, b.doc) || a.start - b.start);
  }

  private nodeJSON(n: number): GraphNode {
    const sortedValues = (f: Field) => this.values(n, f).sort(byString);
    const amendedBy = [...(this.amended.get(n) ?? [])].sort((a, b) => byString(a.evidence.doc, b.evidence.doc) || a.evidence.start - b.evidence.start);
    return {
      key: this.key(n), kinds: sortedValues("kinds"), typeCodes: sortedValues("typeCodes"), issuedBy: sortedValues("issuedBy"),
      dates: sortedValues("dates"), terms: sortedValues("terms"), subjects: sortedValues("subjects"), texts: sortedValues("texts"),
      mentions: this.nodeMentions.data[n] as number, variants: this.occurrences(this.variants, this.variantHead.data[n] as number), amendedBy,
    };
  }

  private edgeJSON(e: number): GraphEdge {
    return {
      from: this.key(this.edgeFrom.data[e] as number), to: this.key(this.edgeTo.data[e] as number),
      relation: RELATIONS[this.edgeRelation.data[e] as number] as Relation, count: this.edgeCount.data[e] as number,
      statedBy: (this.statedBy.get(e) ?? []).map((d) => this.strings.strings[d] as string).sort(byString),
      evidence: this.occurrences(this.evidence, this.evidenceHead.data[e] as number), moreEvidence: this.evidenceMore.data[e] as number,
      rules: rulesOf(this.edgeRules.data[e] as number),
    };
  }

  getNode(name: string): GraphNode | undefined {
    const n = this.findNode(this.canonical(name));
    return n < 0 ? undefined : this.nodeJSON(n);
  }

  private outList(n: number): number[] {
    const out: number[] = [];
    for (let e = this.outHead.data[n] as number; e >= 0; e = this.outNext.data[e] as number) out.push(e);
    return out;
  }

  private inList(n: number): number[] {
    const out: number[] = [];
    for (let e = this.inHead.data[n] as number; e >= 0; e = this.inNext.data[e] as number) out.push(e);
    return out;
  }

  /** Edges ordered by the other end's key, then relation. */
  private sortedEdges(edges: number[], end: IntColumn): number[] {
    const { rank } = this.nodeOrder();
    const relation = (e: number) => RELATION_RANK[this.edgeRelation.data[e] as number] as number;
    return edges.sort((a, b) => (rank[end.data[a] as number] as number) - (rank[end.data[b] as number] as number) || relation(a) - relation(b));
  }

  /** What `key` cites (and what it is stated to relate to), by relation. */
  cites(name: string): GraphEdge[] {
    const n = this.findNode(this.canonical(name));
    return n < 0 ? [] : this.sortedEdges(this.outList(n), this.edgeTo).map((e) => this.edgeJSON(e));
  }

  /** What cites `key`. */
  citedBy(name: string): GraphEdge[] {
    const n = this.findNode(this.canonical(name));
    return n < 0 ? [] : this.sortedEdges(this.inList(n), this.edgeFrom).map((e) => this.edgeJSON(e));
  }

  /** The chain of implementation up from `key`: every document it implements, continues, is based on or guides, transitively. */
  chain(key: string): { key: string; depth: number; from: string; relation: Relation }[] {
    return this.walk(key, "out");
  }

  /** Everything that implements, continues, is based on or guides `key`, transitively. */
  descendants(key: string): { key: string; depth: number; from: string; relation: Relation }[] {
    return this.walk(key, "in");
  }

  private walk(name: string, direction: "in" | "out") {
    const start = this.findNode(this.canonical(name));
    const out: { key: string; depth: number; from: string; relation: Relation }[] = [];
    if (start < 0) return out;
    const [list, end] = direction === "out" ? [(n: number) => this.outList(n), this.edgeTo] : [(n: number) => this.inList(n), this.edgeFrom];
    const seen = new Set([start]);
    let frontier = [start];
    for (let depth = 1; frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const k of frontier) {
        for (const e of this.sortedEdges(list(k), end)) {
          const other = end.data[e] as number;
          const relation = RELATIONS[this.edgeRelation.data[e] as number] as Relation;
          if (!CHAIN_RELATIONS.has(relation) || seen.has(other)) continue;
          seen.add(other);
          next.push(other);
          out.push({ key: this.key(other), depth, from: this.key(k), relation });
        }
      }
      const { rank } = this.nodeOrder();
      frontier = next.sort((a, b) => (rank[a] as number) - (rank[b] as number));
    }
    return out;
  }

  /** The shortest chain of citations from `a` to `b`, or null. */
  path(from: string, to: string): string[] | null {
    const [a, b] = [this.findNode(this.canonical(from)), this.findNode(this.canonical(to))];
    if (a < 0 || b < 0) return null;
    const parent = new Map<number, number>([[a, -1]]);
    let frontier = [a];
    while (frontier.length > 0 && !parent.has(b)) {
      const next: number[] = [];
      for (const k of frontier) {
        for (const e of this.sortedEdges(this.outList(k), this.edgeTo)) {
          const other = this.edgeTo.data[e] as number;
          if (parent.has(other)) continue;
          parent.set(other, k);
          next.push(other);
        }
      }
      frontier = next;
    }
    if (!parent.has(b)) return null;
    const out: string[] = [];
    for (let n = b; n >= 0; n = parent.get(n) as number) out.push(this.key(n));
    return out.reverse();
  }

  /** The `n` documents cited by the most documents (ties by key). */
  mostCited(n = 10): { key: string; citedBy: number; mentions: number }[] {
    const lastSeen = new Int32Array(this.nodeKey.length).fill(-1);
    const citedBy = new Int32Array(this.nodeKey.length);
    const cited: number[] = [];
    for (let node = 0; node < this.nodeKey.length; node++) {
      for (let e = this.inHead.data[node] as number; e >= 0; e = this.inNext.data[e] as number) {
        if (this.edgeCount.data[e] === 0 && this.statedBy.has(e)) continue; // stated by a third document, not a citation
        const from = this.edgeFrom.data[e] as number;
        if (lastSeen[from] !== node) {
          lastSeen[from] = node;
          citedBy[node] = (citedBy[node] as number) + 1;
        }
      }
      if ((citedBy[node] as number) > 0) cited.push(node);
    }
    const mentions = this.nodeMentions.data;
    const before = (x: number, y: number) =>
      (citedBy[y] as number) - (citedBy[x] as number) || (mentions[y] as number) - (mentions[x] as number) || byString(this.key(x), this.key(y));
    // The first n kept in order as the nodes go by: no sort of a million rows for the top ten.
    const top: number[] = n > 1000 ? cited.sort(before).slice(0, n) : [];
    for (const node of n > 1000 ? [] : cited) {
      if (top.length >= n && before(node, top[top.length - 1] as number) >= 0) continue;
      let i = top.length;
      while (i > 0 && before(node, top[i - 1] as number) < 0) i--;
      top.splice(i, 0, node);
      if (top.length > n) top.pop();
    }
    return top.map((node) => ({ key: this.key(node), citedBy: citedBy[node] as number, mentions: mentions[node] as number }));
  }

  /**
   * What later documents changed in `key`, article by article (then clause, point): each change with the
   * document that made it, the action, the part, the date where given, and where the change is said.
   */
  amendmentsOf(name: string): GraphNode["amendedBy"] {
    const n = this.findNode(this.canonical(name));
    if (n < 0) return [];
    const num = (s: string | undefined) => (s ? s.replace(/\d+/, (d) => d.padStart(5, "0")) : "");
    const order = (x: AmendedBy) => {
      const p = x.paths[0] ?? {};
      return `${num(p.article)}\u0000${num(p.clause)}\u0000${p.point ?? ""}\u0000${x.by}\u0000${String(x.evidence.start).padStart(12, "0")}`;
    };
    return (this.amended.get(n) ?? []).map((x) => ({ x, k: order(x) })).sort((a, b) => byString(a.k, b.k)).map(({ x }) => x);
  }

  /** The live nodes in the order of their keys. */
  private nodesByKey(): readonly number[] {
    return this.nodeOrder().sorted;
  }

  /** The live nodes sorted by key and each node's rank in that order; sorted once until a node comes or goes. */
  private nodeOrder(): { sorted: number[]; rank: Int32Array } {
    if (this.sortedNodes) return this.sortedNodes;
    const sorted: number[] = [];
    for (let n = 0; n < this.nodeKey.length; n++) if ((this.nodeKey.data[n] as number) >= 0) sorted.push(n);
    sorted.sort((a, b) => byString(this.key(a), this.key(b)));
    const rank = new Int32Array(this.nodeKey.length);
    sorted.forEach((n, i) => (rank[n] = i));
    return (this.sortedNodes = { sorted, rank });
  }

  /** Documents cited but whose own text is not in the corpus. */
  missing(): string[] {
    const texts = this.fields[FIELD.texts] as (number | number[] | undefined)[];
    return this.nodesByKey().filter((n) => texts[n] === undefined).map((n) => this.key(n));
  }

  /**
   * One key seen with different kinds, dates, issuing bodies or terms; one number and issuer with two type codes.
   * Linear in the graph but for the bodies of one node, compared pairwise: a node with one value per field costs a
   * look, each distinct string is read once.
   */
  conflicts(): Conflict[] {
    const out: Conflict[] = [];
    const bodyKey = new Map<number, string>(); // bodyKeyOf by string id: one body is spelled the same way across nodes
    for (let n = 0; n < this.nodeKey.length; n++) {
      if ((this.nodeKey.data[n] as number) < 0) continue;
      for (const field of ["kinds", "dates", "terms"] as const) {
        if (Array.isArray(this.fields[FIELD[field]]?.[n])) out.push({ key: this.key(n), field, values: this.values(n, field).sort(byString), keys: [this.key(n)] });
      }
      const issuedBy = (this.fields[FIELD.issuedBy] as (number | number[] | undefined)[])[n];
      if (!Array.isArray(issuedBy)) continue;
      // Bodies compared by their key (one body, many spellings): each key once, by its first spelling in
      // string order; a key inside another (a body that names a part of another) is that one.
      const first = new Map<string, string>();
      for (const id of issuedBy) {
        let k = bodyKey.get(id);
        if (k === undefined) bodyKey.set(id, (k = bodyKeyOf(this.strings.strings[id] as string)));
        const spelled = this.strings.strings[id] as string;
        const had = first.get(k);
        if (had === undefined || spelled < had) first.set(k, spelled);
      }
      const keys = [...first.keys()];
      const bodies = keys.filter((k) => !keys.some((o) => o !== k && o.includes(k))).map((k) => first.get(k) as string);
      if (bodies.length > 1) out.push({ key: this.key(n), field: "issuedBy", values: bodies.sort(byString), keys: [this.key(n)] });
    }
    for (const c of this.typeCodeConflicts()) out.push(c);
    return out.map((c) => ({ c, k: `${c.key}\u0000${c.field}` })).sort((a, b) => byString(a.k, b.k)).map(({ c }) => c);
  }

  /**
   * One number and issuer under two type codes: `77-CT/TU` and `77-CTr/TU`, as nodes or as spellings of one.
   * Each distinct spelling read once: the live nodes' keys and the spellings column (a node merged away left
   * its spellings there, copied to the node it went into, so the column holds the live nodes' spellings only).
   */
  private typeCodeConflicts(): Conflict[] {
    const seen = new Uint8Array(this.strings.size);
    const spellings: number[] = [];
    const mark = (s: number) => {
      if (seen[s] === 0) {
        seen[s] = 1;
        spellings.push(s);
      }
    };
    for (let n = 0; n < this.nodeKey.length; n++) if ((this.nodeKey.data[n] as number) >= 0) mark(this.nodeKey.data[n] as number);
    const text = this.variants.text;
    for (let v = 0; v < text.length; v++) mark(text.data[v] as number);
    // Most numbers come with one code: each number and issuer keeps the code of its first spelling (as an id,
    // under the number as a small integer: a million strings and objects kept alive would cost more in
    // garbage collection than the reading itself); those with more codes keep each code's key.
    const codeIds = new Map<string, number>();
    const codes: string[] = [];
    const byIssuer = new Map<string, Map<number | string, number>>();
    const several = new Map<string, Map<string, string>>();
    for (const s of spellings) {
      const m = PARTY_SPELLING.exec(this.strings.strings[s] as string);
      if (!m) continue;
      const [, number, code, issuer] = m as unknown as [string, string, string, string];
      let c = codeIds.get(code);
      if (c === undefined) codeIds.set(code, (c = codes.push(code) - 1));
      let byNumber = byIssuer.get(issuer);
      if (!byNumber) byIssuer.set(issuer, (byNumber = new Map()));
      const at = number.length < 10 ? Number(number) : number;
      const first = byNumber.get(at);
      if (first === undefined) byNumber.set(at, c);
      else if (first !== c) {
        const numberIssuer = `${number}/${issuer}`;
        const keys = several.get(numberIssuer) ?? new Map([[codes[first] as string, `${number}-${codes[first]}/${issuer}`]]);
        several.set(numberIssuer, keys.set(code, `${number}-${code}/${issuer}`));
      }
    }
    return [...several.values()].map((keyOfCode) => {
      const keys = [...keyOfCode.values()].sort(byString);
      return { key: keys[0] as string, field: "typeCodes" as const, values: [...keyOfCode.keys()].sort(byString), keys };
    });
  }

  /** The nodes, sorted by key. */
  *nodes(): Generator<GraphNode> {
    for (const n of this.nodesByKey()) yield this.nodeJSON(n);
  }

  /** The edges, sorted by their ends' keys, then relation. */
  *edges(): Generator<GraphEdge> {
    for (const n of this.nodesByKey()) for (const e of this.sortedEdges(this.outList(n), this.edgeTo)) yield this.edgeJSON(e);
  }

  private sortedDocuments(): string[] {
    return [...this.documents].map((d) => this.strings.strings[d] as string).sort(byString);
  }

  private sortedAliases() {
    return [...this.aliases].sort((a, b) => byString(a[0], b[0])).map(([name, key]) => ({ name, key }));
  }

  /** The stable JSON form (GraphJSONSchema): lists sorted, so that the same documents give the same JSON in any order of add(). */
  toJSON(): GraphJSON {
    return {
      format: "vncite-graph", version: 1, documents: this.sortedDocuments(), aliases: this.sortedAliases(), nodes: [...this.nodes()], edges: [...this.edges()],
    };
  }

  /** The JSON Lines form, a line at a time (no newline): a header, then documents, aliases, nodes, edges, each sorted. */
  *toJSONLines(): Generator<string> {
    yield JSON.stringify(GRAPH_LINES_HEADER);
    for (const id of this.sortedDocuments()) yield JSON.stringify({ type: "document", id });
    for (const a of this.sortedAliases()) yield JSON.stringify({ type: "alias", ...a });
    for (const n of this.nodes()) yield JSON.stringify({ type: "node", ...n });
    for (const e of this.edges()) yield JSON.stringify({ type: "edge", ...e });
  }

  private loadNode(n: GraphNode, merge: boolean): void {
    const key = merge ? this.canonical(n.key) : n.key;
    if (!merge && this.findNode(key) >= 0) throw new GraphError(`duplicate node "${key}"`);
    const node = this.node(key);
    for (const field of FIELDS) for (const v of n[field]) this.addValue(node, field, v);
    this.nodeMentions.bump(node, n.mentions);
    const doc = this.lastInterned();
    for (const v of n.variants) this.addVariant(node, doc(v.doc), v.start, v.end, this.spellingId(node, v.text));
    if (n.amendedBy.length > 0) {
      this.amended.set(node, [...(this.amended.get(node) ?? []), ...n.amendedBy].map((a) => ({ by: a.by, action: a.action, paths: a.paths.map(pathOf), date: a.date, evidence: occurrence(a.evidence.doc, a.evidence) })));
    }
  }

  /** Interning that remembers the last string: read back, a node's or edge's occurrences come in runs of one document. */
  private lastInterned(): (s: string) => number {
    let last: string | null = null;
    let id = -1;
    return (s) => (s === last ? id : ((last = s), (id = this.strings.intern(s))));
  }

  private loadEdge(e: GraphEdge, merge: boolean): void {
    const [from, to] = merge ? [this.findNode(this.canonical(e.from)), this.findNode(this.canonical(e.to))] : [this.findNode(e.from), this.findNode(e.to)];
    const name = `edge ${JSON.stringify(e.from)} → ${JSON.stringify(e.to)} (${e.relation})`;
    if (from < 0 || to < 0) throw new GraphError(`${name}: no node ${JSON.stringify(from < 0 ? e.from : e.to)}`);
    const before = this.edgeFrom.length;
    const edge = this.edge(from, to, e.relation);
    if (edge < before && !merge) throw new GraphError(`duplicate ${name}`);
    this.edgeCount.bump(edge, e.count);
    for (const r of e.rules ?? []) this.edgeRules.data[edge] = (this.edgeRules.data[edge] as number) | ruleBit(r);
    for (const d of e.statedBy) this.addStatedBy(edge, this.strings.intern(d));
    const doc = this.lastInterned();
    for (const o of e.evidence) this.addEvidence(edge, doc(o.doc), o.start, o.end, this.strings.intern(o.text));
    this.evidenceMore.bump(edge, e.moreEvidence);
  }

  /** Adds a checked line; a GraphError (a duplicate or missing node) says where (`at`). */
  private loadLine(line: GraphLine | GraphNode | GraphEdge, at: string, merge = false): void {
    try {
      if ("id" in line) {
        const doc = this.strings.intern(line.id);
        if (merge && this.documents.has(doc)) throw new GraphError(`document "${line.id}" is in two graphs`);
        this.documents.add(doc);
      } else if ("name" in line) {
        if (!this.aliases.has(line.name)) this.aliases.set(line.name, line.key);
      } else if ("key" in line) this.loadNode(line, merge);
      else this.loadEdge(line, merge);
    } catch (e) {
      throw e instanceof GraphError ? new GraphError(`${at}: ${e.message}`) : e;
    }
  }

  private trim(): void {
    for (const c of [this.nodeOf, this.nodeKey, this.nodeMentions, this.variantHead, this.variantTail, this.outHead, this.inHead, this.edgeFrom, this.edgeTo,
      this.edgeRelation, this.edgeCount, this.edgeRules, this.outNext, this.inNext, this.evidenceHead, this.evidenceKept, this.evidenceMore]) c.trim();
    this.variants.trim();
    this.evidence.trim();
  }

  /** Reads the JSON form back, validated: a GraphError says what is malformed, or names a duplicate or missing node. */
  static fromJSON(json: unknown): CitationGraph {
    checkGraphHead(json);
    const data = json as Record<keyof GraphJSON, unknown[]>;
    const g = new CitationGraph();
    (data.documents as unknown[]).forEach((d, i) => g.loadLine(checkLine({ type: "document", id: d }), `documents.${i}`));
    (data.aliases as unknown[]).forEach((a, i) => g.loadLine(checkLine({ ...(a as object), type: "alias" }), `aliases.${i}`));
    (data.nodes as unknown[]).forEach((n, i) => g.loadLine(checkNode(n, `nodes.${i}`), `nodes.${i}`));
    (data.edges as unknown[]).forEach((e, i) => g.loadLine(checkEdge(e, `edges.${i}`), `edges.${i}`));
    g.trim();
    return g;
  }

  /**
   * Reads the JSON Lines form back (lines with or without their newline, blank lines skipped), from an array,
   * a generator, a stream's lines (`readline`) or the whole text in one string. Each line is validated; a
   * GraphError names the line.
   * With `merge`, the lines are those of several graphs one after the other (the graphs of shards of a corpus,
   * each shard's documents in one graph only): a node or edge met again is merged, as if all the documents had
   * been added to one graph.
   */
  static async fromJSONLines(source: string | Iterable<string> | AsyncIterable<string>, options: { merge?: boolean } = {}): Promise<CitationGraph> {
    // A string is iterable too, a character at a time: the whole text, read as its lines.
    const lines = typeof source === "string" ? source.split("\n") : source;
    const merge = options.merge === true;
    const g = new CitationGraph();
    let number = 0;
    let header = false;
    for await (const raw of lines) {
      number++;
      if (raw.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        throw new GraphError(`line ${number}: not JSON`);
      }
      const h = value as { format?: unknown; version?: unknown } | null;
      if (merge && header && h?.format === GRAPH_LINES_HEADER.format) continue; // the next graph
      if (!header) {
        if (h?.format !== GRAPH_LINES_HEADER.format || h.version !== GRAPH_LINES_HEADER.version) throw new GraphError(`line ${number}: not a vncite graph (JSON Lines)`);
        header = true;
        continue;
      }
      let line: GraphLine;
      try {
        line = checkLine(value);
      } catch (e) {
        throw e instanceof GraphError ? new GraphError(`line ${number}: ${e.message}`) : e;
      }
      g.loadLine(line, `line ${number}`, merge);
    }
    if (!header) throw new GraphError("not a vncite graph (JSON Lines): no header line");
    // A law one graph knew only by name and another by name and number: one node, under the number.
    if (merge) for (const [name, key] of g.aliases) g.mergeNode(name, key);
    g.trim();
    return g;
  }
}
