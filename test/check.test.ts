// check(): the seeds' diagnostics as hand-listed, one positive and one negative case per code, and registries.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CitationGraph, check, checkCorpus, parseDocument } from "../src/index.js";
import { DiagnosticSchema } from "../src/schema-entry.js";
import { Registry } from "../src/node.js";

const dir = join(import.meta.dirname, "..", "fixtures");

describe.each(readdirSync(dir).filter((f) => f.endsWith(".check.json")))("%s", (file) => {
  const id = file.replace(".check.json", "");
  const text = readFileSync(join(dir, `${id}.txt`), "utf8");
  it("gives exactly the hand-listed diagnostics", () => {
    const expected = JSON.parse(readFileSync(join(dir, file), "utf8"));
    const actual = check(text, { id }).map((d) => ({
      code: d.code, severity: d.severity, line: text.slice(0, d.start).split("\n").length, text: text.slice(d.start, d.end), fix: d.fix,
    }));
    expect(actual).toEqual(expected);
  });
  it("gives valid diagnostics in both languages", () => {
    for (const d of check(text, { id })) {
      expect(() => DiagnosticSchema.parse(d)).not.toThrow();
      expect(d.message).not.toBe("");
      expect(d.messageVi).not.toBe(d.message);
    }
  });
});

const codes = (text: string, registry?: Registry) => check(text, registry ? { registry } : {}).map((d) => d.code);

describe("each code, positive and negative", () => {
  it.each([
    ["type-code-mismatch", "Thực hiện Kết luận số 93-NQ/TW.", "Thực hiện Kết luận số 93-KL/TW."],
    ["type-code-mismatch", "Chương trình hành động số 77-CT/TU.", "Chương trình hành động số 77-CTr/TU."],
    ["inconsistent-citation", "Căn cứ Chương trình hành động số 77-CT/TU và Chương trình hành động số 77-CTr/TU.", "Căn cứ Chương trình hành động số 77-CTr/TU và Chương trình hành động số 77-CTr/TU."],
    ["inconsistent-citation", "Căn cứ Nghị quyết số 20-NQ/TW, ngày 01/11/2012; Nghị quyết số 20-NQ/TW, ngày 02/11/2012.", "Căn cứ Nghị quyết số 20-NQ/TW, ngày 01/11/2012; Nghị quyết số 20-NQ/TW, ngày 01/11/2012."],
    ["inconsistent-citation", "Kế hoạch số 5-KH/TU của Ban Thường vụ Tỉnh ủy; Kế hoạch số 5-KH/TU của Ban Tuyên giáo Tỉnh ủy.", "Kế hoạch số 5-KH/TU của Ban Thường vụ Tỉnh ủy; Kế hoạch số 5-KH/TU của Tỉnh ủy."],
    // One body in two spellings is one body (issuedByKey); two bodies are two.
    ["inconsistent-citation", "Kết luận số 69-KL/TW, ngày 11/01/2024 của Ban Bí thư; Kết luận số 69-KL/TW, ngày 11/01/2024 của Bộ Chính trị.", "Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của BCH Trung ương Đảng; Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng."],
    ["inconsistent-citation", "Kế hoạch số 25-KH/TU của Ban Thường vụ Tỉnh uỷ; Kế hoạch số 25-KH/TU của Ban Tổ chức Tỉnh ủy.", "Kế hoạch số 25-KH/TU của Ban Thường vụ Tỉnh uỷ; Kế hoạch số 25-KH/TU của BTV Tỉnh ủy."],
    ["inconsistent-citation", "Nghị quyết số 20-NQ/TW (khóa XI); Nghị quyết số 20-NQ/TW (khóa XII).", "Nghị quyết số 20-NQ/TW (khóa XI); Nghị quyết số 20-NQ/TW (khoá XI)."],
    ["incomplete-identifier", "Quán triệt Kết luận số 69-KL.", "Quán triệt Kết luận số 69-KL/TW."],
    ["malformed-identifier", "Kế hoạch số 77 KH/TU.", "Kế hoạch số 77-KH/TU."],
    ["invalid-date", "Kế hoạch số 5-KH/TU ngày 31/02/2022.", "Kế hoạch số 5-KH/TU ngày 28/02/2022."],
    ["invalid-date", "Kế hoạch số 5-KH/TU ngày 12/13/2022.", "Kế hoạch số 5-KH/TU ngày 12/12/2022."],
    ["date-after-document", "Hà Nội, ngày 05 tháng 3 năm 2020\n\nCăn cứ Nghị định số 31/2021/NĐ-CP ngày 26/3/2021.", "Hà Nội, ngày 05 tháng 3 năm 2022\n\nCăn cứ Nghị định số 31/2021/NĐ-CP ngày 26/3/2021."],
    ["date-after-document", "Huyện X, ngày   tháng 02 năm 2025\n\nCăn cứ Công văn số 1/LĐLĐ, ngày 14/03/2025.", "Huyện X, ngày   tháng 02 năm 2025\n\nCăn cứ Công văn số 1/LĐLĐ, ngày 14/02/2025."],
    ["year-mismatch", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2021.", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020."],
    ["issuer-mismatch", "Kế hoạch số 116-KH/TU của Ban Thường vụ Huyện ủy.", "Kế hoạch số 116-KH/TU của Ban Thường vụ Tỉnh ủy."],
    ["issuer-mismatch", "Nghị định số 30/2020/NĐ-CP của Bộ Tài chính.", "Nghị định số 30/2020/NĐ-CP của Chính phủ."],
    ["term-mismatch", "Nghị quyết số 20-NQ/TW, ngày 01/11/2012 (khóa XII).", "Nghị quyết số 20-NQ/TW, ngày 01/11/2012 (khóa XI)."],
    ["term-mismatch", "Chỉ thị số 42-CT/TW, ngày 16/4/2010 của Bộ Chính trị (khóa XI).", "Chỉ thị số 42-CT/TW, ngày 16/4/2010 của Bộ Chính trị (khóa X)."],
    ["term-mismatch", "Luật số 59/2020/QH13 ngày 17/6/2020.", "Luật số 59/2020/QH14 ngày 17/6/2020."],
    ["unknown-type-code", "Văn bản số 12-XYZ/TU.", "Văn bản số 12-KH/TU."],
    ["unknown-issuer", "Kế hoạch số 12-KH/ZZQ.", "Kế hoạch số 12-KH/HU."],
  ])("%s: %s", (code, positive, negative) => {
    expect(codes(positive)).toContain(code);
    expect(codes(negative)).not.toContain(code);
  });

  it("points an inconsistency at both places and suggests the consistent form", () => {
    const text = "Căn cứ Kết luận số 93-KL/TW; quán triệt Kết luận số 93-NQ/TW.";
    const d = check(text).find((x) => x.code === "inconsistent-citation");
    expect(text.slice(d!.start, d!.end)).toBe("93-NQ/TW");
    expect(d?.fix).toBe("93-KL/TW");
  });

  it("rejects what is not a string", () => {
    expect(() => check(undefined as unknown as string)).toThrow(TypeError);
  });
});

