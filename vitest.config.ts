import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The 2-core machines run six suites at once at times: a test of a few seconds alone can take ten times that.
    testTimeout: 60_000,
    // graph.test builds a corpus of 10 000 documents and cli-bin.test bundles the CLI in their beforeAll.
    hookTimeout: 120_000,
  },
});
