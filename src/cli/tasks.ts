/**
 * The per-file work of the CLI, the same in the main thread and in workers: read a file (UTF-8, strictly),
 * then extract, check or parse it. Results are plain data, so they cross to the main thread as they are.
 * Each stage loads the modules it needs when first run: `vncite extract` loads no document layer, graph or
 * registry.
 */
import { readFileSync, statSync } from "node:fs";
import type { GraphRecord } from "../graph/graph.js";
import type { Registry } from "../node.js";
import type { Citation, Diagnostic, DocumentRecord } from "../schema.js";

/** `graph` sends back only what the graph reads of a record; `doc` the whole record. */
export type TaskKind = "extract" | "check" | "graph" | "doc";
export interface TaskRequest {
  index: number;
  file: string;
  kind: TaskKind;
  /** The document's id (parseDocument's, check's); the file path when absent. */
  id?: string;
}
export type TaskResult =
  | { index: number; ok: true; text: string; citations?: Citation[]; diagnostics?: Diagnostic[]; record?: GraphRecord | DocumentRecord }
  | { index: number; ok: false; error: string };

/** Reads a file as UTF-8 text; a message (not an exception) for what cannot be read. */
export function readText(path: string): string | { error: string } {
  let bytes: Buffer;
  try {
    if (path === "-") bytes = readFileSync(0);
    else {
      if (statSync(path).isDirectory()) return { error: `${path}: is a directory` };
      bytes = readFileSync(path);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" || code === "EPERM" ? "permission denied" : (e as Error).message;
    return { error: `${path}: ${why}` };
  }
  return decodeText(bytes, path);
}

/**
 * Bytes as UTF-8 text, strictly; `not UTF-8 text` only for bytes that are not (a decoding error), and for a
 * file too long for one string (V8 holds 2²⁹ − 24 characters) that reason instead.
 */
export function decodeText(bytes: Uint8Array, name: string): string | { error: string } {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    return { error: `${name}: ${decodingFailure(e, bytes.length)}` };
  }
}

/** A string or buffer past what V8 holds (`ERR_STRING_TOO_LONG`, `Invalid string length`, `ERR_FS_FILE_TOO_LARGE`). */
export const isTooLong = (e: unknown) =>
  ["ERR_STRING_TOO_LONG", "ERR_FS_FILE_TOO_LARGE"].includes((e as NodeJS.ErrnoException)?.code ?? "") || (e instanceof RangeError && /string length/i.test(e.message));

/** Why bytes could not be read as text: not UTF-8 (TextDecoder's ERR_ENCODING_INVALID_ENCODED_DATA), too long, or the error's own words. */
export function decodingFailure(e: unknown, size: number): string {
  if ((e as NodeJS.ErrnoException)?.code === "ERR_ENCODING_INVALID_ENCODED_DATA") return "not UTF-8 text";
  if (isTooLong(e)) {
    return `too large to read as one text (${Math.round(size / 2 ** 20)} MiB; a text holds at most 512 Mi characters): split it`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** A stage on one text: the result's data, or it throws (the file fails, named in the message). */
type Stage = (text: string, id: string, options: { registry?: string }) => Omit<TaskResult & { ok: true }, "index" | "ok">;

const registries = new Map<string, Registry>();

const STAGES: Record<TaskKind, () => Promise<Stage>> = {
  extract: async () => {
    const { extract } = await import("../extract/extract.js");
    return (text) => ({ text, citations: extract(text) });
  },
  graph: async () => {
    const [{ parseDocument }, { graphRecordOf }] = await Promise.all([import("../document/document.js"), import("../graph/graph.js")]);
    return (text, id) => ({ text: "", record: graphRecordOf(parseDocument(text, { id })) });
  },
  doc: async () => {
    const { parseDocument } = await import("../document/document.js");
    return (text, id) => ({ text: "", record: parseDocument(text, { id }) });
  },
  check: async () => {
    const [{ check }, { Registry }] = await Promise.all([import("../check/check.js"), import("../node.js")]);
    return (text, id, options) => {
      let registry: Registry | undefined;
      if (options.registry) {
        registry = registries.get(options.registry) ?? Registry.load(options.registry);
        registries.set(options.registry, registry);
      }
      return { text, diagnostics: check(text, registry ? { id, registry } : { id }) };
    };
  },
};
const loaded = new Map<TaskKind, Promise<Stage>>();
const stageOf = (kind: TaskKind) => loaded.get(kind) ?? loaded.set(kind, STAGES[kind]()).get(kind) as Promise<Stage>;

export async function runTask(request: TaskRequest, options: { registry?: string } = {}): Promise<TaskResult> {
  const text = readText(request.file);
  if (typeof text !== "string") return { index: request.index, ok: false, error: text.error };
  return runOnText(request, text, options);
}

/** The stage on a text already read. A stage that throws fails this file only, named in the message. */
export async function runOnText(request: TaskRequest, text: string, options: { registry?: string } = {}): Promise<TaskResult> {
  const { index, file, kind } = request;
  const stage = await stageOf(kind);
  try {
    return { index, ok: true, ...stage(text, request.id ?? file, options) };
  } catch (e) {
    return { index, ok: false, error: `${file}: failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Runs each request of a batch (a worker's message), one after the other; each file's failure is its own result. */
export async function runBatch(requests: TaskRequest[], options: { registry?: string } = {}): Promise<TaskResult[]> {
  const results: TaskResult[] = [];
  for (const request of requests) results.push(await runTask(request, options));
  return results;
}
