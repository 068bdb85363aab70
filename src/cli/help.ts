/** What `vncite --help`, `vncite help <command>` and `vncite <command> --help` print. */
import { DIAGNOSTIC_CODES } from "../diagnostics.js";

export const USAGE = `usage: vncite <command> [options] [files]

commands:
  extract  every reference in the files (json, jsonl, table)
  doc      one document: its header, each mention resolved to a key, its relations (json, text)
  check    diagnostics for every citation, optionally against a registry; exit 1 on an error (text, json, sarif)
  graph    one citation graph from files and directories (json, jsonl, dot, graphml, neo4j, sql; --to postgres://…)
  query    a question to a graph written by graph --format json or jsonl, or loaded into PostgreSQL (--to)

  vncite help <command>     options and an example of one command (or vncite <command> --help)
  vncite --version          the version

Input: files named, or standard input when no file is named and it is not a terminal (or given as -).
A directory named is read for its *.txt files, in its subdirectories too (--no-recursive: only its own).
Exit codes: 0 success; 1 check showed an error, a file could not be read or processed (reported with its path,
the others' output still written), or query was given a key not in the graph; 2 usage errors, no input read.
`;

/** Every diagnostic code, wrapped to the width of the rest. */
const CODES = DIAGNOSTIC_CODES.join(", ").replace(/(.{1,104})(?:, |$)/g, "  $1,\n").replace(/,\n$/, "");

const JOBS = "  --jobs N              files spread over N worker threads (default: 1 below 4 cores, else the cores less one)";

export const COMMAND_HELP: Record<string, string> = {
  extract: `usage: vncite extract [file or directory...|-] [--format json|jsonl|table|text] [--no-recursive] [--jobs N]

Every reference to a document in the texts (a directory: its *.txt files, in subdirectories too, as graph reads).
  --format json         [{ file, citations }], one entry a file, whatever their number
           jsonl        one citation a line, with its "file"
           table        a header row, then one line a citation: file:line:column, key, kind, date, issuing body,
                        diagnostic codes (tab-separated)
           text         one line a citation: file:line:column: key (kind, date, issuing body)
${JOBS}

example:
  vncite extract decision.txt --format table
  pdftotext scan.pdf - | vncite extract --format jsonl
`,
  doc: `usage: vncite doc [file or directory...|-] [--format json|text] [--no-recursive]

Each document: its header (type, number, place, date, subject, signature), each mention resolved to a key,
what it cites and how (basedOn, implements, amends, …), relations stated between the documents it cites.
  --format json         [{ file, document }], the DocumentRecord of each file
           text         a readable summary (under "== file" when there are several)

example:
  vncite doc nghi-dinh.txt --format text
`,
  check: `usage: vncite check [file or directory...|-] [--registry file.json|file.csv] [--format text|json|sarif]
                    [--severity error|warning|info] [--ignore CODE[,CODE]] [--config file] [--lang en|vi]
                    [--color|--no-color] [--no-recursive] [--jobs N]

Diagnostics for every citation: malformed identifiers, type words that do not match the type code, impossible
dates, inconsistent citations of one document, and, with a registry, documents unknown, repealed or misdated.
Old state identifiers (70-TC/TCT, 15-BTC/TT, 38-LCT/HĐNN8) are read with the code tables of their era.
Exit 1 when any diagnostic shown is an error.
  --registry FILE       known documents to check against (JSON array or CSV with a header row)
  --format text         path:line:column: severity code message, an excerpt of the line, a caret under the
                        span; then a summary line (3 errors, 12 warnings in 4 files)
           json         [{ file, diagnostics }], each diagnostic with line and column (summary on stderr)
           sarif        SARIF 2.1.0 for CI systems and editors (summary on stderr)
  --severity LEVEL      the least severity shown: error, warning or info (default)
  --ignore CODE         never show this code; repeat it or give several with commas
  --config FILE         settings from this file; by default vncite.config.json in the working directory,
                        else the "vncite" key of its package.json:
                        { "severity": "warning", "ignore": ["bare-identifier"],
                          "rules": { "issuer-mismatch": "error", "unknown-issuer": "off" }, "lang": "vi" }
                        (the command line wins over the file)
  --lang en|vi          messages in English (default) or Vietnamese
  --color, --no-color   colour the text output; by default on a terminal, unless NO_COLOR is set or
                        FORCE_COLOR forces it
${JOBS}

codes:
${CODES}

example:
  vncite check drafts/ --severity warning
  vncite check drafts/*.txt --registry registry.csv --format sarif > vncite.sarif
`,
  graph: `usage: vncite graph <file or directory...> [--format json|jsonl|dot|graphml|neo4j|sql] [--out path]
                    [--to postgres://…] [--no-recursive] [--id-from relative|name|path] [--jobs N]

One citation graph from many documents. A directory is read for its *.txt files, in its subdirectories too
(sorted by path); a directory whose name ends in .txt is not taken for a file. Files that cannot be read or
processed are reported with their path and skipped (exit 1).
  --format json         the graph as one JSON document (read back by vncite query), for small graphs
           jsonl        one document id, alias, node or edge a line, written as it goes: a graph of any size
           dot          Graphviz
           graphml      Gephi, yEd, Cytoscape
           neo4j        documents.csv and relationships.csv for neo4j-admin import, in the --out directory
           sql          a psql script: the vncite schema and every document's facts (docs/postgres.md)
  --to URL              load into PostgreSQL (postgres://user@host/db) as the files are read, in the schema
                        vncite (created where missing); a document already there is left as it is
  --out PATH            write there instead of standard output (checked before any work)
  --no-recursive        only the *.txt files directly in each directory named
  --id-from relative    the id of a document without its own number: its path relative to the directory named
                        (a file named directly: the path as given) (default)
            name        its file name without directory and .txt
            path        the path as given on the command line, joined to the directory
${JOBS}

example:
  vncite graph corpus/ --out corpus.graph.json
  vncite graph corpus/ --format neo4j --out import/
  vncite graph corpus/ --to postgres://localhost/archive
`,
  query: `usage: vncite query <graph.json|graph.jsonl|postgres://…> <question> [key [key]] [--format text|json]

A question to a graph written by vncite graph --format json or jsonl, or loaded into PostgreSQL by --to. A key not in the graph is an error (exit 1)
that names the nearest keys. The text output opens with a header row.
  cites KEY             what KEY cites, by relation
  cited-by KEY          what cites KEY
  chain KEY             every document KEY implements, continues, is based on or guides, transitively
  descendants KEY       every document implementing, continuing … KEY, transitively
  path KEY KEY          a shortest chain of citations between two documents
  most-cited [N]        the N most cited documents (default 10)
  missing               documents cited but not in the corpus
  conflicts             one document cited with different dates, kinds or spellings
  --format text|json

example:
  vncite query corpus.graph.json cited-by 20-NQ/TW
  vncite query postgres://localhost/archive chain 128-KH/HU
`,
};
