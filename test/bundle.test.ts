// The main entry bundles for a browser: no Node built-in is reachable from it, it loads where there is no
// Buffer, process or require, and a bundle of `extract` alone leaves out the graph, the registry and the CLI.
import { build, type Metafile } from "esbuild";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { extract } from "../src/index.js";

const root = join(import.meta.dirname, "..");

/** Bundles `contents` (imports of the main entry) as a browser would get it, minified. */
async function bundleForBrowser(contents: string, format: "esm" | "iife" = "esm") {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true, minify: true, format, globalName: "vncite", platform: "browser", write: false, metafile: true, logLevel: "silent",
  });
  const code = result.outputFiles[0] as { contents: Uint8Array; text: string };
  const output = Object.values((result.metafile as Metafile).outputs)[0] as Metafile["outputs"][string];
  // The modules that put code in the bundle (the metafile's inputs also list those tree-shaken away).
  const inputs = Object.entries(output.inputs).flatMap(([file, { bytesInOutput }]) => (bytesInOutput > 0 ? [file] : []));
  return { code: code.text, minified: code.contents.length, gzipped: gzipSync(code.contents).length, inputs };
}

describe("the main entry in Node", () => {
  /** The packages a module's bundle still imports (every package left external, as in dist/). */
  async function packagesImportedBy(entry: string) {
    const result = await build({ entryPoints: [join(root, entry)], bundle: true, packages: "external", platform: "node", format: "esm", write: false, metafile: true, logLevel: "silent" });
    const output = Object.values((result.metafile as Metafile).outputs)[0] as Metafile["outputs"][string];
    return output.imports.filter((i) => i.external).map((i) => i.path);
  }

  it("loads no zod: the schemas are in vncite/schema, which does", async () => {
    const main = await packagesImportedBy("src/index.ts");
    expect(main.filter((p) => /^zod(\/|$)/.test(p))).toEqual([]);
    expect(main).toContain("papaparse"); // the packages are seen (tsup bundles this one into dist)
    expect(await packagesImportedBy("src/schema-entry.ts")).toEqual(expect.arrayContaining(["zod", "zod/mini"]));
  });
});

describe("the main entry in a browser", () => {
  it("bundles with no Node built-in reachable (esbuild fails on fs, path, worker_threads …)", async () => {
    const all = await bundleForBrowser('export * from "./src/index.ts";');
    expect(all.inputs.filter((f) => /^(node:|fs$|path$|os$|worker_threads$|buffer$|stream$)/.test(f))).toEqual([]);
    expect(all.inputs).toContain("src/check/registry.ts");
    expect(all.inputs.some((f) => f.startsWith("src/cli/") || f === "src/node.ts")).toBe(false);
    console.info(`everything: ${(all.minified / 1024).toFixed(0)} KB minified, ${(all.gzipped / 1024).toFixed(0)} KB gzipped`);
  });

  it("loads and runs where there is no Buffer, process or require", async () => {
    const { code } = await bundleForBrowser('export { extract, check, Registry } from "./src/index.ts";', "iife");
    const text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.";
    const sandbox = { TextDecoder, TextEncoder, text, out: null as unknown };
    runInNewContext(`${code}
      const registry = vncite.Registry.fromCsv("key,date\\n30/2020/NĐ-CP,2020-03-05\\n");
      out = { keys: vncite.extract(text).map((c) => c.key), registry: registry.size, codes: vncite.check(text, { registry }).map((d) => d.code) };`, sandbox);
    expect(sandbox.out).toEqual({ keys: extract(text).map((c) => c.key), registry: 1, codes: [] });
    expect(extract(text).map((c) => c.key)).toEqual(["30/2020/NĐ-CP"]);
  });

  it("bundles extract alone without the graph, the registry, the CLI, the schemas or the CSV reader", async () => {
    const only = await bundleForBrowser('export { extract } from "./src/index.ts";');
    const heavy = only.inputs.filter((f) => /^src\/(graph|check|cli|document)\/|^src\/schema\.ts$|node_modules\/(zod|papaparse|graphology)/.test(f));
    expect(heavy).toEqual([]);
    console.info(`extract alone: ${(only.minified / 1024).toFixed(0)} KB minified, ${(only.gzipped / 1024).toFixed(0)} KB gzipped`);
  });
});
