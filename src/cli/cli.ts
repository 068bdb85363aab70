/**
 * vncite command line, as a function: `main(argv, io)` runs one command and returns its exit code. The
 * executable (bin.ts) gives it the process's streams; the tests call it in-process with their own.
 *
 *   vncite extract [file or directory...|-] [--format json|jsonl|table|text]
 *   vncite doc [file or directory...|-] [--format json|text]
 *   vncite check [file or directory...|-] [--registry file] [--format text|json|sarif] [--severity …] [--ignore CODE]
 *                [--config file] [--lang en|vi]   (settings also from vncite.config.json or package.json "vncite")
 *   vncite graph <file or directory...> [--format json|jsonl|dot|graphml|neo4j] [--out path]
 *   vncite query <graph.json|graph.jsonl> cites|cited-by|chain|descendants|path|most-cited|missing|conflicts [key [key]]
 *
 * Exit codes: 0 success; 1 when check shows an error, a file could not be read or processed (the others are
 * still written), or query is given a key not in the graph; 2 usage errors and no input read at all.
 * Each command imports what it needs when it runs (the graph, the exports, the registry), so that a command
 * called per file starts fast: `vncite extract` loads no graph, registry or zod.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { version } from "../../package.json";
import type { CitationGraph } from "../graph/graph.js";
import { isPostgresUrl } from "../postgres-url.js";
import type { Questions } from "./postgres.js";
import { positionsIn } from "../positions.js";
import { defaultJobs, eachResult, runFiles } from "./parallel.js";
import type { Citation, Diagnostic, DocumentRecord } from "../schema.js";
import { decodeText, runOnText, type TaskKind, type TaskResult } from "./tasks.js";
import { COMMAND_HELP, USAGE } from "./help.js";
import { checkCodes, loadConfig } from "./config.js";
import { colourWanted, compilerStyle, painter, SEVERITIES, shownDiagnostics, summaryLine } from "./report.js";
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
  /** Whether stdout is a terminal (colour by default); the environment (NO_COLOR, FORCE_COLOR); the directory of the config file. */
  stdoutIsTTY?: boolean;
  env?: Record<string, string | undefined>;
  cwd?: string;
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

/**
 * The files named, and the *.txt files under the directories named (as graph reads them); standard input (`-`)
 * when none is named and stdin is not a terminal.
 */
