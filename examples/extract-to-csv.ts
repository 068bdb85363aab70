// Every citation in a folder of .txt files, one CSV row each: file, line, column, key, kind, date, issuing body.
// Run: npx tsx examples/extract-to-csv.ts <folder> > citations.csv
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "vncite";

const folder = process.argv[2] ?? ".";
const cell = (value: string | number | null) => {
  const s = value === null ? "" : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

console.log("file,line,column,key,kind,date,issuedBy");
for (const name of readdirSync(folder).filter((f) => f.endsWith(".txt")).sort()) {
  const text = readFileSync(join(folder, name), "utf8");
  for (const c of extract(text)) {
    // start and end are offsets in the text as read (UTF-16 code units); line and column are counted here.
    const { line, column } = position(text, c.start);
    console.log([name, line, column, c.key, c.kind, c.date, c.issuedBy].map(cell).join(","));
  }
}

/** The 1-based line and column of an offset in the text. */
function position(text: string, offset: number) {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}
