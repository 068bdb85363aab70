/**
 * vncite command line, as a function: `main(argv, io)` runs one command and returns its exit code. The
 * executable (bin.ts) gives it the process's streams; the tests call it in-process with their own.
 *
 *   vncite extract [file...|-] [--format json|jsonl|table]
 *   vncite doc [file|-] [--format json|text]
 *   vncite check [file...|-] [--registry file] [--format text|json|sarif]
 *   vncite graph <file or directory...> [--format json|jsonl|dot|graphml|neo4j] [--out path]
 *   vncite query <graph.json|graph.jsonl> cites|cited-by|chain|descendants|path|most-cited|missing|conflicts [key [key]]
 *
 * Exit codes: 0 success; 1 when check finds an error, a file could not be read or processed (the others are
 * still written), or query is given a key not in the graph; 2 usage errors and no input read at all.
 * Each command imports what it needs when it runs (the graph, the exports, the registry), so that a command
 * called per file starts fast: `vncite extract` loads no graph, registry or zod.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { version } from "../../package.json";
import type { CitationGraph } from "../graph/graph.js";
import { positionsIn } from "../positions.js";
import { defaultJobs, eachResult, runFiles } from "./parallel.js";
import type { Citation, Diagnostic, DocumentRecord } from "../schema.js";
import { decodeText, runOnText, type TaskKind, type TaskResult } from "./tasks.js";
import { COMMAND_HELP, USAGE } from "./help.js";
import { expandInputs, ID_FROM, prepareOutDirectory, reason, UsageError, type IdFrom } from "./inputs.js";
import { type OutFile, OutputError, prepareOutFile, writeOut } from "./output.js";
import { loadGraph } from "./graph-file.js";

/** Where a run reads and writes: the process's streams in the executable, strings in the tests. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Standard input, read whole; only called for `-` or when no file is named and stdin is not a terminal. */
  readStdin(): Uint8Array | string;
  stdinIsTTY: boolean;
  /** Where the progress bar goes (drawn only on a terminal). */
  progress?: NodeJS.WriteStream;
}

/** The value of an option with a fixed set of values (--format, --id-from); a usage error naming them otherwise. */
function oneOf<F extends string>(value: string | boolean | undefined, allowed: readonly F[], option = "format"): F {
  if ((allowed as readonly unknown[]).includes(value)) return value as F;
  throw new UsageError(`unknown ${option} "${value}" (${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)})`);
}

