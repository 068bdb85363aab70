/**
 * Stage 7: graph. Documents from a whole corpus merged into one citation graph (graphology), one node per
 * document by canonical key, whatever variant spelled it.
 *
 *   const g = new CitationGraph();
 *   for (const text of texts) g.add(parseDocument(text, { id }));
 *   g.citedBy("20-NQ/TW"); g.chain("128-KH/HU"); g.missing(); g.conflicts();
 */
import GraphologyModule from "graphology";
import shortestPath from "graphology-shortest-path";
import { z } from "zod";
import { type DocumentRecord, PinpointPathSchema, type Relation, RelationRuleSchema, RelationSchema } from "../schema.js";
import { foldName } from "../tables.js";

// graphology and its algorithms ship CommonJS; under the ESM and CJS builds alike take what is needed off
// the default export (named imports of CommonJS are not reliable under Node's ESM loader).
const { MultiDirectedGraph } = GraphologyModule as unknown as { MultiDirectedGraph: typeof import("graphology").MultiDirectedGraph };
const { bidirectional } = shortestPath;

const Occurrence = z.object({ doc: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() });

export const GraphNodeSchema = z.object({
  key: z.string(),
  /** Document types in words, and type codes, seen for this key. */
  kinds: z.array(z.string()),
  typeCodes: z.array(z.string()),
  /** Issuing bodies in words, dates, terms and subjects seen. */
  issuedBy: z.array(z.string()),
  dates: z.array(z.string()),
  terms: z.array(z.string()),
  subjects: z.array(z.string()),
  /** Ids of the corpus documents that are this document's own text (empty: cited only). */
  texts: z.array(z.string()),
  /** How many mentions point at it. */
  mentions: z.number().int().nonnegative(),
  /** Every spelling that resolved to this key (`77-CT/TU`, `77 CT/TU` for 77-CTr/TU), with where. */
  variants: z.array(Occurrence),
  /** What later documents changed in it: by whom, how, which part, from when, and where they say so. */
  amendedBy: z.array(
    z.object({
      by: z.string(),
      action: z.enum(["amends", "replaces", "repeals"]),
      paths: z.array(PinpointPathSchema),
      date: z.string().nullable(),
      evidence: Occurrence,
    }),
  ),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  relation: RelationSchema,
  /** Mentions behind the edge, over all citing documents. */
  count: z.number().int().nonnegative(),
  /** Documents that state this relation between two documents they cite (69-KL/TW continues 20-NQ/TW). */
  statedBy: z.array(z.string()),
  evidence: z.array(Occurrence),
  /** The parts of the citing documents the relation was read from (`preamble`, `purpose`, `stated` …). */
  rules: z.array(RelationRuleSchema).default([]),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

/** The JSON form of a graph: stable, sorted, read back losslessly by CitationGraph.fromJSON. */
export const GraphJSONSchema = z.object({
  format: z.literal("vncite-graph"),
  version: z.literal(1),
  documents: z.array(z.string()),
  /** Laws known by name and by number (`Luật doanh nghiệp năm 2020` = `59/2020/QH14`): one node, under the number. */
  aliases: z.array(z.object({ name: z.string(), key: z.string() })),
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
});
export type GraphJSON = z.infer<typeof GraphJSONSchema>;

/** The relations a chain of implementation follows, from a local plan up to the central resolution. */
const CHAIN_RELATIONS: ReadonlySet<Relation> = new Set(["implements", "continues", "basedOn", "guides"]);

export interface Conflict {
  key: string;
  /** What disagrees: `kinds`, `dates`, `issuedBy`, `terms`, or `typeCodes` (one number and issuer, two type codes). */
  field: "kinds" | "dates" | "issuedBy" | "terms" | "typeCodes";
  values: string[];
  /** The keys involved (several for typeCodes: `77-CT/TU`, `77-CTr/TU`). */
  keys: string[];
}

/** A Party-style spelling read as it stands (`77 CT/TU` → 77-CT/TU), to compare the codes texts give one number. */
export function partySpelling(spelled: string): { key: string; code: string; numberIssuer: string } | null {
  const m = /^0*(\d+)\s*[- ]\s*([A-Za-zĐđ]+)\s*\/\s*(\S+)$/.exec(spelled);
  return m ? { key: `${m[1]}-${m[2]}/${m[3]}`, code: m[2] as string, numberIssuer: `${m[1]}/${m[3]}` } : null;
}

type Attributes = GraphNode;
type EdgeAttributes = GraphEdge;

const addUnique = (list: string[], value: string | null | undefined) => {
  if (value && !list.includes(value)) list.push(value);
};
const sorted = <T>(xs: T[], by: (x: T) => string) => [...xs].sort((a, b) => (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : 0));

export class CitationGraph {
  readonly graph = new MultiDirectedGraph<Attributes, EdgeAttributes>();
  private readonly documents = new Set<string>();
  private readonly aliases = new Map<string, string>();

  /** The node key for a key: a law's name key becomes its number once a text has given both. */
  canonical(key: string): string {
    return this.aliases.get(key) ?? key;
  }

  /** `name` and `key` are one document: from now on, and for what was added before, under `key`. */
  private alias(name: string, key: string): void {
    if (name === key || this.aliases.has(name) || this.aliases.has(key)) return;
    this.aliases.set(name, key);
    if (!this.graph.hasNode(name)) return;
    const from = this.graph.getNodeAttributes(name);
    const into = this.node(key);
    for (const field of ["kinds", "typeCodes", "issuedBy", "dates", "terms", "subjects", "texts"] as const) {
      for (const v of from[field]) addUnique(into[field], v);
    }
    into.mentions += from.mentions;
    into.variants.push(...from.variants);
    into.amendedBy.push(...from.amendedBy);
    const edges = [...this.graph.mapOutEdges(name, (_e, a) => a), ...this.graph.mapInEdges(name, (_e, a) => a)];
    this.graph.dropNode(name);
    for (const e of edges) {
      const merged = this.edge(e.from === name ? key : e.from, e.to === name ? key : e.to, e.relation);
      merged.count += e.count;
      for (const d of e.statedBy) addUnique(merged.statedBy, d);
      for (const r of e.rules) addUnique(merged.rules, r);
      merged.evidence.push(...e.evidence);
    }
  }

  /** Adds one parsed document. Returns false (and changes nothing) when a document with its id was added before. */
  add(record: DocumentRecord): boolean {
    const doc = record.id ?? record.key;
    if (!doc) throw new TypeError("CitationGraph.add: the record needs an id or a key");
    if (this.documents.has(doc)) return false;
    this.documents.add(doc);
    for (const m of record.mentions) {
      const c = m.citation;
      if (c?.nameKey && c.key && c.key !== c.nameKey) this.alias(c.nameKey, c.key);
    }
    const self = record.key ? this.canonical(record.key) : null;
    if (self) {
      const own = this.node(self);
      addUnique(own.texts, doc);
      addUnique(own.kinds, record.type?.kind);
      addUnique(own.dates, record.date?.iso);
      addUnique(own.subjects, record.subject?.text.replace(/\s+/g, " "));
    }
    for (const m of record.mentions) {
      if (!m.resolvedKey || m.resolvedBy === "self" || m.resolvedKey === record.key) continue;
      const n = this.node(this.canonical(m.resolvedKey));
      const c = m.citation;
      n.mentions++;
      const spelled = c?.spans.identifier ?? m;
      n.variants.push({ doc, start: spelled.start, end: spelled.end, text: spelled.text });
      if (c) {
        addUnique(n.kinds, c.kind);
        addUnique(n.typeCodes, c.typeCode);
        addUnique(n.issuedBy, c.issuedBy);
        addUnique(n.dates, c.date);
        addUnique(n.terms, c.term);
        addUnique(n.subjects, c.subject);
      }
    }
    if (self) {
      for (const cited of record.cited) {
        const e = this.edge(self, this.canonical(cited.key), cited.relation);
        e.count += cited.mentions;
        if (cited.rule) addUnique(e.rules, cited.rule);
        for (const m of record.mentions) {
          if (m.resolvedKey === cited.key) e.evidence.push({ doc, start: m.start, end: m.end, text: m.text });
        }
      }
    }
    for (const a of record.amendments) {
      this.node(this.canonical(a.target)).amendedBy.push({
        by: self ?? doc, action: a.action, paths: a.pinpoint?.paths ?? [], date: a.date, evidence: { doc, ...a.span },
      });
    }
    for (const s of record.statedRelations) {
      const e = this.edge(this.canonical(s.from), this.canonical(s.to), s.relation);
      addUnique(e.statedBy, doc);
      addUnique(e.rules, s.rule);
      e.evidence.push({ doc, ...s.evidence });
    }
    return true;
  }

  private node(key: string): Attributes {
    if (!this.graph.hasNode(key)) {
      this.graph.addNode(key, {
        key, kinds: [], typeCodes: [], issuedBy: [], dates: [], terms: [], subjects: [], texts: [], mentions: 0, variants: [], amendedBy: [],
      });
    }
    return this.graph.getNodeAttributes(key);
  }

  private edge(from: string, to: string, relation: Relation): EdgeAttributes {
    this.node(from);
    this.node(to);
    const id = `${from}\u0000${relation}\u0000${to}`;
    if (!this.graph.hasEdge(id)) this.graph.addDirectedEdgeWithKey(id, from, to, { from, to, relation, count: 0, statedBy: [], evidence: [], rules: [] });
    return this.graph.getEdgeAttributes(id);
  }

  get order(): number {
    return this.graph.order;
  }

  getNode(name: string): GraphNode | undefined {
    const key = this.canonical(name);
    return this.graph.hasNode(key) ? this.graph.getNodeAttributes(key) : undefined;
  }

  /** What `key` cites (and what it is stated to relate to), by relation. */
  cites(name: string): GraphEdge[] {
    const key = this.canonical(name);
    if (!this.graph.hasNode(key)) return [];
    return sorted(this.graph.mapOutEdges(key, (_e, a) => a), (e) => `${e.to}\u0000${e.relation}`);
  }

  /** What cites `key`. */
  citedBy(name: string): GraphEdge[] {
    const key = this.canonical(name);
    if (!this.graph.hasNode(key)) return [];
    return sorted(this.graph.mapInEdges(key, (_e, a) => a), (e) => `${e.from}\u0000${e.relation}`);
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
    const start = this.canonical(name);
    const out: { key: string; depth: number; from: string; relation: Relation }[] = [];
    if (!this.graph.hasNode(start)) return out;
    const seen = new Set([start]);
    let frontier = [start];
    for (let depth = 1; frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const k of frontier) {
        const edges = direction === "out" ? this.cites(k) : this.citedBy(k);
        for (const e of edges) {
          const other = direction === "out" ? e.to : e.from;
          if (!CHAIN_RELATIONS.has(e.relation) || seen.has(other)) continue;
          seen.add(other);
          next.push(other);
          out.push({ key: other, depth, from: k, relation: e.relation });
        }
      }
      frontier = next.sort();
    }
    return out;
  }

  /** The shortest chain of citations from `a` to `b`, or null. */
  path(from: string, to: string): string[] | null {
    const [a, b] = [this.canonical(from), this.canonical(to)];
    if (!this.graph.hasNode(a) || !this.graph.hasNode(b)) return null;
    return bidirectional(this.graph, a, b);
  }

  /** The `n` documents cited by the most documents (ties by key). */
  mostCited(n = 10): { key: string; citedBy: number; mentions: number }[] {
    const rows = this.graph.mapNodes((key, a) => ({
      key,
      citedBy: new Set(this.graph.mapInEdges(key, (_e, e) => (e.statedBy.length > 0 && e.count === 0 ? null : e.from)).filter(Boolean)).size,
      mentions: a.mentions,
    }));
    return rows.filter((r) => r.citedBy > 0).sort((x, y) => y.citedBy - x.citedBy || y.mentions - x.mentions || (x.key < y.key ? -1 : 1)).slice(0, n);
  }

  /**
   * What later documents changed in `key`, article by article (then clause, point): each change with the
   * document that made it, the action, the part, the date where given, and where the change is said.
   */
  amendmentsOf(name: string): GraphNode["amendedBy"] {
    const n = this.getNode(name);
    if (!n) return [];
    const order = (x: GraphNode["amendedBy"][number]) => {
      const p = x.paths[0] ?? {};
      const num = (s: string | undefined) => (s ? s.replace(/\d+/, (d) => d.padStart(5, "0")) : "");
      return `${num(p.article)}\u0000${num(p.clause)}\u0000${p.point ?? ""}\u0000${x.by}\u0000${String(x.evidence.start).padStart(12, "0")}`;
    };
    return sorted(n.amendedBy, order);
  }

  /** Documents cited but whose own text is not in the corpus. */
  missing(): string[] {
    return this.graph.filterNodes((_k, a) => a.texts.length === 0).sort();
  }

  /** One key seen with different kinds, dates, issuing bodies or terms; one number and issuer with two type codes. */
  conflicts(): Conflict[] {
    const out: Conflict[] = [];
    this.graph.forEachNode((key, a) => {
      if (a.kinds.length > 1) out.push({ key, field: "kinds", values: [...a.kinds].sort(), keys: [key] });
      if (a.dates.length > 1) out.push({ key, field: "dates", values: [...a.dates].sort(), keys: [key] });
      if (a.terms.length > 1) out.push({ key, field: "terms", values: [...a.terms].sort(), keys: [key] });
      const bodies = a.issuedBy.filter((b) => !a.issuedBy.some((o) => o !== b && foldName(o).includes(foldName(b))));
      if (bodies.length > 1) out.push({ key, field: "issuedBy", values: [...bodies].sort(), keys: [key] });
    });
    // One number and issuer under two type codes: `77-CT/TU` and `77-CTr/TU`, as nodes or as spellings of one.
    const byNumberIssuer = new Map<string, { codes: Set<string>; keys: Set<string> }>();
    this.graph.forEachNode((key, a) => {
      for (const spelled of [key, ...a.variants.map((v) => v.text)]) {
        const p = partySpelling(spelled);
        if (!p) continue;
        const entry = byNumberIssuer.get(p.numberIssuer) ?? { codes: new Set<string>(), keys: new Set<string>() };
        entry.codes.add(p.code);
        entry.keys.add(p.key);
        byNumberIssuer.set(p.numberIssuer, entry);
      }
    });
    for (const [, e] of byNumberIssuer) {
      if (e.codes.size > 1) {
        const keys = [...e.keys].sort();
        out.push({ key: keys[0] as string, field: "typeCodes", values: [...e.codes].sort(), keys });
      }
    }
    return sorted(out, (c) => `${c.key}\u0000${c.field}`);
  }

  /** The stable JSON form (GraphJSONSchema). */
  toJSON(): GraphJSON {
    const byOccurrence = (o: z.infer<typeof Occurrence>) => `${o.doc}\u0000${String(o.start).padStart(12, "0")}`;
    return {
      format: "vncite-graph",
      version: 1,
      documents: [...this.documents].sort(),
      aliases: sorted([...this.aliases].map(([name, key]) => ({ name, key })), (a) => a.name),
      // Lists sorted, so that the same documents give the same JSON in any order of add().
      nodes: sorted(
        this.graph.mapNodes((_k, a) => ({
          ...a, kinds: [...a.kinds].sort(), typeCodes: [...a.typeCodes].sort(), issuedBy: [...a.issuedBy].sort(), dates: [...a.dates].sort(),
          terms: [...a.terms].sort(), subjects: [...a.subjects].sort(), texts: [...a.texts].sort(), variants: sorted(a.variants, byOccurrence),
          amendedBy: sorted(a.amendedBy, (x) => `${x.evidence.doc}\u0000${String(x.evidence.start).padStart(12, "0")}`),
        })),
        (n) => n.key,
      ),
      edges: sorted(
        this.graph.mapEdges((_e, a) => ({ ...a, statedBy: [...a.statedBy].sort(), evidence: sorted(a.evidence, byOccurrence), rules: [...a.rules].sort() })),
        (e) => `${e.from}\u0000${e.to}\u0000${e.relation}`,
      ),
    };
  }

  /** Reads the JSON form back, validated. */
  static fromJSON(json: unknown): CitationGraph {
    const data = GraphJSONSchema.parse(json);
    const g = new CitationGraph();
    for (const d of data.documents) g.documents.add(d);
    for (const a of data.aliases) g.aliases.set(a.name, a.key);
    for (const n of data.nodes) g.graph.addNode(n.key, structuredClone(n));
    for (const e of data.edges) g.graph.addDirectedEdgeWithKey(`${e.from}\u0000${e.relation}\u0000${e.to}`, e.from, e.to, structuredClone(e));
    return g;
  }
}
