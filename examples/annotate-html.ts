// A text as an HTML page, each citation a link with its key in the title and each problem underlined.
// Run: npx tsx examples/annotate-html.ts text.txt > text.html
import { readFileSync } from "node:fs";
import { annotate, check, escapeHtml, extract } from "vncite";

const file = process.argv[2];
if (!file) throw new Error("usage: annotate-html <text.txt>");
const text = readFileSync(file, "utf8");
const body = annotate(
  text,
  extract(text),
  (c) => [`<a class="citation" href="#${encodeURIComponent(c.key ?? "")}" title="${escapeHtml(c.key ?? "unknown")}">`, "</a>"],
  // Diagnostics get <span class="vncite-error|warning|info" data-code="…"> by default.
  { diagnostics: check(text) },
);
console.log(`<!doctype html>
<meta charset="utf-8">
<title>${escapeHtml(file)}</title>
<style>.vncite-warning, .vncite-error { text-decoration: underline wavy; } pre { white-space: pre-wrap; }</style>
<pre>${body}</pre>`);
