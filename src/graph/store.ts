/**
 * The graph's storage: every string once in a table, every occurrence (a spelling of a node, the evidence of an
 * edge) as four integers in typed columns, nodes and edges as rows of integer columns. The primitives here make
 * and merge nodes and edges and read them back as the plain objects of GraphNode and GraphEdge; ingest.ts,
 * queries.ts and serialization.ts build on them.
 */
import { type ALIAS_SOURCES, RELATION_RULES } from "../enums.js";
import type { PinpointPath, Relation, RelationRule, Span } from "../schema.js";
import { betterTitle } from "../extract/statute.js";
import { IntColumn, StringTable } from "./columns.js";
import type { GraphEdge, GraphNode } from "./json.js";
export const RECENT_TEXTS = 4;

/** Evidence kept per edge; the rest is counted (`moreEvidence`). */
export const EVIDENCE_PER_EDGE = 16;

/** The rules a relation can be read by (`preamble`, `purpose` …), one bit each on an edge. */
export const RULES = RELATION_RULES;
export const ruleBit = (rule: RelationRule | null | undefined) => (rule ? 1 << RULES.indexOf(rule) : 0);
export const rulesOf = (bits: number): RelationRule[] => RULES.filter((_, i) => bits & (1 << i));

export const RELATIONS: readonly Relation[] = ["mentions", "basedOn", "implements", "continues", "guides", "amends", "replaces", "repeals", "corrects"];
export const RELATION_INDEX = new Map(RELATIONS.map((r, i) => [r, i]));
/** Relations compare by name in every sorted list. */
export const RELATION_RANK = RELATIONS.map((r) => [...RELATIONS].sort().indexOf(r));
export const FIELDS = ["kinds", "typeCodes", "issuedBy", "dates", "terms", "subjects", "texts"] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD = { kinds: 0, typeCodes: 1, issuedBy: 2, dates: 3, terms: 4, subjects: 5, texts: 6 } as const;
export const PATH_KEYS = ["appendix", "chapter", "section", "article", "clause", "point"] as const;

export type AmendedBy = GraphNode["amendedBy"][number];
export type AliasSource = (typeof ALIAS_SOURCES)[number];

export const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const isString = (v: unknown): v is string => typeof v === "string";

/** A span's fields in the schema's order (so that the JSON is the same bytes after a round trip). */
export const occurrence = (doc: string, s: Span) => ({ doc, start: s.start, end: s.end, text: s.text });
export const pathOf = (p: PinpointPath): PinpointPath => {
  const out: PinpointPath = {};
  for (const k of PATH_KEYS) if (p[k] !== undefined) out[k] = p[k];
  return out;
};

/** Occurrences (spellings of nodes, evidence of edges): document, offsets and text as ids, in linked lists. */
export class Occurrences {
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

/** The columns and tables of a citation graph, and the primitives over them. */
export class GraphStore {
  protected readonly strings = new StringTable();
  protected readonly documents = new Set<number>();
  protected readonly aliases = new Map<string, string>();
  /** How each alias was known (by name); absent for aliases read from a graph written before sources were kept. */
  protected readonly aliasSources = new Map<string, AliasSource>();
  /** The name people read of a law's node (string id), by node. */
  protected readonly titles = new Map<number, number>();

  // Nodes by index; a node merged away by an alias keeps its index with key -1.
  /** 1 + the node of a string id (0: none), by string id. */
  protected readonly nodeOf = new IntColumn();
  protected readonly nodeKey = new IntColumn();
  protected readonly nodeMentions = new IntColumn(1024, true);
  protected readonly variantHead = new IntColumn();
  protected readonly variantTail = new IntColumn();
  /** The last RECENT_TEXTS texts of mentions of each node (string ids, -1 none): most mentions repeat one. */
  protected readonly recentTexts = new IntColumn();
  /** The attribute lists (kinds … texts) of each node as string ids: undefined while empty, a number while one. */
  protected readonly fields: (number | number[] | undefined)[][] = FIELDS.map(() => []);
  protected readonly amended = new Map<number, AmendedBy[]>();
  /** Each node's first edge out and in; the others linked through the edges' outNext and inNext. */
  protected readonly outHead = new IntColumn();
  protected readonly inHead = new IntColumn();
  /** For nodes that cite many: (to, relation) → edge, so that finding an edge stays O(1). */
  protected readonly outIndex = new Map<number, Map<number, number>>();
  protected alive = 0;
  protected sortedNodes: { sorted: number[]; rank: Int32Array } | null = null;

