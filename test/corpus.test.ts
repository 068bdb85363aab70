// Every text of the shared corpus goes through extract without an error, with exact spans.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { extract } from "../src/index.js";
import { CORPUS_DIR as dir, corpusTest, hasCorpus } from "./helpers/corpus.js";

let total = 0;
const files = hasCorpus ? readdirSync(dir).filter((f) => f.endsWith(".txt")) : [];

it.skipIf(!hasCorpus)(corpusTest("sees the shared corpus beside the checkout"), () => {
  expect(files.length, `no corpus at ${dir}`).toBeGreaterThanOrEqual(100);
});

it.each(files)("%s", (file) => {
  const text = readFileSync(join(dir, file), "utf8");
  const found = extract(text);
  for (const c of found) {
    expect(text.slice(c.start, c.end)).toBe(c.text);
    for (const s of Object.values(c.spans)) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
  }
  total += found.length;
});

it.skipIf(!hasCorpus)(corpusTest("finds the references of the corpus as a whole"), () => {
  // 2 167 when last counted by hand-reviewed runs; a large drop means the scan or grammar lost a form.
  expect(total).toBeGreaterThan(2_000);
});
