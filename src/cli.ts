/**
 * vncite command line.
 *
 *   vncite extract <file...|-> [--format json|jsonl|table]
 *   vncite doc <file|-> [--format json|text]
 *
 * Exit codes: 0 success; 2 usage errors and unreadable input (missing file, a directory, bytes that are not UTF-8).
 */
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseDocument } from "./document.js";
import { extract } from "./extract.js";
import type { Citation, DocumentRecord } from "./schema.js";

const USAGE = `usage: vncite extract <file...|-> [--format json|jsonl|table]
       vncite doc <file|-> [--format json|text]

extract  every reference in the files
  json   one file: the array of citations; several: an object from file name to its array
  jsonl  one citation a line, with its "file"
  table  one line a citation: line:col, key, kind, date, issuing body, diagnostics
doc      the document itself: header, each mention resolved to a key, relations
  json   the DocumentRecord
  text   a readable summary`;

const FORMATS = ["json", "jsonl", "table"] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

function readInput(path: string): string {
  let bytes: Buffer;
  if (path === "-") bytes = readFileSync(0);
  else {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`${path}: no such file`);
    }
    if (isDir) throw new UsageError(`${path}: is a directory`);
    bytes = readFileSync(path);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${path}: not UTF-8 text`);
  }
}

/** 1-based line and column of an offset. */
function lineCol(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${offset - lineStart + 1}`;
}

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

function runExtract(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string", default: "json" } },
    allowPositionals: true,
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" (json, jsonl or table)`);
  if (positionals.length === 0) throw new UsageError("no input: give files, or - for standard input");
  const inputs = positionals.map((file) => ({ file, text: readInput(file) }));
  const results = inputs.map(({ file, text }) => ({ file, text, citations: extract(text) }));
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
  if (values.format !== "json" && values.format !== "text") throw new UsageError(`unknown format "${values.format}" (json or text)`);
  if (positionals.length !== 1) throw new UsageError("doc takes one file, or - for standard input");
  const file = positionals[0] as string;
  const record = parseDocument(readInput(file), { id: file });
  process.stdout.write(`${values.format === "json" ? JSON.stringify(record, null, 2) : documentSummary(record)}\n`);
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

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === "--help" || command === "-h" || command === undefined) {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === "extract") return runExtract(rest);
    if (command === "doc") return runDoc(rest);
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

process.exitCode = main(process.argv.slice(2));
