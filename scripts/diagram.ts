// npm run diagram: writes the parser's syntax diagram to grammar/diagram.html (open it in a browser).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { syntaxDiagramHtml } from "../src/extract/parse.js";

const out = join(import.meta.dirname, "..", "grammar", "diagram.html");
writeFileSync(out, syntaxDiagramHtml());
console.log(`wrote ${out}`);