function inputsOf(positionals: string[], io: CliIo, recursive = true): string[] {
  if (positionals.length === 0) {
    if (!io.stdinIsTTY) return ["-"];
    throw new UsageError("no input: give files or directories, or pipe text to standard input");
  }
  const files = expandInputs(positionals, { recursive, idFrom: "path", note: (line) => io.stderr.write(`vncite: ${line}\n`) }).map((i) => i.file);
  if (files.length === 0) throw new UsageError(`no .txt files in ${positionals.join(", ")}`);
  return files;
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

const TABLE_HEADER = ["place", "key", "kind", "date", "issued by", "diagnostics"].join("\t");

/** `path:line:column: key (kind, date, issuing body)`, one citation a line, for a person. */
function citationLines(file: string, text: string, citations: Citation[]): string[] {
  const at = positionsIn(text);
  return citations.map((c) => {
    const p = at(c.start);
    const about = [c.kind, c.date, c.issuedBy].filter((x) => x !== null).join(", ");
    return `${file}:${p.line}:${p.column}: ${c.key ?? c.text.replace(/\s+/g, " ")}${about ? ` (${about})` : ""}`;
  });
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
    options: { format: { type: "string", default: "json" }, jobs: { type: "string" }, "no-recursive": { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const format = oneOf(values.format, ["json", "jsonl", "table", "text"]);
  const jobs = jobsOf(values.jobs);
  const files = inputsOf(positionals, io, !values["no-recursive"]);
  const { done, failed } = await runInputs(io, files, "extract", { jobs });
  const results = done.map(({ file, result }) => ({ file, text: result.text, citations: result.citations ?? [] }));
  const out: string[] = [];
  // One shape whatever the number of files: an array of { file, citations }.
  if (format === "json") out.push(JSON.stringify(results.map(({ file, citations }) => ({ file, citations })), null, 2));
  else if (format === "jsonl") {
    for (const r of results) for (const c of r.citations) out.push(JSON.stringify({ file: r.file, ...c }));
  } else if (format === "table") {
    out.push(TABLE_HEADER);
    for (const r of results) for (const row of tableRows(r.file, r.text, r.citations)) out.push(row);
  } else {
    for (const r of results) for (const line of citationLines(r.file, r.text, r.citations)) out.push(line);
  }
  if (out.length > 0) io.stdout.write(`${out.join("\n")}\n`);
  return failed > 0 ? 1 : 0;
}

async function runDoc(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string", default: "json" }, "no-recursive": { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const format = oneOf(values.format, ["json", "text"]);
  const files = inputsOf(positionals, io, !values["no-recursive"]);
  const { done, failed } = await runInputs(io, files, "doc", { jobs: 1 });
  // One shape whatever the number of files: an array of { file, document }; a summary under each file's name.
  const records = done.map(({ file, result }) => ({ file, document: result.record as DocumentRecord }));
  if (format === "json") io.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  else io.stdout.write(`${records.map((r) => (records.length > 1 ? `== ${r.file}\n${documentSummary(r.document)}` : documentSummary(r.document))).join("\n\n")}\n`);
  return failed > 0 ? 1 : 0;
}

function documentSummary(d: DocumentRecord): string {
  const or = (f: { value: string } | null | undefined) => f?.value ?? "-";
  const lines = [
    `document   ${d.key ?? "-"}${d.identifier ? "" : " (no identifier in the text)"}`,
    `type       ${or(d.type)}`,
    `place/date ${or(d.place)}, ${d.date ? (d.date.value ?? `${d.date.span.text.replace(/\s+/g, " ")} (incomplete)`) : "-"}`,
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
    options: {
      format: { type: "string", default: "text" },
      registry: { type: "string" },
      jobs: { type: "string" },
      severity: { type: "string" },
      ignore: { type: "string", multiple: true },
      config: { type: "string" },
      lang: { type: "string" },
      color: { type: "boolean" },
      "no-color": { type: "boolean" },
      "no-recursive": { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  const jobs = jobsOf(values.jobs);
  const format = oneOf(values.format, ["text", "json", "sarif"]);
  // The command line wins over the project's config file.
  const config = loadConfig(io.cwd ?? process.cwd(), values.config);
  const severity = values.severity === undefined ? (config.severity ?? "info") : oneOf(values.severity, SEVERITIES, "--severity");
  const lang = values.lang === undefined ? (config.lang ?? "en") : oneOf(values.lang, ["en", "vi"] as const, "--lang");
  const ignored = (values.ignore ?? []).flatMap((c) => c.split(",")).map((c) => c.trim()).filter((c) => c !== "");
  checkCodes(ignored, "--ignore");
  const shown = { severity, ignore: new Set([...(config.ignore ?? []), ...ignored]), rules: config.rules ?? {} };
  const files = inputsOf(positionals, io, !values["no-recursive"]);
  if (values.registry !== undefined) await requireRegistry(values.registry);
  const { done, failed } = await runInputs(io, files, "check", { jobs, ...(values.registry ? { registry: values.registry } : {}) });
  const results = done.map(({ file, result }) => ({ file, text: result.text, diagnostics: shownDiagnostics(result.diagnostics ?? [], shown) }));
  const all = results.flatMap((r) => r.diagnostics);
  const summary = summaryLine(all, results.length, lang);
  if (format === "json") io.stdout.write(`${JSON.stringify(results.map(({ file, diagnostics }) => ({ file, diagnostics })), null, 2)}\n`);
  else if (format === "sarif") io.stdout.write(`${JSON.stringify(toSarif(results, lang), null, 2)}\n`);
  else {
    const env = io.env ?? {};
    const colour = values["no-color"] ? false : values.color ? true : colourWanted(env, io.stdoutIsTTY ?? false);
    const paint = painter(colour);
    const out = results.flatMap(({ file, text, diagnostics }) => {
      const at = positionsIn(text);
      return diagnostics.map((d) => compilerStyle(file, text, d, at, lang, paint));
    });
    out.push(paint(all.some((d) => d.severity === "error") ? "error" : "bold", summary));
    io.stdout.write(`${out.join("\n")}\n`);
  }
  // Machine output stays one document on stdout: its summary goes to stderr.
  if (format !== "text") io.stderr.write(`vncite: ${summary}\n`);
  return failed > 0 || all.some((d) => d.severity === "error") ? 1 : 0;
}

/** SARIF 2.1.0, for CI systems and editors. */
function toSarif(results: { file: string; text: string; diagnostics: Diagnostic[] }[], lang: "en" | "vi" = "en") {
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
              // Both languages, the chosen one first.
              message: { text: lang === "vi" ? `${d.messageVi} (${d.message})` : `${d.message} (${d.messageVi})` },
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
      to: { type: "string" },
    },
    allowPositionals: true,
  });
  const jobs = jobsOf(values.jobs);
  // json: one document, for small graphs; jsonl: one node or edge a line, for a graph of any size (written as it goes).
  const format = oneOf(values.format, ["json", "jsonl", "dot", "graphml", "neo4j", "sql"]);
  if (values.to !== undefined && !isPostgresUrl(values.to)) throw new UsageError(`--to takes a postgres:// URL, not "${values.to}"`);
  if (values.to !== undefined && values.out !== undefined) throw new UsageError("--to loads into PostgreSQL, --out writes a file: give one");
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
  if (values.to !== undefined) {
    const { graphToPostgres } = await import("./postgres.js");
    return (await graphToPostgres(io, inputs, { jobs, to: values.to })) || (unreadable > 0 ? 1 : 0);
  }
  const out = values.out !== undefined && format !== "neo4j" ? prepareOutFile(values.out, inputs.map((i) => i.file)) : null;
  try {
    if (format === "sql") {
      const { graphToPostgres } = await import("./postgres.js");
      return (await graphToPostgres(io, inputs, { jobs, out })) || (unreadable > 0 ? 1 : 0);
    }
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
const EDGE_HEADER = "from\trelation\tto\tmentions\tstated by";
/** The header row of each query's text output (its rows are tab-separated, or a tree for chain and descendants). */
const QUERY_HEADER: Record<string, string> = {
  cites: EDGE_HEADER,
  "cited-by": EDGE_HEADER,
  chain: "relation key (from)",
  descendants: "relation key (from)",
  path: "key",
  "most-cited": "key\tcited by\tmentions\ttitle",
  missing: "key",
  conflicts: "key\tfield\tvalues\tkeys",
};

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
  const inPostgres = isPostgresUrl(file);
  const graph = inPostgres ? await (await import("./postgres.js")).openPostgres(file) : await loadGraph(file);
  try {
    return await answer(io, graph, query, a, b, format, inPostgres ? null : (graph as CitationGraph));
  } finally {
    if (inPostgres) await (graph as { close(): Promise<void> }).close();
  }
}

/** The answer to one question, from the graph in memory or in PostgreSQL (whose methods return promises). */
async function answer(io: CliIo, graph: Questions, query: string, a: string | undefined, b: string | undefined, format: string, memory: CitationGraph | null): Promise<number> {
  const needsKey = ["cites", "cited-by", "chain", "descendants", "path"].includes(query);
  if (needsKey) {
    const unknown: string[] = [];
    for (const k of [a, query === "path" ? b : undefined]) if (k !== undefined && (await graph.getNode(k)) === undefined) unknown.push(k);
    for (const k of unknown) {
      const near = memory ? await nearestKeys(memory, k) : [];
      io.stderr.write(`vncite: ${k} is not in the graph${near.length > 0 ? `; nearest: ${near.join(", ")}` : ""}\n`);
    }
    if (unknown.length > 0) return 1;
  }
  const key = a ?? "";
  const rows: unknown[] =
    query === "cites" ? await graph.cites(key)
    : query === "cited-by" ? await graph.citedBy(key)
    : query === "chain" ? await graph.chain(key)
    : query === "descendants" ? await graph.descendants(key)
    : query === "path" ? ((await graph.path(key, b as string)) ?? [])
    : query === "most-cited" ? await graph.mostCited(Number(a ?? 10))
    : query === "missing" ? await graph.missing()
    : await graph.conflicts();
  // The name people read of each most-cited law (`Luật Tổ chức Chính phủ 2015`), where the graph holds one.
  const titles = query === "most-cited" && format === "text" ? await Promise.all((rows as { key: string }[]).map(async (r) => (await graph.getNode(r.key))?.title ?? "")) : [];
  if (format === "json") io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    const line = (r: unknown, i: number) => {
      if (typeof r === "string") return r;
      const o = r as Record<string, unknown>;
      if ("evidence" in o) return `${o.from}\t${o.relation}\t${o.to}\t${o.count}${(o.statedBy as string[]).length ? `\tstated by ${(o.statedBy as string[]).join(", ")}` : ""}`;
      if ("depth" in o) return `${"  ".repeat((o.depth as number) - 1)}${o.relation} ${o.key} (from ${o.from})`;
      if ("field" in o) return `${o.key}\t${o.field}\t${(o.values as string[]).join(" | ")}\t${(o.keys as string[]).join(", ")}`;
      return `${o.key}\t${o.citedBy}\t${o.mentions}\t${titles[i] ?? ""}`;
    };
    if (rows.length > 0) io.stdout.write(`${[QUERY_HEADER[query], ...rows.map(line)].join("\n")}\n`);
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