describe("registry", () => {
  const csv = Registry.load(join(dir, "registry.csv"));
  const json = Registry.load(join(dir, "registry.json"));

  it("loads CSV and JSON rows, canonical keys and dates", () => {
    expect(csv.size).toBe(5);
    expect(csv.get("42-CT/TW")?.date).toBe("2010-04-16");
    expect(csv.get("1/2011/TT-BNV")?.status).toBe("replaced");
    expect(csv.get("50-KL/TW")?.issuedBy).toBe("Ban Bí thư");
    expect(json.get("8-QĐi/TW")?.kind).toBe("Quy định");
    expect(json.get("73/CP")?.status).toBe("repealed");
  });

  it.each([
    ["not-in-registry", "Căn cứ Nghị định số 99/2099/NĐ-CP.", "Căn cứ Nghị định số 30/2020/NĐ-CP."],
    ["registry-mismatch", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 06/3/2020.", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020."],
    ["registry-mismatch", "Căn cứ Nghị quyết số 20-NQ/TW của Bộ Chính trị.", "Căn cứ Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng."],
    ["registry-mismatch", "Căn cứ Nghị định số 30/2020/NĐ-CP về công tác thi đua.", "Căn cứ Nghị định số 30/2020/NĐ-CP về công tác văn thư."],
    ["registry-mismatch", "Căn cứ Quyết định số 42-CT/TW.", "Căn cứ Chỉ thị số 42-CT/TW."],
    ["cites-repealed", "Căn cứ Thông tư số 01/2011/TT-BNV.", "Căn cứ Nghị định số 30/2020/NĐ-CP."],
  ])("%s: %s", (code, positive, negative) => {
    expect(codes(positive, csv)).toContain(code);
    expect(codes(negative, csv)).not.toContain(code);
  });

  it("says which field differs", () => {
    const d = check("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 06/3/2020.", { registry: csv }).find((x) => x.code === "registry-mismatch");
    expect(d?.message).toBe("30/2020/NĐ-CP: the date cited (2020-03-06) differs from the registry (2020-03-05).");
  });
});

describe("across a corpus (checkCorpus, from the graph)", () => {
  const SEEDS = ["000_1db0ab688705c645", "001_57220ce583489b87", "002_279a46a1877946ee", "004_174a28dc88bcd672"];
  const graph = new CitationGraph();
  for (const id of SEEDS) graph.add(parseDocument(readFileSync(join(dir, `${id}.txt`), "utf8"), { id }));

  it("flags each place that spells a document with the code that contradicts its kind", () => {
    const found = checkCorpus(graph).map(({ doc, diagnostic: d }) => {
      const text = readFileSync(join(dir, `${doc}.txt`), "utf8");
      return [doc, text.slice(d.start, d.end), d.fix];
    });
    expect(found).toEqual([
      ["001_57220ce583489b87", "77-CT/TU", "77-CTr/TU"],
      ["001_57220ce583489b87", "77-CT/TU", "77-CTr/TU"],
      ["001_57220ce583489b87", "77 CT/TU", "77-CTr/TU"],
      ["004_174a28dc88bcd672", "93-NQ/TW", "93-KL/TW"],
    ]);
  });

  it("takes the most frequent form when the kind does not decide", () => {
    const g = new CitationGraph();
    g.add(parseDocument("Căn cứ văn bản số 5-XY/TU.", { id: "a" }));
    g.add(parseDocument("Căn cứ văn bản số 5-XY/TU.", { id: "b" }));
    g.add(parseDocument("Căn cứ văn bản số 5-XZ/TU.", { id: "c" }));
    expect(checkCorpus(g).map((x) => [x.doc, x.diagnostic.fix])).toEqual([["c", "5-XY/TU"]]);
  });
});
