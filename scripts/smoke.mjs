// The built package, loaded the two ways users load it (ESM import and CommonJS require), does its main job.
import { createRequire } from "node:module";

const text = "Căn cứ Nghị định số 30/2020/NĐ-CP; thực hiện Kết luận số 93-NQ/TW.";
const esm = await import("../dist/index.js");
const cjs = createRequire(import.meta.url)("../dist/index.cjs");
for (const [name, api] of [["esm", esm], ["cjs", cjs]]) {
  const keys = api.extract(text).map((c) => c.key).join(" ");
  const codes = api.check(text).map((d) => d.code).join(" ");
  const g = new api.CitationGraph();
  g.add(api.parseDocument(text, { id: "smoke" }));
  const path = g.path("smoke", "30/2020/NĐ-CP")?.join(" → ");
  const expected = "30/2020/NĐ-CP 93-NQ/TW|type-code-mismatch|smoke → 30/2020/NĐ-CP";
  const got = `${keys}|${codes}|${path}`;
  if (got !== expected) throw new Error(`${name} build: expected ${expected}, got ${got}`);
  console.log(`${name} build: ok`);
}
