import { defineConfig } from "tsup";

// chevrotain 11 is bundled: it ships ESM only (require() cannot load it on every Node 20), and loading it
// with its lodash-es dependency as hundreds of separate modules costs ~300 ms at import. papaparse, luxon and
// fastest-levenshtein are bundled too: loaded as packages they cost ~45 ms more at import (resolution and
// module loading). So they are devDependencies; zod stays a dependency (`vncite/schema` imports it).
// test/package.test.ts reads this list.
export const bundled = ["chevrotain", /^@chevrotain\//, "lodash-es", "papaparse", "luxon", "fastest-levenshtein"];
// The PostgreSQL driver stays a package of its own, an optional dependency imported only by the PostgreSQL path.
export const optional = ["pg", "pg-copy-streams"];

const library = {
  entry: { index: "src/index.ts", node: "src/node.ts", schema: "src/schema-entry.ts" },
  splitting: true, // in CJS too: vncite and vncite/node share one chunk, so one Registry and RegistryError class
  dts: true,
  sourcemap: true,
  target: "node20",
  noExternal: bundled,
  external: optional,
} as const;

export default defineConfig([
  // Whitespace and comments out, names kept: the chunk parses in ~20 ms where it took ~30 at every import.
  { ...library, format: ["esm"], clean: true, minifyWhitespace: true, minifySyntax: true },
  // CommonJS as it is: tsup's CJS chunks are rewritten after esbuild (sucrase), which breaks on minified code.
  { ...library, format: ["cjs"] },
  {
    // The worker is its own entry: the CLI starts it as dist/worker.js. The two share the library as chunks.
    entry: { cli: "src/cli/bin.ts", worker: "src/cli/worker.ts" },
    format: ["esm"],
    banner: { js: "#!/usr/bin/env node" },
    splitting: true,
    target: "node20",
    noExternal: bundled,
    external: optional,
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
  },
  {
    // One self-contained ES module, its dependencies in it, for a <script type="module"> with no bundler.
    entry: { browser: "src/index.ts" },
    format: ["esm"],
    platform: "browser",
    target: "es2022",
    minify: true,
    splitting: false,
    noExternal: [/./],
  },
]);
