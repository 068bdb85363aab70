/**
 * The questions of CitationGraph asked of a graph in PostgreSQL (the schema's SQL functions), with the same
 * answers in the same order; each method is the in-memory one's, returning a promise.
 */
import type { Relation } from "../../schema.js";
import type { Conflict, GraphEdge, GraphJSON, GraphNode } from "../graph.js";
import { type Client, clientOf, type PgClient, PostgresError } from "./driver.js";
import { SCHEMA_VERSION } from "./schema.js";

// A step of a chain or of descendants; the methods spell it out, as CitationGraph.chain does, for the reference.
type Step = { key: string; depth: number; from: string; relation: Relation };

export class PostgresGraph {
  private constructor(
    private readonly client: Client,
    private readonly owned: boolean,
  ) {}

  /**
   * A graph loaded by loadPostgres (a `postgres://` URL, or a connected pg Client, left open); the graph is
   * rebuilt from the facts first when a load did not (stopped, or `refresh: false`). A PostgresError when the
   * database holds no vncite graph.
   */
  static async open(target: string | PgClient): Promise<PostgresGraph> {
    const { client, owned } = await clientOf(target);
    const graph = new PostgresGraph(client, owned);
    try {
      const meta = await client.query<{ name: string; value: string }>("SELECT name, value FROM vncite.meta").catch(() => null);
      const value = (name: string) => meta?.rows.find((r) => r.name === name)?.value;
      if (!meta) throw new PostgresError("no vncite graph in this database (vncite graph … --to postgres://… loads one)");
      if (value("schema") !== SCHEMA_VERSION) throw new PostgresError(`the vncite schema in this database is version ${value("schema")}, not ${SCHEMA_VERSION}`);
      if (value("stale") !== "false") await graph.refresh();
      return graph;
    } catch (e) {
      await graph.close();
      throw e;
    }
  }

  /** Rebuilds the graph from the facts (after documents were loaded with `refresh: false`). */
  async refresh(): Promise<void> {
    await this.client.query("SELECT vncite.refresh()");
  }

  async close(): Promise<void> {
    if (this.owned) await this.client.end().catch(() => {});
  }

  private async column<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const r = await this.client.query({ text: sql, values: params, rowMode: "array" });
    return r.rows.map((row: unknown[]) => row[0] as T);
  }

  /** The key a name is known under (a law's name → its number). */
  async canonical(key: string): Promise<string> {
    return (await this.column<string>("SELECT vncite.canonical($1)", [key]))[0] as string;
  }

  async getNode(key: string): Promise<GraphNode | undefined> {
    const node = (await this.column<GraphNode>("SELECT vncite.node_json(n) FROM vncite.nodes n WHERE n.node = vncite.node_of($1)", [key]))[0];
    return node && withoutNull(node, "title");
  }

  cites(key: string): Promise<GraphEdge[]> {
    return this.column("SELECT vncite.cites($1)", [key]);
  }

  citedBy(key: string): Promise<GraphEdge[]> {
    return this.column("SELECT vncite.cited_by($1)", [key]);
  }

  async chain(key: string): Promise<{ key: string; depth: number; from: string; relation: Relation }[]> {
    return (await this.client.query<Step>('SELECT key, depth, "from", relation FROM vncite.chain($1)', [key])).rows;
  }

  async descendants(key: string): Promise<{ key: string; depth: number; from: string; relation: Relation }[]> {
    return (await this.client.query<Step>('SELECT key, depth, "from", relation FROM vncite.descendants($1)', [key])).rows;
  }

  async path(from: string, to: string): Promise<string[] | null> {
    return (await this.column<string[] | null>("SELECT vncite.path($1, $2)", [from, to]))[0] ?? null;
  }

  async mostCited(n = 10): Promise<{ key: string; citedBy: number; mentions: number }[]> {
    return (await this.client.query('SELECT key, cited_by::int AS "citedBy", mentions FROM vncite.most_cited($1)', [n])).rows;
  }

  missing(): Promise<string[]> {
    return this.column("SELECT vncite.missing()");
  }

  async conflicts(): Promise<Conflict[]> {
    return (await this.client.query<Conflict>('SELECT key, field, "values", keys FROM vncite.conflicts()')).rows;
  }

  /** The whole graph in its JSON form (for a small graph: a comparison, a copy into memory). */
  async toJSON(): Promise<GraphJSON> {
    return {
      format: "vncite-graph",
      version: 1,
      documents: await this.column("SELECT id FROM vncite.documents ORDER BY id"),
      aliases: (await this.client.query("SELECT name, key, source FROM vncite.aliases ORDER BY name")).rows.map((a) => withoutNull(a, "source")),
      nodes: (await this.column<GraphNode>("SELECT vncite.node_json(n) FROM vncite.nodes n ORDER BY n.key")).map((n) => withoutNull(n, "title")),
      edges: await this.column(
        "SELECT vncite.edge_json(e) FROM vncite.edges e JOIN vncite.nodes f ON f.node = e.from_node JOIN vncite.nodes t ON t.node = e.to_node ORDER BY f.key, t.key, e.relation",
      ),
    };
  }
}

/** The object without an optional field SQL gave as null (a node with no title, an alias of unknown source), as the JSON form has it. */
function withoutNull<T extends object>(o: T, field: string): T {
  if ((o as Record<string, unknown>)[field] === null) delete (o as Record<string, unknown>)[field];
  return o;
}