/** --jobs N: a positive whole number; default defaultJobs() (one thread below 4 cores). */
function jobsOf(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs takes a whole number from 1 up, not "${value}"`);
  return n;
}

/** The files named; standard input (`-`) when none is and stdin is not a terminal. */
function inputsOf(positionals: string[], io: CliIo): string[] {
  if (positionals.length > 0) return positionals;
  if (!io.stdinIsTTY) return ["-"];
  throw new UsageError("no input: give files, or pipe text to standard input");
}

function stdinText(io: CliIo): string {
  const data = io.readStdin();
  if (typeof data === "string") return data;
  const text = decodeText(data, "standard input");
  if (typeof text !== "string") throw new UsageError(text.error);
  return text;
}

interface Done {
  file: string;
  result: TaskResult & { ok: true };
}

/**
 * Runs one stage on every input: files through the worker pool, `-` (standard input) here. Files that cannot
 * be read or processed are reported on stderr with their path; when none could, that is a usage error.
 */
async function runInputs(io: CliIo, files: string[], kind: TaskKind, options: { jobs: number; registry?: string; ids?: string[] }): Promise<{ done: Done[]; failed: number }> {
  const named = files.map((file, index) => ({ file, index })).filter((f) => f.file !== "-");
  const fromFiles = await runFiles(named.map((f) => f.file), kind, {
    jobs: options.jobs,
    ...(io.progress ? { progress: io.progress } : {}),
    ...(options.registry ? { registry: options.registry } : {}),
    ...(options.ids ? { ids: named.map((f) => options.ids?.[f.index] as string) } : {}),
  });
  const results: TaskResult[] = new Array(files.length);
  named.forEach((f, i) => (results[f.index] = fromFiles[i] as TaskResult));
  let stdin: string | undefined; // read once, however many times `-` is named
  for (const [index, file] of files.entries()) {
    if (file !== "-") continue;
    stdin ??= stdinText(io);
    const id = options.ids?.[index];
    results[index] = await runOnText({ index, file, kind, ...(id === undefined ? {} : { id }) }, stdin, options.registry ? { registry: options.registry } : {});
  }
  const failures = results.filter((r) => !r.ok);
  if (failures.length === results.length) throw new UsageError(failures.map((r) => r.error).join("\nvncite: "));
  for (const r of failures) io.stderr.write(`vncite: ${r.error}; skipped\n`);
  const done = results.flatMap((result, i) => (result.ok ? [{ file: files[i] as string, result }] : []));
  return { done, failed: failures.length };
}

function tableRows(file: string, text: string, citations: Citation[]): string[] {
  const at = positionsIn(text);
  return citations.map((c) => {
    const p = at(c.start);
    return [
      `${file}:${p.line}:${p.column}`,
      c.key ?? `(${c.text.replace(/\s+/g, " ")})`,
      c.kind ?? "-",
      c.date ?? "-",
      c.issuedBy ?? "-",
      c.diagnostics.map((d) => d.code).join(",") || "-",
    ].join("\t");
  });
}

async function runExtract(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string", default: "json" }, jobs: { type: "string" } },
    allowPositionals: true,
  });
  const format = oneOf(values.format, ["json", "jsonl", "table"]);
  const jobs = jobsOf(values.jobs);
  const files = inputsOf(positionals, io);
  const { done, failed } = await runInputs(io, files, "extract", { jobs });
  const results = done.map(({ file, result }) => ({ file, text: result.text, citations: result.citations ?? [] }));
  const out: string[] = [];
  if (format === "json") {
    const value = files.length === 1 ? results[0]!.citations : Object.fromEntries(results.map((r) => [r.file, r.citations]));
    out.push(JSON.stringify(value, null, 2));
  } else if (format === "jsonl") {
    for (const r of results) for (const c of r.citations) out.push(JSON.stringify({ file: r.file, ...c }));
  } else {
    for (const r of results) for (const row of tableRows(r.file, r.text, r.citations)) out.push(row);
  }
  if (out.length > 0) io.stdout.write(`${out.join("\n")}\n`);
  return failed > 0 ? 1 : 0;
}

async function runDoc(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: "string", default: "json" } }, allowPositionals: true });
  const format = oneOf(values.format, ["json", "text"]);
  const files = inputsOf(positionals, io);
  if (files.length !== 1) throw new UsageError("doc takes one file, or - for standard input");
  const { done } = await runInputs(io, files, "doc", { jobs: 1 });
  const record = done[0]?.result.record as DocumentRecord; // one input, read (else runInputs said why)
  io.stdout.write(`${format === "json" ? JSON.stringify(record, null, 2) : documentSummary(record)}\n`);
  return 0;
}

function documentSummary(d: DocumentRecord): string {
  const or = (s: { text: string } | null | undefined) => s?.text.replace(/\s+/g, " ") ?? "-";
  const lines = [
    `document   ${d.key ?? "-"}${d.identifier ? "" : " (no identifier in the text)"}`,
    `type       ${d.type?.kind ?? "-"}`,
    `place/date ${or(d.place)}, ${d.date ? (d.date.iso ?? `${or(d.date.span)} (incomplete)`) : "-"}`,
    `subject    ${or(d.subject)}`,
    `signed     ${[d.signature.authority, d.signature.title, d.signature.signer].map(or).join(" / ")}`,
    "",
    "cites:",
    ...d.cited.map((c) => `  ${c.relation.padEnd(11)} ${c.key} (${c.mentions}×)`),
  ];
  if (d.statedRelations.length > 0) {
    lines.push("", "stated between cited documents:", ...d.statedRelations.map((r) => `  ${r.from} ${r.relation} ${r.to}`));
  }
  if (d.diagnostics.length > 0) lines.push("", "diagnostics:", ...d.diagnostics.map((x) => `  ${x.severity} ${x.code}: ${x.message}`));
  return lines.join("\n");
}

/** The registry loaded once here, so that a bad one is reported before any work; each worker loads its own. */
async function requireRegistry(path: string): Promise<void> {
  const { Registry, RegistryError } = await import("../node.js");
  try {
    Registry.load(path);
  } catch (e) {
    if (e instanceof RegistryError) throw new UsageError(`invalid registry: ${e.problems.join("; ")}`);
    throw new UsageError(`${path}: cannot read the registry: ${reason(e)}`);
  }
}

async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string", default: "text" }, registry: { type: "string" }, jobs: { type: "string" } },
    allowPositionals: true,
  });
  const jobs = jobsOf(values.jobs);
  const format = oneOf(values.format, ["text", "json", "sarif"]);
  const files = inputsOf(positionals, io);
  if (values.registry !== undefined) await requireRegistry(values.registry);
  const { done, failed } = await runInputs(io, files, "check", { jobs, ...(values.registry ? { registry: values.registry } : {}) });
  const results = done.map(({ file, result }) => ({ file, text: result.text, diagnostics: result.diagnostics ?? [] }));
  if (format === "json") io.stdout.write(`${JSON.stringify(results.map(({ file, diagnostics }) => ({ file, diagnostics })), null, 2)}\n`);
  else if (format === "sarif") io.stdout.write(`${JSON.stringify(toSarif(results), null, 2)}\n`);
  else {
    const out = results.flatMap(({ file, text, diagnostics }) => {
      const at = positionsIn(text);
      return diagnostics.map((d) => compilerStyle(file, text, d, at));
    });
    if (out.length > 0) io.stdout.write(`${out.join("\n")}\n`);
  }
  return failed > 0 || results.some((r) => r.diagnostics.some((d) => d.severity === "error")) ? 1 : 0;
}

/** `path:line:col: severity code message`, the source line, and a caret under the span. */
function compilerStyle(file: string, text: string, d: Diagnostic, at: ReturnType<typeof positionsIn>): string {
  const p = at(d.start);
  const source = text.slice(p.lineStart, p.lineEnd);
  const width = Math.max(1, Math.min(d.end, p.lineEnd) - d.start);
  const fix = d.fix ? `\n  fix: ${d.fix}` : "";
  return `${file}:${p.line}:${p.column}: ${d.severity} ${d.code}: ${d.message}\n  ${source}\n  ${" ".repeat(p.column - 1)}^${"~".repeat(width - 1)}${fix}`;
}

/** SARIF 2.1.0, for CI systems and editors. */
function toSarif(results: { file: string; text: string; diagnostics: Diagnostic[] }[]) {
  const level = { error: "error", warning: "warning", info: "note" } as const;
  const rules = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "vncite", version, informationUri: "https://github.com/vncite/vncite", rules: rules.map((id) => ({ id })) } },
        results: results.flatMap(({ file, text, diagnostics }) => {
          const at = positionsIn(text);
          return diagnostics.map((d) => {
            const a = at(d.start);
            const b = at(d.end);
            const region = { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, charOffset: d.start, charLength: d.end - d.start };
            return {
              ruleId: d.code,
              level: level[d.severity],
              message: { text: `${d.message} (${d.messageVi})` },
              locations: [{ physicalLocation: { artifactLocation: { uri: file }, region } }],
              ...(d.fix
                ? { fixes: [{ description: { text: d.fix }, artifactChanges: [{ artifactLocation: { uri: file }, replacements: [{ deletedRegion: region, insertedContent: { text: d.fix } }] }] }] }
                : {}),
            };
          });
        }),
      },
    ],
  };
}

async function runGraph(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: "string", default: "json" },
      out: { type: "string" },
      jobs: { type: "string" },
      "no-recursive": { type: "boolean", default: false },
      "id-from": { type: "string", default: "relative" },
    },
    allowPositionals: true,
  });
  const jobs = jobsOf(values.jobs);
  // json: one document, for small graphs; jsonl: one node or edge a line, for a graph of any size (written as it goes).
  const format = oneOf(values.format, ["json", "jsonl", "dot", "graphml", "neo4j"]);
  const idFrom: IdFrom = oneOf(values["id-from"], ID_FROM, "--id-from");
  if (format === "neo4j" && !values.out) throw new UsageError("--format neo4j writes two files: give --out <directory>");
  if (positionals.length === 0) throw new UsageError("no input: give files or directories");
  if (values.out !== undefined && format === "neo4j") prepareOutDirectory(values.out);
  let unreadable = 0;
  const inputs = expandInputs(positionals, {
    recursive: !values["no-recursive"],
    idFrom,
    note: (line) => io.stderr.write(`vncite: ${line}\n`),
    unreadable: (line) => (unreadable++, io.stderr.write(`vncite: ${line}\n`)),
  });
  if (inputs.length === 0) throw new UsageError(`no .txt files in ${positionals.join(", ")}`);
  const out = values.out !== undefined && format !== "neo4j" ? prepareOutFile(values.out, inputs.map((i) => i.file)) : null;
  try {
    return await buildAndWriteGraph(io, inputs, { format, jobs, out, dir: values.out, unreadable });
  } finally {
    out?.discard();
  }
}

/** The graph of the inputs, written as `format` to `out` (or the neo4j files to `dir`, or stdout); the exit code. */
async function buildAndWriteGraph(
  io: CliIo, inputs: ReturnType<typeof expandInputs>, options: { format: string; jobs: number; out: OutFile | null; dir: string | undefined; unreadable: number },
): Promise<number> {
  const { format, jobs, out } = options;
  const [{ CitationGraph }, { dotLines, graphMLLines, neo4jArrayDelimiter, neo4jDocumentLines, neo4jImportCommand, neo4jRelationshipLines }] =
    await Promise.all([import("../graph/graph.js"), import("../graph/export.js")]);
  const graph = new CitationGraph();
  const failures: string[] = [];
  // Each document is added as its result comes (only what the graph reads of it); no record is kept.
  const files = inputs.map((i) => i.file);
  const progress = io.progress ? { progress: io.progress } : {};
  for await (const r of eachResult(files, "graph", { jobs, ids: inputs.map((i) => i.id), ...progress })) {
    if (!r.ok) failures.push(r.error);
    else if (r.record && !graph.add(r.record)) failures.push(`${files[r.index]}: a document with the id ${r.record.id ?? r.record.key} was read before`);
  }
  if (failures.length === inputs.length) throw new UsageError(failures.join("\nvncite: "));
  for (const f of failures) io.stderr.write(`vncite: ${f}; skipped\n`);
  if (format === "neo4j") {
    const dir = options.dir as string;
    const delimiter = neo4jArrayDelimiter(graph);
    const files: [string, Iterable<string>][] = [
      ["documents.csv", neo4jDocumentLines(graph, delimiter)], ["relationships.csv", neo4jRelationshipLines(graph, delimiter)],
      ["import.sh", ["#!/bin/sh", neo4jImportCommand(delimiter)]],
    ];
    for (const [name, lines] of files) {
      const file = prepareOutFile(join(dir, name));
      try {
        await file.write(lines);
      } finally {
        file.discard();
      }
    }
  } else {
    // The JSON form a line at a time too: one string of a graph of 10⁵ documents is past V8's longest.
    const lines = format === "jsonl" ? graph.toJSONLines()
      : format === "dot" ? dotLines(graph)
      : format === "graphml" ? graphMLLines(graph)
      : graph.toJSONText();
    await (out ? out.write(lines) : writeOut(lines, io.stdout));
  }
  return failures.length > 0 || options.unreadable > 0 ? 1 : 0;
}

const QUERIES = ["cites", "cited-by", "chain", "descendants", "path", "most-cited", "missing", "conflicts"] as const;

/** Up to three keys of the graph nearest to `key` in spelling (edit distance, ignoring case). */
async function nearestKeys(graph: CitationGraph, key: string): Promise<string[]> {
  const { distance } = await import("fastest-levenshtein");
  const wanted = key.toLowerCase();
  const limit = Math.max(2, Math.ceil(wanted.length / 3));
  return graph
    .toJSON()
    .nodes.map((n) => ({ key: n.key, d: distance(wanted, n.key.toLowerCase()) }))
    .filter((n) => n.d <= limit)
    .sort((a, b) => a.d - b.d || (a.key < b.key ? -1 : 1))
    .slice(0, 3)
    .map((n) => n.key);
}

async function runQuery(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: "string", default: "text" } }, allowPositionals: true });
  const format = oneOf(values.format, ["text", "json"]);
  const [file, query, a, b] = positionals;
  if (!file || !query) throw new UsageError(`query takes <graph.json> and one of ${QUERIES.join(", ")}`);
  if (!(QUERIES as readonly string[]).includes(query)) throw new UsageError(`unknown query "${query}" (${QUERIES.join(", ")})`);
  const needsKey = ["cites", "cited-by", "chain", "descendants", "path"].includes(query);
  if (needsKey && !a) throw new UsageError(`${query} needs a document key`);
  if (query === "path" && !b) throw new UsageError("path needs two document keys");
  if (query === "most-cited" && a !== undefined && !/^[1-9]\d*$/.test(a)) throw new UsageError(`most-cited takes a number from 1 up, not "${a}"`);
  const graph = await loadGraph(file);
  if (needsKey) {
    const unknown = [a, query === "path" ? b : undefined].filter((k): k is string => k !== undefined && graph.getNode(k) === undefined);
    for (const k of unknown) {
      const near = await nearestKeys(graph, k);
      io.stderr.write(`vncite: ${k} is not in the graph${near.length > 0 ? `; nearest: ${near.join(", ")}` : ""}\n`);
    }
    if (unknown.length > 0) return 1;
  }
  const key = a ?? "";
  const rows: unknown[] =
    query === "cites" ? graph.cites(key)
    : query === "cited-by" ? graph.citedBy(key)
    : query === "chain" ? graph.chain(key)
    : query === "descendants" ? graph.descendants(key)
    : query === "path" ? (graph.path(key, b as string) ?? [])
    : query === "most-cited" ? graph.mostCited(Number(a ?? 10))
    : query === "missing" ? graph.missing()
    : graph.conflicts();
  if (format === "json") io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    const line = (r: unknown) => {
      if (typeof r === "string") return r;
      const o = r as Record<string, unknown>;
      if ("evidence" in o) return `${o.from}\t${o.relation}\t${o.to}\t${o.count}${(o.statedBy as string[]).length ? `\tstated by ${(o.statedBy as string[]).join(", ")}` : ""}`;
      if ("depth" in o) return `${"  ".repeat((o.depth as number) - 1)}${o.relation} ${o.key} (from ${o.from})`;
      if ("field" in o) return `${o.key}\t${o.field}\t${(o.values as string[]).join(" | ")}\t${(o.keys as string[]).join(", ")}`;
      return `${o.key}\t${o.citedBy}\t${o.mentions}`;
    };
    if (rows.length > 0) io.stdout.write(`${rows.map(line).join("\n")}\n`);
  }
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  extract: runExtract,
  doc: runDoc,
  check: runCheck,
  graph: runGraph,
  query: runQuery,
};

/** A parseArgs error in one line, without Node's advice about `--`. */
function argumentError(command: string, e: Error & { code: string }): string {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1];
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `${command}: unknown option ${option ?? ""} (vncite ${command} --help lists them)`;
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) return `${command}: ${option} needs a value`;
  return `${command}: ${e.message.split(/\.\s/)[0]}`;
}

/** Runs one command line (without `node` and the script); returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.stderr.write(USAGE);
      return 2;
    }
    if (command === "--version" || command === "-v" || command === "version") {
      io.stdout.write(`${version}\n`);
      return 0;
    }
    if (command === "--help" || command === "-h" || command === "help") {
      const topic = command === "help" ? rest[0] : undefined;
      if (topic !== undefined && !(topic in COMMANDS)) throw new UsageError(`no command "${topic}" (${Object.keys(COMMANDS).join(", ")})`);
      io.stdout.write(topic === undefined ? USAGE : (COMMAND_HELP[topic] as string));
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command "${command}" (${Object.keys(COMMANDS).join(", ")}; vncite --help)`);
    const options = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
    if (options.includes("--help") || options.includes("-h")) {
      io.stdout.write(COMMAND_HELP[command] as string);
      return 0;
    }
    try {
      return await run(rest, io);
    } catch (e) {
      if (e instanceof Error && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) throw new UsageError(argumentError(command, e as Error & { code: string }));
      throw e;
    }
  } catch (e) {
    if (e instanceof OutputError) {
      io.stderr.write(`vncite: ${e.message}\n`);
      return 1;
    }
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`vncite: ${e.message}\n`);
    return 2;
  }
}
