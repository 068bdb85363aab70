/**
 * A graph file read back for `vncite query`: JSON Lines (as `graph --format jsonl` writes) read as a stream, a
 * line at a time, whatever its size; the JSON form read whole (it is one value), refused with the reason past
 * the longest string V8 holds. Every failure is a usage error that says what is wrong with the file.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import type { CitationGraph } from "../graph/graph.js";
import { reason, UsageError } from "./inputs.js";
import { isTooLong } from "./tasks.js";

/** Enough of the start of a file to see the header line of the JSON Lines form. */
const HEAD = 4096;

/** The first bytes of a file, as text (a byte-order mark dropped). */
function head(file: string): string {
  const fd = openSync(file, "r");
  try {
    const bytes = Buffer.alloc(HEAD);
    const n = readSync(fd, bytes, 0, HEAD, 0);
    return bytes.subarray(0, n).toString("utf8").replace(/^\uFEFF/, "");
  } finally {
    closeSync(fd);
  }
}

/** Whether the text starts with the JSON Lines header (`{"format":"vncite-graph-lines"` on one line). */
const isLinesHead = (text: string) => /^\s*\{[^\n]*"format"\s*:\s*"vncite-graph-lines"/.test(text);

export async function loadGraph(file: string): Promise<CitationGraph> {
  const { CitationGraph } = await import("../graph/graph.js");
  let start: string;
  let size: number;
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    start = head(file);
    size = statSync(file).size;
  } catch (e) {
    throw new UsageError(`${file}: ${reason(e)}`);
  }
  const notAGraph = (e: unknown) => {
    const why = e instanceof Error ? e.message.replace(/^not a vncite graph:?\s*/, "") : String(e);
    return new UsageError(`${file}: not a vncite graph (${why}); vncite graph --format json or jsonl writes one`);
  };
  if (isLinesHead(start)) {
    const stream = createReadStream(file, { encoding: "utf8" });
    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    try {
      return await CitationGraph.fromJSONLines(lines);
    } catch (e) {
      throw e instanceof Error && (e as NodeJS.ErrnoException).code ? new UsageError(`${file}: ${reason(e)}`) : notAGraph(e);
    } finally {
      lines.close();
      stream.destroy();
    }
  }
  if (!start.trimStart().startsWith("{")) {
    throw new UsageError(`${file}: not JSON, so not a vncite graph (vncite graph --format json or jsonl writes one)`);
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    // The JSON form is one value, so one string: past V8's longest string it cannot be read as it is.
    if (isTooLong(e)) throw new UsageError(`${file}: a JSON graph of ${Math.round(size / 2 ** 20)} MiB is too large to read as one text; write it with vncite graph --format jsonl`);
    throw new UsageError(`${file}: ${reason(e)}`);
  }
  try {
    return CitationGraph.fromJSON(text);
  } catch (e) {
    throw notAGraph(e);
  }
}
