/**
 * `npm run page`: page/dist/index.html, one file that opens from disk with no server: the page's script
 * (the library's core included) bundled for the browser, minified and inlined into page/index.html.
 */
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const PAGE = join(here, "dist", "index.html");

export async function buildPage(): Promise<{ file: string; bytes: number }> {
  const options = { bundle: true, minify: true, format: "iife", platform: "browser", target: "es2022", charset: "utf8", write: false, logLevel: "error" } as const;
  // The analysis worker (the library's core) is built first and handed to the page as a string: the page
  // starts it from a blob: URL, so that the one file still opens from disk.
  const worker = await build({ ...options, entryPoints: [join(here, "src", "worker.ts")] });
  const result = await build({
    ...options,
    entryPoints: [join(here, "src", "main.ts")],
    define: { __VNCITE_WORKER__: JSON.stringify((worker.outputFiles[0] as { text: string }).text) },
  });
  // Inline: nothing in the script may end the <script> element or open an HTML comment inside it.
  const script = (result.outputFiles[0] as { text: string }).text.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
  const template = readFileSync(join(here, "index.html"), "utf8");
  const html = template.replace("<!--vncite-bundle-->", () => `<script>${script}</script>`);
  mkdirSync(dirname(PAGE), { recursive: true });
  writeFileSync(PAGE, html);
  return { file: PAGE, bytes: Buffer.byteLength(html) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { file, bytes } = await buildPage();
  console.log(`${file}: ${(bytes / 1024).toFixed(0)} KB`);
}
