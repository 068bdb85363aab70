/**
 * vncite command line.
 *
 *   vncite extract <file...|-> [--format json|jsonl|table]
 *   vncite doc <file|-> [--format json|text]
 *   vncite check <file...|-> [--registry file] [--format text|json|sarif]
 *   vncite graph <file or directory...> [--format json|dot|graphml|neo4j] [--out path]
 *   vncite query <graph.json> cites|cited-by|chain|descendants|path|most-cited|missing|conflicts [key [key]]
 *
 * Exit codes: 0 success; 1 when check finds an error or graph skipped an unreadable file; 2 usage errors and unreadable input (missing file, a
 * directory, bytes that are not UTF-8, a bad registry).
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseDocument } from "../document/document.js";
import { dotLines, graphMLLines, neo4jArrayDelimiter, neo4jDocumentLines, neo4jImportCommand, neo4jRelationshipLines } from "../graph/export.js";
import { writeLines } from "../graph/write.js";
import { CitationGraph } from "../graph/graph.js";
import { defaultJobs, eachResult, runFiles } from "./parallel.js";
import { Registry, RegistryError } from "../check/registry.js";
import type { Citation, Diagnostic, DocumentRecord } from "../schema.js";
import { readText } from "./tasks.js";

const USAGE = `usage: vncite extract <file...|-> [--format json|jsonl|table] [--jobs N]
       vncite doc <file|-> [--format json|text]
       vncite check <file...|-> [--registry file.json|file.csv] [--format text|json|sarif] [--jobs N]
       vncite graph <file or directory...> [--format json|dot|graphml|neo4j] [--out path] [--jobs N]
       vncite query <graph.json> cites|cited-by|chain|descendants|path|most-cited|missing|conflicts [key [key]]

extract  every reference in the files
  json   one file: the array of citations; several: an object from file name to its array
  jsonl  one citation a line, with its "file"
  table  one line a citation: line:col, key, kind, date, issuing body, diagnostics
doc      the document itself: header, each mention resolved to a key, relations
  json   the DocumentRecord
  text   a readable summary
check    diagnostics for every citation; exit 1 when any is an error
  text   path:line:col: severity code message, the line, a caret under the span
  json   [{ file, diagnostics }]
  sarif  SARIF 2.1.0 for CI systems and editors
graph    one citation graph from many documents (unreadable files are reported and skipped: exit 1)
  json   the graph (read back by query); dot, graphml; neo4j: documents.csv and relationships.csv in --out
query    a question to a graph.json (--format text|json)
--jobs N files spread over N worker threads (default: the number of cores); a progress bar on a terminal`;

/** The --format value when it is one of `allowed`; a usage error naming them otherwise. */
function formatOf<F extends string>(value: string | boolean | undefined, allowed: readonly F[]): F {
  if ((allowed as readonly unknown[]).includes(value)) return value as F;
  throw new UsageError(`unknown format "${value}" (${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)})`);
}

class UsageError extends Error {}

function readInput(path: string): string {
  const text = readText(path);
  if (typeof text !== "string") throw new UsageError(text.error);
  return text;
}

