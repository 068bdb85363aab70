import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The CLI suites start node processes (through tsx), a second or two each on the 2-core machines.
    testTimeout: 60_000,
  },
});
