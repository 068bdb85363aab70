/**
 * The per-file work of the CLI, the same in the main thread and in workers: read a file (UTF-8, strictly),
 * then extract, check or parse it. Results are plain data, so they cross to the main thread as they are.
 */
import { readFileSync, statSync } from "node:fs";
import { check } from "../check/check.js";
import { parseDocument } from "../document/document.js";
import { extract } from "../extract/extract.js";
import { Registry } from "../node.js";
import { type GraphRecord, graphRecordOf } from "../graph/graph.js";
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
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { error: `${path}: not UTF-8 text` };
  }
}

const registries = new Map<string, Registry>();

export function runTask(request: TaskRequest, options: { registry?: string } = {}): TaskResult {
  const text = readText(request.file);
  if (typeof text !== "string") return { index: request.index, ok: false, error: text.error };
  return runOnText(request, text, options);
}

/** The stage on a text already read. A stage that throws fails this file only, named in the message. */
export function runOnText(request: TaskRequest, text: string, options: { registry?: string } = {}): TaskResult {
  const { index, file, kind } = request;
  const id = request.id ?? file;
  try {
    if (kind === "extract") return { index, ok: true, text, citations: extract(text) };
    if (kind === "graph") return { index, ok: true, text: "", record: graphRecordOf(parseDocument(text, { id })) };
    if (kind === "doc") return { index, ok: true, text: "", record: parseDocument(text, { id }) };
    let registry: Registry | undefined;
    if (options.registry) {
      registry = registries.get(options.registry) ?? Registry.load(options.registry);
      registries.set(options.registry, registry);
    }
    return { index, ok: true, text, diagnostics: check(text, registry ? { id, registry } : { id }) };
  } catch (e) {
    return { index, ok: false, error: `${file}: failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Runs each request of a batch (a worker's message); each file's failure is its own result. */
export function runBatch(requests: TaskRequest[], options: { registry?: string } = {}): TaskResult[] {
  return requests.map((request) => runTask(request, options));
}