  // Edges by index; an edge merged away by an alias has from -1.
  protected readonly edgeFrom = new IntColumn();
  protected readonly outNext = new IntColumn();
  protected readonly inNext = new IntColumn();
  protected readonly edgeTo = new IntColumn();
  protected readonly edgeRelation = new IntColumn();
  protected readonly edgeCount = new IntColumn(1024, true);
  /** The rules each edge's relation was read by, as bits (RULES). */
  protected readonly edgeRules = new IntColumn();
  protected readonly evidenceHead = new IntColumn();
  protected readonly evidenceKept = new IntColumn();
  protected readonly evidenceMore = new IntColumn(1024, true);
  protected readonly statedBy = new Map<number, number[]>();
  /** The key of an issuing body (string id of its spelling → key), as the citations gave it. */
  protected readonly bodyKeys = new Map<number, string>();

  protected readonly variants = new Occurrences();
  protected readonly evidence = new Occurrences();

  /** The node key for a key: a law's name key becomes its number once a text has given both. */
  canonical(key: string): string {
    return this.aliases.get(key) ?? key;
  }

  get order(): number {
    return this.alive;
  }

  protected findNode(key: string): number {
    const s = this.strings.find(key);
    return s < 0 || s >= this.nodeOf.length ? -1 : (this.nodeOf.data[s] as number) - 1;
  }