/** --jobs N: a positive whole number; default the number of cores. */
function jobsOf(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs takes a whole number from 1 up, not "${value}"`);
  return n;
}

/** Files must exist and not be directories: said before any work starts. */
function requireFiles(files: string[]): void {
  for (const f of files) {
    if (f === "-") continue;
    const text = readText(f);
    if (typeof text !== "string" && !/not UTF-8/.test(text.error)) throw new UsageError(text.error);
  }
}

/** 1-based line and column (UTF-16 code units) of an offset, and where its line starts and ends. */
function position(text: string, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const lineEnd = text.indexOf("\n", lineStart);
  return { line, col: offset - lineStart + 1, lineStart, lineEnd: lineEnd < 0 ? text.length : lineEnd };
}
const lineCol = (text: string, offset: number) => {
  const p = position(text, offset);
  return `${p.line}:${p.col}`;
};

function tableRows(file: string, text: string, citations: Citation[]): string[] {
  return citations.map((c) =>
    [
      `${file}:${lineCol(text, c.start)}`,
      c.key ?? `(${c.text.replace(/\s+/g, " ")})`,
      c.kind ?? "-",
      c.date ?? "-",
      c.issuedBy ?? "-",
      c.diagnostics.map((d) => d.code).join(",") || "-",
    ].join("\t"),
  );
}

async function runExtract(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string", default: "json" }, jobs: { type: "string" } },
    allowPositionals: true,
  });
  const format = formatOf(values.format, ["json", "jsonl", "table"]);
  if (positionals.length === 0) throw new UsageError("no input: give files, or - for standard input");
  const jobs = jobsOf(values.jobs);
  requireFiles(positionals);
  const done = await runFiles(positionals, "extract", { jobs, progress: process.stderr });
  const results = done.map((r, i) => {
    if (!r.ok) throw new UsageError(r.error);
    return { file: positionals[i] as string, text: r.text, citations: r.citations ?? [] };
  });
  const out: string[] = [];
  if (format === "json") {
    const value = results.length === 1 ? results[0]!.citations : Object.fromEntries(results.map((r) => [r.file, r.citations]));
    out.push(JSON.stringify(value, null, 2));
  } else if (format === "jsonl") {
    for (const r of results) for (const c of r.citations) out.push(JSON.stringify({ file: r.file, ...c }));
  } else {
    for (const r of results) out.push(...tableRows(r.file, r.text, r.citations));
  }
  if (out.length > 0) process.stdout.write(`${out.join("\n")}\n`);
  return 0;
}

function runDoc(args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { format: { type: "string", default: "json" } }, allowPositionals: true });
  const format = formatOf(values.format, ["json", "text"]);
  if (positionals.length !== 1) throw new UsageError("doc takes one file, or - for standard input");
  const file = positionals[0] as string;
  const record = parseDocument(readInput(file), { id: file });
  process.stdout.write(`${format === "json" ? JSON.stringify(record, null, 2) : documentSummary(record)}\n`);
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

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string", default: "text" }, registry: { type: "string" }, jobs: { type: "string" } },
    allowPositionals: true,
  });
  const jobs = jobsOf(values.jobs);
  const format = formatOf(values.format, ["text", "json", "sarif"]);
  if (positionals.length === 0) throw new UsageError("no input: give files, or - for standard input");
  if (values.registry !== undefined) {
    // Loaded once here to report a bad registry before any work; each worker loads its own copy.
    try {
      Registry.load(values.registry);
    } catch (e) {
      if (e instanceof RegistryError) throw new UsageError(e.message.replace(/\n/g, "; "));
      throw new UsageError(`${values.registry}: cannot read the registry`);
    }
  }
  requireFiles(positionals);
  const done = await runFiles(positionals, "check", { jobs, progress: process.stderr, ...(values.registry ? { registry: values.registry } : {}) });
  const results = done.map((r, i) => {
    if (!r.ok) throw new UsageError(r.error);
    return { file: positionals[i] as string, text: r.text, diagnostics: r.diagnostics ?? [] };
  });
  if (format === "json") process.stdout.write(`${JSON.stringify(results.map(({ file, diagnostics }) => ({ file, diagnostics })), null, 2)}\n`);
  else if (format === "sarif") process.stdout.write(`${JSON.stringify(toSarif(results), null, 2)}\n`);
  else {
    const out = results.flatMap(({ file, text, diagnostics }) => diagnostics.map((d) => compilerStyle(file, text, d)));
    if (out.length > 0) process.stdout.write(`${out.join("\n")}\n`);
  }
  return results.some((r) => r.diagnostics.some((d) => d.severity === "error")) ? 1 : 0;
}

/** `path:line:col: severity code message`, the source line, and a caret under the span. */
function compilerStyle(file: string, text: string, d: Diagnostic): string {
  const p = position(text, d.start);
  const source = text.slice(p.lineStart, p.lineEnd);
  const width = Math.max(1, Math.min(d.end, p.lineEnd) - d.start);
  const fix = d.fix ? `\n  fix: ${d.fix}` : "";
  return `${file}:${p.line}:${p.col}: ${d.severity} ${d.code}: ${d.message}\n  ${source}\n  ${" ".repeat(p.col - 1)}^${"~".repeat(width - 1)}${fix}`;
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
        tool: { driver: { name: "vncite", informationUri: "https://www.npmjs.com/package/vncite", rules: rules.map((id) => ({ id })) } },
        results: results.flatMap(({ file, text, diagnostics }) =>
          diagnostics.map((d) => {
            const a = position(text, d.start);
            const b = position(text, d.end);
            const region = { startLine: a.line, startColumn: a.col, endLine: b.line, endColumn: b.col, charOffset: d.start, charLength: d.end - d.start };
            return {
              ruleId: d.code,
              level: level[d.severity],
              message: { text: `${d.message} (${d.messageVi})` },
              locations: [{ physicalLocation: { artifactLocation: { uri: file }, region } }],
              ...(d.fix
                ? { fixes: [{ description: { text: d.fix }, artifactChanges: [{ artifactLocation: { uri: file }, replacements: [{ deletedRegion: region, insertedContent: { text: d.fix } }] }] }] }
                : {}),
            };
          }),
        ),
      },
    ],
  };
}

/** Files named, and the .txt files under directories named, in a stable order. */
function expandInputs(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      out.push(p); // reported as unreadable when read
      continue;
    }
    if (!isDir) out.push(p);
    else {
      const found = readdirSync(p, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt")).sort();
      out.push(...found.map((f) => join(p, f)));
    }
  }
  return out;
}

async function runGraph(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string", default: "json" }, out: { type: "string" }, jobs: { type: "string" } },
    allowPositionals: true,
  });
  const jobs = jobsOf(values.jobs);
  // json: one document, for small graphs; jsonl: one node or edge a line, for a graph of any size (written as it goes).
  const format = formatOf(values.format, ["json", "jsonl", "dot", "graphml", "neo4j"]);
  if (format === "neo4j" && !values.out) throw new UsageError("--format neo4j writes two files: give --out <directory>");
  if (positionals.length === 0) throw new UsageError("no input: give files or directories");
  const graph = new CitationGraph();
  let skipped = 0;
  // Each document is added as its result comes (only what the graph reads of it); no record is kept.
  for await (const r of eachResult(expandInputs(positionals), "graph", { jobs, progress: process.stderr })) {
    if (r.ok && r.record) graph.add(r.record);
    else if (!r.ok) {
      process.stderr.write(`vncite: ${r.error}; skipped\n`);
      skipped++;
    }
  }
  if (format === "neo4j") {
    const dir = values.out as string;
    mkdirSync(dir, { recursive: true });
    const delimiter = neo4jArrayDelimiter(graph);
    await writeLines(neo4jDocumentLines(graph, delimiter), join(dir, "documents.csv"));
    await writeLines(neo4jRelationshipLines(graph, delimiter), join(dir, "relationships.csv"));
    writeFileSync(join(dir, "import.sh"), `#!/bin/sh\n${neo4jImportCommand(delimiter)}\n`);
  } else {
    const lines = format === "jsonl" ? graph.toJSONLines()
      : format === "dot" ? dotLines(graph)
      : format === "graphml" ? graphMLLines(graph)
      : [JSON.stringify(graph.toJSON(), null, 1)];
    await writeLines(lines, values.out ?? process.stdout);
  }
  return skipped > 0 ? 1 : 0;
}

