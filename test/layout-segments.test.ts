// Where the preamble and purpose readers look for a clause's verb: the layout's segments (src/document/layout/segments.ts)
// and the article headings it reads inside a line. Expected offsets read off the texts by hand.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readLayout } from "../src/document/layout/grammar.js";
import { segmentStarts } from "../src/document/layout/segments.js";
import relationsJson from "../grammar/relations.json";
import { parseDocument } from "../src/index.js";

const segments = (text: string, limit = text.length) => segmentStarts(text, readLayout(text).lines, limit);
const words = (text: string, starts: number[]) => starts.map((at) => text.slice(at, at + 6));

describe("segmentStarts", () => {
  const text = [
    "QUYẾT ĐỊNH",
    "VỀ VIỆC THU HỒI Căn cứ Luật A;  - Căn cứ Nghị định B. Xét đề nghị",
    "  • Thực hiện Kế hoạch: nội dung 1.5 tỷ, số 30/2020.x và căn cứ khác",
    "Điều 1. Bãi bỏ; Căn cứ",
  ].join("\n");
  it("opens one at each line's words (after bullets), after `;`, after `.` or `:` before a space, at a capitalized preamble verb", () => {
    expect(words(text, segments(text, text.indexOf("Điều")))).toEqual(["QUYẾT ", "VỀ VIỆ", "Căn cứ", "Căn cứ", "Xét đề", "Thực h", "nội du"]);
  });
  it("reads no segment past the limit, nor a verb that runs over it", () => {
    const limit = text.indexOf("cứ Luật");
    expect(words(text, segments(text, limit))).toEqual(["QUYẾT ", "VỀ VIỆ"]);
  });
  it("takes `căn cứ` in lower case, `1.5`, `30/2020.x` for no segment; a `Căn cứ` broken over a line is one", () => {
    const broken = "THU HỒI Căn\ncứ Luật A";
    expect(segments(broken)).toEqual([0, broken.indexOf("Căn"), broken.indexOf("cứ")]);
    expect(segments("Căn cứu xét")).toEqual([0]);
  });
  it("gives any string segments in order, each once, inside the text (fast-check)", () => {
    const pieces = ["Căn cứ", "Trên cơ sở", " ", ";", ".", ":", "\n", "\r\n", "\r", "-", "•", "*", "_", "x", "Điều 1.", "\u0300"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((p) => p.join("")), fc.nat(), (text, n) => {
        const limit = text.length === 0 ? 0 : n % (text.length + 1);
        const starts = segments(text, limit);
        for (let i = 1; i < starts.length; i++) expect(starts[i] as number).toBeGreaterThan(starts[i - 1] as number);
        for (const at of starts) expect(at >= 0 && at <= text.length).toBe(true);
      }),
    );
  });
});

describe("inline article headings", () => {
  it("reads every article heading with no letter before its word, split off or not", () => {
    const text = "Căn cứ Luật A; QUYẾT ĐỊNH: Điều 1. Bãi bỏ Quyết định B tại Điều 5 : x; xĐiều 2. y\nĐiều 3. Hiệu lực";
    expect(readLayout(text).inlineArticles).toEqual([
      { start: text.indexOf("Điều 1"), end: text.indexOf("Điều 1") + 7, number: "1" },
      { start: text.indexOf("Điều 5"), end: text.indexOf("Điều 5") + 8, number: "5" },
      { start: text.indexOf("Điều 3"), end: text.indexOf("Điều 3") + 7, number: "3" },
    ]);
  });
});

describe("inline article headings of any string (fast-check)", () => {
  it("are in order, inside the text, each its word, number and `.` or `:`, no letter before", () => {
    const pieces = ["Điều", " ", "1", "2a", ".", ":", " .", "\n", "\r", "x", "GIA ", "\u0300", "Đ", "-", "•"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join("")), (text) => {
        let last = -1;
        for (const h of readLayout(text).inlineArticles) {
          expect(h.start).toBeGreaterThan(last);
          expect(h.start < h.end && h.end <= text.length).toBe(true);
          expect(text.startsWith("Điều", h.start) && text.slice(h.start, h.end).includes(h.number) && /[.:]$/.test(text.slice(h.start, h.end))).toBe(true);
          expect(h.start === 0 || !/\p{L}/u.test(text[h.start - 1] as string)).toBe(true);
          last = h.start;
        }
      }),
    );
  });
});

