/**
 * `npx tsx scripts/check-labels.ts`: the errors and warnings `check` gives on ../shared/corpus and fixtures/*.txt
 * that test/check-labels.json has no label for, with the line around each, to be read and labelled by hand (this
 * script never writes a label); then the counts of true and false labels in use.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { check } from "../src/index.js";
import labelsJson from "../test/check-labels.json";
import { CORPUS_DIR } from "../test/helpers/corpus.js";

const root = join(import.meta.dirname, "..");
const dirs = [CORPUS_DIR, join(root, "fixtures")];
const id = (l: { file: string; severity: string; code: string; text: string }) => `${l.file} ${l.severity} ${l.code} ${JSON.stringify(l.text)}`;
const labels = new Map(labelsJson.labels.map((l) => [id(l), l]));
const used = { true: 0, false: 0 };
let unlabelled = 0;
for (const dir of dirs) {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  } catch {
    console.error(`no ${dir}`);
  }
  for (const file of files) {
    const text = readFileSync(join(dir, file), "utf8");
    for (const d of check(text)) {
      if (d.severity === "info") continue;
      const found = { file, severity: d.severity, code: d.code, text: text.slice(d.start, d.end) };
      const label = labels.get(id(found));
      if (label) used[label.true ? "true" : "false"]++;
      else {
        unlabelled++;
        console.log(`${id(found)}\n  ${d.message}\n  …${text.slice(Math.max(0, d.start - 120), d.end + 80).replace(/\s+/g, " ")}…\n`);
      }
    }
  }
}
console.log(`${unlabelled} unlabelled; labelled places: ${used.true} true, ${used.false} false`);
