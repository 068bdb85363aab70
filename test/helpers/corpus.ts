// The shared corpus of real texts lives beside the checkout (../shared/corpus), not in it. Without it, the
// tests that read it are skipped, each saying why, and the rest of the suite runs. VNCITE_CORPUS points
// elsewhere (or nowhere, to see the suite without it).
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { it } from "vitest";

export const CORPUS_DIR = process.env.VNCITE_CORPUS ?? join(import.meta.dirname, "..", "..", "..", "shared", "corpus");
export const hasCorpus = existsSync(CORPUS_DIR);

/** `name`, and when the corpus is absent, why its test is skipped: the reason shows in every report. */
export const corpusTest = (name: string) => (hasCorpus ? name : `${name} (skipped: no shared corpus at ${CORPUS_DIR})`);

/** A corpus file by its name (or a `../shared/corpus/…` source path): its path, or null when absent. */
export function corpusPath(name: string): string | null {
  const path = join(CORPUS_DIR, basename(name));
  return existsSync(path) ? path : null;
}

/** A corpus file's text; "" when the corpus is absent, so that a skipped suite still loads. */
export function corpusText(name: string): string {
  const path = corpusPath(name);
  return path ? readFileSync(path, "utf8") : "";
}

/** One skipped test that says the corpus is absent, for suites that add its files to others when present. */
export function noteMissingCorpus(what: string): void {
  if (!hasCorpus) it.skip(corpusTest(what), () => {});
}

if (!hasCorpus) console.warn(`vncite tests: no shared corpus at ${CORPUS_DIR}; the tests that read it are skipped`);
