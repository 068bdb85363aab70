/**
 * The per-file work of the CLI, the same in the main thread and in workers: read a file (UTF-8, strictly),
 * then extract, check or parse it. Results are plain data, so they cross to the main thread as they are; for
 * the graph only what it reads of each record (GraphRecord), without the text.
 */
import { readFileSync, statSync } from "node:fs";
import { check } from "../check/check.js";
import { parseDocument } from "../document/document.js";
import { extract } from "../extract/extract.js";
import { Registry } from "../check/registry.js";
import { type GraphRecord, graphRecordOf } from "../graph/graph.js";
import type { Citation, Diagnostic } from "../schema.js";

export type TaskKind = "extract" | "check" | "graph";
export interface TaskRequest {
  index: number;
  file: string;
  kind: TaskKind;
}
export type TaskResult =
  | { index: number; ok: true; text: string; citations?: Citation[]; diagnostics?: Diagnostic[]; record?: GraphRecord }
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
  } catch {
    return { error: `${path}: no such file` };
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { error: `${path}: not UTF-8 text` };
  }
}

const registries = new Map<string, Registry>();

export function runTask(request: TaskRequest, options: { registry?: string } = {}): TaskResult {
  const { index, file, kind } = request;
  const text = readText(file);
  if (typeof text !== "string") return { index, ok: false, error: text.error };
  if (kind === "extract") return { index, ok: true, text, citations: extract(text) };
  if (kind === "graph") return { index, ok: true, text: "", record: graphRecordOf(parseDocument(text, { id: file })) };
  let registry: Registry | undefined;
  if (options.registry) {
    registry = registries.get(options.registry) ?? Registry.load(options.registry);
    registries.set(options.registry, registry);
  }
  return { index, ok: true, text, diagnostics: check(text, registry ? { id: file, registry } : { id: file }) };
}

/** Runs each request; a file whose work throws gets an error naming it, and the others go on. */
export function runBatch(requests: TaskRequest[], options: { registry?: string } = {}): TaskResult[] {
  return requests.map((request) => {
    try {
      return runTask(request, options);
    } catch (e) {
      return { index: request.index, ok: false, error: `${request.file}: ${e instanceof Error ? e.message : String(e)}` };
    }
  });
}