  protected node(key: string): number {
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

  protected addValue(n: number, field: Field, value: unknown): void {
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
  protected spellingId(n: number, text: string): number {
    const key = this.nodeKey.data[n] as number;
    if (this.strings.strings[key] === text) return key;
    const tail = this.variantTail.data[n] as number;
    if (tail >= 0) {
      const last = this.variants.text.data[tail] as number;
      if (this.strings.strings[last] === text) return last;
    }
    return this.strings.intern(text);
  }

  protected values(n: number, field: Field): string[] {
    const list = (this.fields[FIELD[field]] as (number | number[] | undefined)[])[n];
    const ids = list === undefined ? [] : typeof list === "number" ? [list] : list;
    return ids.map((id) => this.strings.strings[id] as string);
  }

  protected addVariant(n: number, doc: number, start: number, end: number, text: number): void {
    const v = this.variants.add(doc, start, end, text);
    const tail = this.variantTail.data[n] as number;
    if (tail < 0) this.variantHead.data[n] = v;
    else this.variants.next.data[tail] = v;
    this.variantTail.data[n] = v;
  }

  protected edge(from: number, to: number, relation: Relation): number {
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
  protected mentionTextId(n: number, text: string): number {
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
  protected before(o: Occurrences, a: number, doc: number, start: number): boolean {
    const da = o.doc.data[a] as number;
    if (da !== doc) return (this.strings.strings[da] as string) < (this.strings.strings[doc] as string);
    return (o.start.data[a] as number) < start;
  }

  /** Evidence for an edge; past EVIDENCE_PER_EDGE only the first by document and offset are kept, the rest counted. */
  protected addEvidence(e: number, doc: number, start: number, end: number, text: number): void {
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
  protected alias(name: string, key: string, source?: AliasSource): void {
    if (this.aliases.get(name) === key) this.noteAliasSource(name, source);
    if (name === key || this.aliases.has(name) || this.aliases.has(key)) return;
    this.aliases.set(this.own(name), this.own(key));
    this.noteAliasSource(name, source);
    this.mergeNode(name, key);
  }

  /** The catalogue's word outweighs a corpus text's, whatever the order the documents came in. */
  protected noteAliasSource(name: string, source: AliasSource | undefined): void {
    if (source && this.aliasSources.get(name) !== "catalogue") this.aliasSources.set(this.own(name), source);
  }

  /** A law's title for node n: of two, the better (betterTitle), so that the order of add() does not matter. */
  protected noteTitle(n: number, title: string): void {
    const old = this.titles.get(n);
    if (old === undefined || betterTitle(title, this.strings.strings[old] as string, this.key(n))) this.titles.set(n, this.strings.intern(title));
  }

  /** The node `name`, if any, merged into `key`'s (made if needed): its values, spellings, amendments and edges. */
  protected mergeNode(name: string, key: string): void {
    const from = this.findNode(name);
    if (from < 0) return;
    const into = this.node(key);
    for (const field of FIELDS) for (const v of this.values(from, field)) this.addValue(into, field, v);
    this.nodeMentions.bump(into, this.nodeMentions.data[from] as number);
    for (const v of [...this.variants.list(this.variantHead.data[from] as number)]) {
      this.addVariant(into, this.variants.doc.data[v] as number, this.variants.start.data[v] as number, this.variants.end.data[v] as number, this.variants.text.data[v] as number);
    }
    const title = this.titles.get(from);
    if (title !== undefined) this.noteTitle(into, this.strings.strings[title] as string);
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

  protected dropNode(n: number): void {
    this.nodeOf.data[this.nodeKey.data[n] as number] = 0;
    this.nodeKey.data[n] = -1;
    for (const f of this.fields) f[n] = undefined;
    this.amended.delete(n);
    this.titles.delete(n);
    this.outIndex.delete(n);
    this.alive--;
    this.sortedNodes = null;
  }

  /** Takes an edge out of both ends' lists. */
  protected detach(e: number): void {
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

  protected addStatedBy(e: number, doc: number): void {
    const list = this.statedBy.get(e);
    if (!list) this.statedBy.set(e, [doc]);
    else if (!list.includes(doc)) list.push(doc);
  }


  /** The key a citation gave a body's spelling (the first, for a spelling two citations keyed apart). */
  protected noteBodyKey(spelling: string, key: string): void {
    const id = this.strings.intern(spelling);
    if (!this.bodyKeys.has(id)) this.bodyKeys.set(id, this.own(key));
  }

  /** The table's copy of a string, which keeps no document's text alive. */
  protected own(s: string): string {
    return this.strings.strings[this.strings.intern(s)] as string;
  }

  protected key(n: number): string {
    return this.strings.strings[this.nodeKey.data[n] as number] as string;
  }

  protected occurrences(o: Occurrences, head: number): GraphNode["variants"] {
    const out = [];
    for (const i of o.list(head)) {
      const s = this.strings.strings;
      out.push({ doc: s[o.doc.data[i] as number] as string, start: o.start.data[i] as number, end: o.end.data[i] as number, text: s[o.text.data[i] as number] as string });
    }
    return out.sort((a, b) => byString(a.doc, b.doc) || a.start - b.start);
  }

  protected nodeJSON(n: number): GraphNode {
    const sortedValues = (f: Field) => this.values(n, f).sort(byString);
    const amendedBy = [...(this.amended.get(n) ?? [])].sort((a, b) => byString(a.evidence.doc, b.evidence.doc) || a.evidence.start - b.evidence.start);
    const title = this.titles.get(n);
    return {
      key: this.key(n), ...(title === undefined ? {} : { title: this.strings.strings[title] as string }), kinds: sortedValues("kinds"), typeCodes: sortedValues("typeCodes"), issuedBy: sortedValues("issuedBy"),
      dates: sortedValues("dates"), terms: sortedValues("terms"), subjects: sortedValues("subjects"), texts: sortedValues("texts"),
      mentions: this.nodeMentions.data[n] as number, variants: this.occurrences(this.variants, this.variantHead.data[n] as number), amendedBy,
    };
  }

  protected edgeJSON(e: number): GraphEdge {
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

  protected outList(n: number): number[] {
    const out: number[] = [];
    for (let e = this.outHead.data[n] as number; e >= 0; e = this.outNext.data[e] as number) out.push(e);
    return out;
  }

  protected inList(n: number): number[] {
    const out: number[] = [];
    for (let e = this.inHead.data[n] as number; e >= 0; e = this.inNext.data[e] as number) out.push(e);
    return out;
  }

  /** Edges ordered by the other end's key, then relation. */
  protected sortedEdges(edges: number[], end: IntColumn): number[] {
    const { rank } = this.nodeOrder();
    const relation = (e: number) => RELATION_RANK[this.edgeRelation.data[e] as number] as number;
    return edges.sort((a, b) => (rank[end.data[a] as number] as number) - (rank[end.data[b] as number] as number) || relation(a) - relation(b));
  }


  /** The live nodes in the order of their keys. */
  protected nodesByKey(): readonly number[] {
    return this.nodeOrder().sorted;
  }

  /** The live nodes sorted by key and each node's rank in that order; sorted once until a node comes or goes. */
  protected nodeOrder(): { sorted: number[]; rank: Int32Array } {
    if (this.sortedNodes) return this.sortedNodes;
    const sorted: number[] = [];
    for (let n = 0; n < this.nodeKey.length; n++) if ((this.nodeKey.data[n] as number) >= 0) sorted.push(n);
    sorted.sort((a, b) => byString(this.key(a), this.key(b)));
    const rank = new Int32Array(this.nodeKey.length);
    sorted.forEach((n, i) => (rank[n] = i));
    return (this.sortedNodes = { sorted, rank });
  }

  /** The nodes, sorted by key. */
  *nodes(): Generator<GraphNode> {
    for (const n of this.nodesByKey()) yield this.nodeJSON(n);
  }

  /** The edges, sorted by their ends' keys, then relation. */
  *edges(): Generator<GraphEdge> {
    for (const n of this.nodesByKey()) for (const e of this.sortedEdges(this.outList(n), this.edgeTo)) yield this.edgeJSON(e);
  }

  protected trim(): void {
    for (const c of [this.nodeOf, this.nodeKey, this.nodeMentions, this.variantHead, this.variantTail, this.outHead, this.inHead, this.edgeFrom, this.edgeTo,
      this.edgeRelation, this.edgeCount, this.edgeRules, this.outNext, this.inNext, this.evidenceHead, this.evidenceKept, this.evidenceMore]) c.trim();
    this.variants.trim();
    this.evidence.trim();
  }
}
