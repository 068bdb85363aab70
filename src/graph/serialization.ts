/** The graph written out (JSON, JSON Lines) and read back, validated, merging the graphs of shards on request. */
import type { GraphEdge, GraphJSON, GraphLine, GraphNode } from "./json.js";
import { GraphQueries } from "./queries.js";
import { byString, FIELDS, occurrence, pathOf, ruleBit } from "./store.js";
import { checkEdge, checkGraphHead, checkLine, checkNode, GRAPH_LINES_HEADER, GraphError } from "./validate.js";
/** Writing and reading the JSON forms. */
export class GraphSerialization extends GraphQueries {

  protected sortedDocuments(): string[] {
    return [...this.documents].map((d) => this.strings.strings[d] as string).sort(byString);
  }

  protected sortedAliases() {
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

  protected loadNode(n: GraphNode, merge: boolean): void {
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
  protected lastInterned(): (s: string) => number {
    let last: string | null = null;
    let id = -1;
    return (s) => (s === last ? id : ((last = s), (id = this.strings.intern(s))));
  }

  protected loadEdge(e: GraphEdge, merge: boolean): void {
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
  protected loadLine(line: GraphLine | GraphNode | GraphEdge, at: string, merge = false): void {
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



  /** Reads the JSON form back, validated: a GraphError says what is malformed, or names a duplicate or missing node. */
  static fromJSON<G extends GraphSerialization>(this: new () => G, json: unknown): G {
    checkGraphHead(json);
    const data = json as Record<keyof GraphJSON, unknown[]>;
    const g = new this();
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
  static async fromJSONLines<G extends GraphSerialization>(
    this: new () => G, source: string | Iterable<string> | AsyncIterable<string>, options: { merge?: boolean } = {},
  ): Promise<G> {
    // A string is iterable too, a character at a time: the whole text, read as its lines.
    const lines = typeof source === "string" ? source.split("\n") : source;
    const merge = options.merge === true;
    const g = new this();
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