describe("preamble, purpose and body read from the layout", () => {
  const relations = (text: string) => parseDocument(text).cited.map((c) => [c.key, c.relation, c.rule]);
  const flat =
    "QUYẾT ĐỊNH VỀ VIỆC THU HỒI ĐẤT Căn cứ Luật Đất đai số 31/2024/QH15; Căn cứ Nghị định số 102/2024/NĐ-CP; QUYẾT ĐỊNH: Điều 1. Bãi bỏ Quyết định số 15/2018/QĐ-UBND ngày 5/3/2018 của Ủy ban nhân dân tỉnh. Điều 2. Quyết định này có hiệu lực kể từ ngày ký.";
  const expected = [["31/2024/QH15", "basedOn", "preamble"], ["102/2024/NĐ-CP", "basedOn", "preamble"], ["15/2018/QĐ-UBND", "repeals", "article"]];
  it("a decision flattened onto one line: bases after a title in capitals, its first article inline", () => {
    expect(relations(flat)).toEqual(expected);
  });
  it("the same read from NFD with `Ð`, broken by `\\r\\n` or `\\r` before each basis", () => {
    expect(relations(flat.normalize("NFD").replace(/Đ/g, "Ð"))).toEqual(expected);
    for (const end of ["\r\n", "\r"]) expect(relations(flat.replace(/; Căn cứ/g, `;${end}Căn cứ`))).toEqual(expected);
  });
  it("a basis read as the title (no title line between the heading and the preamble) is still a basis", () => {
    const text = "QUYẾT ĐỊNH\nCăn cứ Luật Đất đai số 31/2024/QH15;\nTrên cơ sở Nghị định số 102/2024/NĐ-CP;\nQUYẾT ĐỊNH:\nĐiều 1. Bãi bỏ Quyết định số 15/2018/QĐ-UBND.";
    expect(relations(text)).toEqual(expected);
  });
  it("a purpose clause after a bullet, the plan's body from its first numbered section", () => {
    const plan = "KẾ HOẠCH\n- Thực hiện Kế hoạch số 25-KH/TU ngày 2/3/2024 của Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Tuyên truyền Nghị quyết số 57-NQ/TW.";
    expect(relations(plan)).toEqual([["25-KH/TU", "implements", "purpose"], ["57-NQ/TW", "mentions", null]]);
  });
});

// CheckList: each preamble verb of the table × where its basis stands in the layout × a perturbation of the text.
// Expected by reading: both bases are the text's bases (`preamble`), the article's act repeals.
describe("bases read at every segment the layout gives (generated: verb × placement × perturbation)", () => {
  const verbs = relationsJson.preamble.map((e) => e.verb[0]?.toUpperCase() + e.verb.slice(1));
  const A = "Luật Đất đai số 31/2024/QH15 ngày 18 tháng 01 năm 2024";
  const B = "Nghị định số 102/2024/NĐ-CP";
  const HEAD = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH\n";
  const BODY = "QUYẾT ĐỊNH:\nĐiều 1. Bãi bỏ Quyết định số 15/2018/QĐ-UBND ngày 5/3/2018 của Ủy ban nhân dân tỉnh.\n";
  const placements: [string, (v: string) => string][] = [
    ["each basis on its line", (v) => `Về việc thu hồi đất\n${v} ${A};\n${v} ${B};\n`],
    ["in capitals on its line", (v) => `Về việc thu hồi đất\n${v.toUpperCase()} ${A};\n${v.toUpperCase()} ${B};\n`],
    ["both on one line after `;`", (v) => `Về việc thu hồi đất\n${v} ${A}; ${v} ${B};\n`],
    ["the second in lower case after `;`", (v) => `Về việc thu hồi đất\n${v} ${A}; ${v.toLowerCase()} ${B};\n`],
    ["after bullets", (v) => `Về việc thu hồi đất\n- ${v} ${A};\n • ${v} ${B};\n`],
    ["after a sentence end", (v) => `Về việc thu hồi đất\n${v} ${A}. ${v} ${B};\n`],
    ["after a title in capitals on the same line", (v) => `VỀ VIỆC THU HỒI ĐẤT ${v} ${A}; ${v} ${B};\n`],
    ["a line break inside the basis", (v) => `Về việc thu hồi đất\n${v} Luật Đất đai\nsố 31/2024/QH15 ngày 18 tháng 01\nnăm 2024;\n${v} ${B};\n`],
  ];
  const perturbations: [string, (t: string) => string][] = [
    ["clean", (t) => t],
    ["NFD with Ð", (t) => t.normalize("NFD").replace(/Đ/g, "Ð")],
    ["\\r\\n", (t) => t.replace(/\n/g, "\r\n")],
    ["\\r", (t) => t.replace(/\n/g, "\r")],
    ["a blank date", (t) => t.replace("ngày 18 tháng 01 năm 2024", "ngày ... tháng ... năm 2024")],
  ];
  const cases = verbs.flatMap((verb) => placements.flatMap(([place, make]) => perturbations.map(([how, perturb]) => ({ verb, place, how, text: perturb(HEAD + make(verb) + BODY) }))));
  const expected = [["31/2024/QH15", "basedOn", "preamble"], ["102/2024/NĐ-CP", "basedOn", "preamble"], ["15/2018/QĐ-UBND", "repeals", "article"]];
  it(`reads ${cases.length} cases`, () => {
    const wrong = cases.filter((c) => JSON.stringify(parseDocument(c.text).cited.map((x) => [x.key, x.relation, x.rule])) !== JSON.stringify(expected));
    expect(wrong.map((c) => `${c.verb} · ${c.place} · ${c.how}`)).toEqual([]);
  });
});
