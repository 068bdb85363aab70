import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  // The examples import the package by its name; the tests run them on the source (test/examples.test.ts).
  resolve: {
    alias: [
      { find: /^vncite$/, replacement: src("index.ts") },
      { find: /^vncite\/node$/, replacement: src("node.ts") },
      { find: /^vncite\/schema$/, replacement: src("schema-entry.ts") },
    ],
  },
  test: {
    // The 2-core machines run six suites at once at times: a test of a few seconds alone can take ten times that.
    testTimeout: 60_000,
    // graph.test builds a corpus of 10 000 documents and cli-bin.test bundles the CLI in their beforeAll.
    hookTimeout: 120_000,
    // Two test files at a time even on 2 cores (vitest would run one, leaving a core idle while a file imports the
    // library): 66 s instead of 96 here. The timing tests compare ratios, with room for a busy machine.
    maxWorkers: 2,
  },
});
