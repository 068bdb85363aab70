/** What the page exports: the citations as JSON and CSV, the diagnostics as SARIF 2.1.0. */
import Papa from "papaparse";
import type { Citation, Diagnostic } from "../../src/index.js";

const CSV_COLUMNS = [
  "start", "end", "text", "key", "kind", "number", "year", "typeCode", "issuer", "style", "date", "issuedBy", "term", "subject", "relation", "confidence",
] as const;

/** One row a citation, its parts as columns (the spans and diagnostics stay in the JSON). */
export function citationsCsv(citations: readonly Citation[]): string {
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: citations.map((c) => CSV_COLUMNS.map((k) => c[k] ?? "")) });
}

/** Line and column (1-based, in UTF-16 units as SARIF's default) of offsets in `text`, by binary search. */
export function positions(text: string): (at: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] as number) + 1 };
  };
}

/** SARIF 2.1.0 for one text, in the shape `vncite check --format sarif` writes. */
export function diagnosticsSarif(file: string, text: string, diagnostics: readonly Diagnostic[]) {
  const level = { error: "error", warning: "warning", info: "note" } as const;
  const position = positions(text);
  const region = (d: Diagnostic) => {
    const a = position(d.start);
    const b = position(d.end);
    return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, charOffset: d.start, charLength: d.end - d.start };
  };
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "vncite", informationUri: "https://www.npmjs.com/package/vncite", rules: [...new Set(diagnostics.map((d) => d.code))].sort().map((id) => ({ id })) } },
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          level: level[d.severity],
          message: { text: `${d.message} (${d.messageVi})` },
          locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: region(d) } }],
          ...(d.fix
            ? { fixes: [{ description: { text: d.fix }, artifactChanges: [{ artifactLocation: { uri: file }, replacements: [{ deletedRegion: region(d), insertedContent: { text: d.fix } }] }] }] }
            : {}),
        })),
      },
    ],
  };
}
