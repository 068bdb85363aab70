// npm run diagram: writes the parsers' syntax diagrams (open them in a browser): the citation grammar to
// grammar/diagram.html, the layout grammar (a document's lines) and that of its own acts to grammar/layout-diagram.html.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { layoutDiagramHtml } from "../src/document/acts.js";
import { syntaxDiagramHtml } from "../src/extract/parse.js";

for (const [file, html] of [["diagram.html", syntaxDiagramHtml()], ["layout-diagram.html", layoutDiagramHtml()]] as const) {
  const out = join(import.meta.dirname, "..", "grammar", file);
  writeFileSync(out, html);
  console.log(`wrote ${out}`);
}
