// A draft checked in CI: each problem as a GitHub Actions annotation on its line, and a failing exit code when
// one is an error. Run: npx tsx examples/check-draft.ts draft.txt [registry.csv]
import { readFileSync } from "node:fs";
import { check, Registry } from "vncite/node";

const [file, registryFile] = process.argv.slice(2);
if (!file) throw new Error("usage: check-draft <draft.txt> [registry.csv|registry.json]");
const text = readFileSync(file, "utf8");
// Registry.load (vncite/node) reads a CSV or JSON list of known documents: cited ones are checked against it.
const registry = registryFile ? Registry.load(registryFile) : undefined;
const diagnostics = check(text, { id: file, ...(registry ? { registry } : {}) });

for (const d of diagnostics) {
  const level = d.severity === "info" ? "notice" : d.severity;
  console.log(`::${level} file=${file},line=${d.line},col=${d.column},title=${d.code}::${d.message}`);
}
console.log(`${diagnostics.length} diagnostic(s) in ${file}`);
if (diagnostics.some((d) => d.severity === "error")) process.exitCode = 1;
