/** The graph written out (JSON, JSON Lines) and read back, validated, merging the graphs of shards on request. */
import type { CitationGraph } from "./graph.js";
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
    return [...this.aliases].sort((a, b) => byString(a[0], b[0])).map(([name, key]) => {
      const source = this.aliasSources.get(name);
      return source ? { name, key, source } : { name, key };
    });
  }

  /** The stable JSON form (GraphJSONSchema): lists sorted, so that the same documents give the same JSON in any order of add(). */
  toJSON(): GraphJSON {
    return {
      format: "vncite-graph", version: 1, documents: this.sortedDocuments(), aliases: this.sortedAliases(), nodes: [...this.nodes()], edges: [...this.edges()],
    };
  }

  /**
   * The JSON form as text, a line at a time (no newline), without building it whole: the same bytes as
   * `JSON.stringify(toJSON(), null, 1)`, for a graph too large for one string (10⁵ documents and more).
   */
  *toJSONText(): Generator<string> {
    yield "{";
    yield ` "format": "vncite-graph",`;
    yield ` "version": 1,`;
    const sections: [string, Iterable<unknown>][] = [
      ["documents", this.sortedDocuments()], ["aliases", this.sortedAliases()], ["nodes", this.nodes()], ["edges", this.edges()],
    ];
    for (const [i, [name, items]] of sections.entries()) {
      const comma = i < sections.length - 1 ? "," : "";
      let held: string | null = null; // each item waits for the next, to know whether a comma follows it
      for (const item of items) {
        if (held === null) yield ` ${JSON.stringify(name)}: [`;
        else yield `${held},`;
        held = `  ${JSON.stringify(item, null, 1).replace(/\n/g, "\n  ")}`;
      }
      if (held === null) yield ` ${JSON.stringify(name)}: []${comma}`;
      else {
        yield held;
        yield ` ]${comma}`;
      }
    }
    yield "}";
  }

  /**
   * The JSON Lines form, a line at a time (no newline): a header, then documents, aliases, nodes, edges, each
   * sorted, and a closing line with their counts, without which a reader takes the file for one cut short.
   */
  *toJSONLines(): Generator<string> {
    yield JSON.stringify(GRAPH_LINES_HEADER);
    const counts = { documents: 0, aliases: 0, nodes: 0, edges: 0 };
    for (const id of this.sortedDocuments()) {
      counts.documents++;
      yield JSON.stringify({ type: "document", id });
    }
    for (const a of this.sortedAliases()) {
      counts.aliases++;
      yield JSON.stringify({ type: "alias", ...a });
    }
    for (const n of this.nodes()) {
      counts.nodes++;
      yield JSON.stringify({ type: "node", ...n });
    }
    for (const e of this.edges()) {
      counts.edges++;
      yield JSON.stringify({ type: "edge", ...e });
    }
    yield JSON.stringify({ type: "end", ...counts });
  }

  protected loadNode(n: GraphNode, merge: boolean): void {
    const key = merge ? this.canonical(n.key) : n.key;
    if (!merge && this.findNode(key) >= 0) throw new GraphError(`duplicate node "${key}"`);
    const node = this.node(key);
    if (n.title !== undefined) this.noteTitle(node, n.title);
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

  /** Adds a checked line, by its `type`; a GraphError (a duplicate or missing node) says where (`at`). */
  protected loadLine(line: Exclude<GraphLine, { type: "end" }>, at: string, merge = false): void {
    try {
      if (line.type === "document") {
        const doc = this.strings.intern(line.id);
        if (merge && this.documents.has(doc)) throw new GraphError(`document "${line.id}" is in two graphs`);
        this.documents.add(doc);
      } else if (line.type === "alias") {
        if (!this.aliases.has(line.name)) this.aliases.set(line.name, line.key);
        if (this.aliases.get(line.name) === line.key) this.noteAliasSource(line.name, line.source);
      } else if (line.type === "node") this.loadNode(line, merge);
      else this.loadEdge(line, merge);
    } catch (e) {
      throw e instanceof GraphError ? new GraphError(`${at}: ${e.message}`) : e;
    }
  }

  /**
   * Reads the JSON form back, as a value or as its text, validated: a GraphError says what is malformed (a
   * text cut short included), or names a duplicate or missing node.
   */
  static fromJSON<G extends CitationGraph>(this: new () => G, json: unknown): G {
    const data = (typeof json === "string" ? parseJSON(json, "") : json) as Record<keyof GraphJSON, unknown[]>;
    checkGraphHead(data);
    const g = new this();
    data.documents.forEach((d, i) => g.loadLine(checkLine({ type: "document", id: d }) as DocumentLine, `documents.${i}`));
    data.aliases.forEach((a, i) => g.loadLine(checkLine({ ...(a as object), type: "alias" }) as AliasLine, `aliases.${i}`));
    data.nodes.forEach((n, i) => g.loadLine({ ...checkNode(n, `nodes.${i}`), type: "node" }, `nodes.${i}`));
    data.edges.forEach((e, i) => g.loadLine({ ...checkEdge(e, `edges.${i}`), type: "edge" }, `edges.${i}`));
    g.trim();
    return g;
  }

  /**
   * Reads the JSON Lines form back (lines with or without their newline, blank lines skipped, a byte-order mark
   * before the first), from an array, a generator, a stream's lines (`readline`) or the whole text in one
   * string. Each line is validated; a GraphError names the line. The closing line is required and its counts
   * must match: a file cut short, even at a line's end, is refused.
   * With `merge`, the lines are those of several graphs one after the other (the graphs of shards of a corpus,
   * each shard's documents in one graph only): a node or edge met again is merged, as if all the documents had
   * been added to one graph.
   */
  static async fromJSONLines<G extends CitationGraph>(
    this: new () => G, source: string | Iterable<string> | AsyncIterable<string>, options: { merge?: boolean } = {},
  ): Promise<G> {
    if (typeof source !== "string" && !isIterable(source)) {
      throw new GraphError(`not a vncite graph (JSON Lines): expected a string or lines, got ${source === null ? "null" : typeof source}`);
    }
    // A string is iterable too, a character at a time: the whole text, read as its lines.
    const lines = typeof source === "string" ? source.split("\n") : source;
    const merge = options.merge === true;
    const g = new this();
    let number = 0;
    /** The counts of the graph being read; null before its header and after its closing line. */
    let counts: Record<Counted, number> | null = null;
    let graphs = 0;
    for await (const item of lines) {
      number++;
      if (typeof item !== "string") throw new GraphError(`line ${number}: expected a string, got ${item === null ? "null" : typeof item}`);
      const raw = number === 1 && item.startsWith("\uFEFF") ? item.slice(1) : item;
      if (raw.trim() === "") continue;
      const value = parseJSON(raw, `line ${number}: `);
      const h = value as { format?: unknown; version?: unknown } | null;
      if (counts === null) {
        if (graphs > 0 && !merge) throw new GraphError(`line ${number}: a line after the closing line`);
        if (h?.format !== GRAPH_LINES_HEADER.format || h.version !== GRAPH_LINES_HEADER.version) {
          throw new GraphError(`line ${number}: ${graphs > 0 ? "a line after the closing line" : "not a vncite graph (JSON Lines)"}`);
        }
        counts = { documents: 0, aliases: 0, nodes: 0, edges: 0 };
        continue;
      }
      if (h?.format === GRAPH_LINES_HEADER.format) {
        throw new GraphError(`line ${number}: a graph begins before the one above has its closing line: that one was cut short`);
      }
      let line: GraphLine;
      try {
        line = checkLine(value);
      } catch (e) {
        throw e instanceof GraphError ? new GraphError(`line ${number}: ${e.message}`) : e;
      }
      if (line.type === "end") {
        const short = COUNTED.filter((k) => line[k] !== counts?.[k]);
        if (short.length > 0) {
          const said = short.map((k) => `${line[k]} ${k}, read ${counts?.[k]}`).join("; ");
          throw new GraphError(`line ${number}: the closing line does not match what came before it (${said}): lines are missing`);
        }
        counts = null;
        graphs++;
        continue;
      }
      counts[COUNTED_AS[line.type]]++;
      g.loadLine(line, `line ${number}`, merge);
    }
    if (graphs === 0 && counts === null) throw new GraphError("not a vncite graph (JSON Lines): no header line");
    if (counts !== null) {
      throw new GraphError(`the graph ends at line ${number} without its closing line ({"type":"end",…}): the file was cut short, or written by an older vncite`);
    }
    // A law one graph knew only by name and another by name and number: one node, under the number.
    if (merge) for (const [name, key] of g.aliases) g.mergeNode(name, key);
    g.trim();
    return g;
  }
}

type DocumentLine = Extract<GraphLine, { type: "document" }>;
type AliasLine = Extract<GraphLine, { type: "alias" }>;
const COUNTED = ["documents", "aliases", "nodes", "edges"] as const;
type Counted = (typeof COUNTED)[number];
const COUNTED_AS = { document: "documents", alias: "aliases", node: "nodes", edge: "edges" } as const;

const isIterable = (v: unknown): v is Iterable<unknown> | AsyncIterable<unknown> =>
  typeof v === "object" && v !== null && (Symbol.iterator in v || Symbol.asyncIterator in v);

/** JSON.parse, or a GraphError saying why not (`at` before it); a text that ends too soon is said to be cut short. */
function parseJSON(text: string, at: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new GraphError(`${at}not JSON: ${/end of (JSON )?input|Unterminated/i.test(why) ? "the text ends before the JSON does (cut short?)" : why}`);
  }
}
