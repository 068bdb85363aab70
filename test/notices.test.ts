// dist/THIRD-PARTY-NOTICES.md names every package whose code a build puts in dist/, with its licence text: the
// list is read from a fresh bundle of the same entries here, so a new bundled package cannot go unnoticed.
import { build, type Metafile } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { bundledPackages, notices } from "../scripts/notices.mjs";
import { bundled } from "../tsup.config.js";

const root = join(import.meta.dirname, "..");

it("lists every bundled package with its licence, as the build writes it", async () => {
  const result = await build({
    entryPoints: ["src/index.ts", "src/node.ts", "src/schema-entry.ts", "src/cli/bin.ts", "src/cli/worker.ts"].map((e) => join(root, e)),
    bundle: true, splitting: true, format: "esm", platform: "node", outdir: "out", write: false, metafile: true, logLevel: "silent",
    // What tsup leaves external: every package it is not told to bundle.
    plugins: [{
      name: "external-but-bundled",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : (args.path.split("/")[0] as string);
          return bundled.some((x) => (typeof x === "string" ? x === name : x.test(name))) ? undefined : { path: args.path, external: true };
        });
      },
    }],
  });
  const packages: Map<string, string> = bundledPackages(result.metafile as Metafile);
  expect([...packages.keys()]).toEqual([
    "@chevrotain/gast", "@chevrotain/regexp-to-ast", "@chevrotain/utils", "chevrotain", "fastest-levenshtein", "lodash-es", "luxon", "papaparse",
  ]);
  const text: string = notices(packages);
  expect(text).toContain("## chevrotain 11."); // name and version
  expect(text.match(/Apache License\s+Version 2\.0/g)).toHaveLength(4); // chevrotain's own four packages
  expect(text).toContain("Copyright OpenJS Foundation and other contributors"); // lodash-es
  for (const name of ["papaparse", "luxon", "fastest-levenshtein", "lodash-es"]) expect(text).toMatch(new RegExp(`## ${name} \\S+ \\(MIT\\)`));
  expect(text.match(/Permission is hereby granted, free of charge/g)?.length).toBeGreaterThanOrEqual(4);
  // After `npm run build` (CI builds before the tests), the file in dist/ is this one.
  const built = join(root, "dist", "THIRD-PARTY-NOTICES.md");
  if (existsSync(built)) expect(readFileSync(built, "utf8").match(/^## .*$/gm)).toEqual(text.match(/^## .*$/gm));
});
