/**
 * The command line's PostgreSQL hooks: `vncite graph … --to postgres://…` (and `--format sql`), which stream the
 * documents' records into the database (or a SQL script) as they are parsed, no graph in memory; and the graph
 * that `vncite query postgres://…` asks.
 */
import type { CitationGraph } from "../graph/graph.js";
import { PostgresError } from "../graph/postgres/driver.js";
import type { PostgresGraph } from "../graph/postgres/query.js";
import type { GraphRecord } from "../graph/graph.js";
import type { CliIo } from "./cli.js";
import { UsageError } from "./inputs.js";
import { type OutFile, writeOut } from "./output.js";
import { eachResult } from "./parallel.js";

/** What `vncite query` asks, of a graph in memory or in PostgreSQL (whose answers are promises). */
export type Questions = CitationGraph | PostgresGraph;

const usage = (e: unknown) => (e instanceof PostgresError ? new UsageError(e.message) : e);

export async function openPostgres(url: string): Promise<PostgresGraph> {
  const { PostgresGraph } = await import("../graph/postgres/query.js");
  try {
    return await PostgresGraph.open(url);
  } catch (e) {
    throw usage(e);
  }
}

/** Parses the inputs and loads them into PostgreSQL (`to`) or writes the SQL script (to `out` or stdout). */
export async function graphToPostgres(io: CliIo, inputs: { file: string; id: string }[], options: { jobs: number; to?: string; out?: OutFile | null }): Promise<number> {
  const failures: string[] = [];
  const files = inputs.map((i) => i.file);
  const seen = new Set<string>();
  async function* records(): AsyncGenerator<GraphRecord> {
    const progress = io.progress ? { progress: io.progress } : {};
    for await (const r of eachResult(files, "graph", { jobs: options.jobs, ids: inputs.map((i) => i.id), ...progress })) {
      if (!r.ok) failures.push(r.error);
      else if (r.record) {
        const id = r.record.id ?? r.record.key;
        if (id !== null && seen.has(id)) failures.push(`${files[r.index]}: a document with the id ${id} was read before`);
        else {
          if (id !== null) seen.add(id);
          yield r.record;
        }
      }
    }
  }
  if (options.to !== undefined) {
    const { loadPostgres } = await import("../graph/postgres/load.js");
    const result = await loadPostgres(options.to, records()).catch((e) => {
      throw usage(e);
    });
    const there = result.skipped.length > 0 ? `; ${result.skipped.length} already in the database, left as they are` : "";
    io.stderr.write(`vncite: ${result.added} documents added to the graph in PostgreSQL${there}\n`);
  } else {
    const { sqlDumpLines } = await import("../graph/postgres/dump.js");
    const lines = sqlDumpLines(records());
    await (options.out ? options.out.write(lines) : writeOut(lines, io.stdout));
  }
  if (failures.length === inputs.length) throw new UsageError(failures.join("\nvncite: "));
  for (const f of failures) io.stderr.write(`vncite: ${f}; skipped\n`);
  return failures.length > 0 ? 1 : 0;
}