const QUERIES = ["cites", "cited-by", "chain", "descendants", "path", "most-cited", "missing", "conflicts"] as const;

function runQuery(args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { format: { type: "string", default: "text" } }, allowPositionals: true });
  const [file, query, a, b] = positionals;
  if (!file || !query) throw new UsageError(`query takes <graph.json> and one of ${QUERIES.join(", ")}`);
  if (!(QUERIES as readonly string[]).includes(query)) throw new UsageError(`unknown query "${query}" (${QUERIES.join(", ")})`);
  const needsKey = ["cites", "cited-by", "chain", "descendants", "path"].includes(query);
  if (needsKey && !a) throw new UsageError(`${query} needs a document key`);
  if (query === "path" && !b) throw new UsageError("path needs two document keys");
  let graph: CitationGraph;
  try {
    graph = CitationGraph.fromJSON(JSON.parse(readInput(file)));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: not a vncite graph (vncite graph --format json)`);
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
  if (values.format === "json") process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    const line = (r: unknown) => {
      if (typeof r === "string") return r;
      const o = r as Record<string, unknown>;
      if ("evidence" in o) return `${o.from}\t${o.relation}\t${o.to}\t${o.count}${(o.statedBy as string[]).length ? `\tstated by ${(o.statedBy as string[]).join(", ")}` : ""}`;
      if ("depth" in o) return `${"  ".repeat((o.depth as number) - 1)}${o.relation} ${o.key} (from ${o.from})`;
      if ("field" in o) return `${o.key}\t${o.field}\t${(o.values as string[]).join(" | ")}\t${(o.keys as string[]).join(", ")}`;
      return `${o.key}\t${o.citedBy}\t${o.mentions}`;
    };
    if (rows.length > 0) process.stdout.write(`${rows.map(line).join("\n")}\n`);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "--help" || command === "-h" || command === undefined) {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === "extract") return await runExtract(rest);
    if (command === "doc") return runDoc(rest);
    if (command === "check") return await runCheck(rest);
    if (command === "graph") return await runGraph(rest);
    if (command === "query") return runQuery(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    const message = e instanceof UsageError || (e instanceof Error && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))
      ? e.message
      : null;
    if (message === null) throw e;
    process.stderr.write(`vncite: ${message}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
