import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

// chevrotain 11 is bundled: it ships ESM only (require() cannot load it on every Node 20), and loading it
// with its lodash-es dependency as hundreds of separate modules costs ~300 ms at import. papaparse, luxon and
// fastest-levenshtein are bundled too: loaded as packages they cost ~45 ms more at import (resolution and
// module loading). So they are devDependencies, and their licences go in dist/THIRD-PARTY-NOTICES.md
// (scripts/notices.mjs). zod is an optional peer dependency: only `vncite/schema` imports it.
// test/package.test.ts reads this list.
export const bundled = ["chevrotain", /^@chevrotain\//, "lodash-es", "papaparse", "luxon", "fastest-levenshtein"];
// The PostgreSQL driver stays a package of its own, an optional dependency imported only by the PostgreSQL path.
export const optional = ["pg", "pg-copy-streams"];

// No source maps: published maps carried the sources of every bundled package (65 % of the tarball), and
// names are kept (no identifier minification), so a stack trace still reads. The metafiles feed
// scripts/notices.mjs, which deletes them.
const common = { target: "node20", noExternal: bundled, external: optional, metafile: true, sourcemap: false } as const;

/** In the build of node.cjs, what src/node.ts takes from the main entry is required from ./index.cjs. */
const mainEntryAsExternal: Plugin = {
  name: "main-entry-as-external",
  setup(build) {
    build.onResolve({ filter: /^\.\/(index|check\/registry)\.js$/ }, (args) =>
      args.importer.endsWith("src/node.ts") ? { path: "./index.cjs", external: true } : undefined);
  },
};

// One build per module system, each with every entry, so the library's code is in dist once per system: the
// CLI, its worker and the browser file import the ESM chunks the library's entries use. `npm run build` empties
// dist/ first (scripts/clean-dist.mjs): no build here cleans, so the two cannot race.
export default defineConfig([
  {
    ...common,
    // index.js has no Node built-in in its import graph (test/bundle.test.ts), so browser.js, a second name for
    // it, loads in a <script type="module"> beside its chunks.
    entry: {
      index: "src/index.ts", node: "src/node.ts", schema: "src/schema-entry.ts", browser: "src/index.ts",
      cli: "src/cli/bin.ts", worker: "src/cli/worker.ts",
    },
    format: ["esm"],
    splitting: true,
    dts: { entry: { index: "src/index.ts", node: "src/node.ts", schema: "src/schema-entry.ts" } },
    // Whitespace and comments out, names kept: the chunk parses in ~20 ms where it took ~30 at every import.
    minifyWhitespace: true,
    minifySyntax: true,
  },
  // CommonJS: tsup's CJS code splitting (a rewrite after esbuild) breaks on minified code, so no splitting:
  // index.cjs and schema.cjs stand alone, and node.cjs requires index.cjs for what it shares with it (one
  // Registry and RegistryError class whichever entry a program requires).
  { ...common, entry: { index: "src/index.ts", schema: "src/schema-entry.ts" }, format: ["cjs"], dts: true, minifyWhitespace: true, minifySyntax: true },
  {
    ...common,
    entry: { node: "src/node.ts" },
    format: ["cjs"],
    // The build above writes metafile-cjs.json too: two writers of one file raced (a torn JSON). What node.cjs
    // bundles is in the ESM build's metafile already (its node entry).
    metafile: false,
    dts: true,
    minifyWhitespace: true,
    minifySyntax: true,
    esbuildPlugins: [mainEntryAsExternal],
  },
]);
