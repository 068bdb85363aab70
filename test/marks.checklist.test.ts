// A CheckList-style suite generated from the verb tables (grammar/relations.json): every preamble, purpose, title and
// act verb × every print of it (marked, the whole text without marks, NFD, `Ð` for `Đ`, the verb in capitals, without
// marks and in capitals, a line break after the verb, with and without marks) in a small document → the relation the
// table gives. The documents and the expected relations are written here from the tables, never from the code's
// output. Then layout headings, pinpoints and a date without marks, and the tables folded without marks (a verb
// matched without its marks must find one entry).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import documentJson from "../grammar/document.json";
import relationsJson from "../grammar/relations.json";
import { readLayout } from "../src/document/layout/grammar.js";
import { parseDocument } from "../src/document/document.js";
import { fold, phrase } from "../src/document/verbs.js";
import { findPinpoints } from "../src/index.js";
import { strip as noMarks } from "./noise.js";

const capitalized = (v: string) => (v[0] as string).toUpperCase() + v.slice(1);

interface Print {
  id: string;
  /** The verb as printed. */
  verb: (v: string) => string;
  /** The whole document as printed. */
  text: (t: string) => string;
}
const PRINTS: Print[] = [
  { id: "marked", verb: (v) => v, text: (t) => t },
  { id: "no marks", verb: (v) => v, text: noMarks },
  { id: "NFD", verb: (v) => v, text: (t) => t.normalize("NFD") },
  { id: "Ð", verb: (v) => v, text: (t) => t.replace(/Đ/g, "Ð") },
  { id: "capitals", verb: (v) => v.toUpperCase(), text: (t) => t },
  { id: "no marks, capitals", verb: (v) => v.toUpperCase(), text: noMarks },
  { id: "line break", verb: (v) => `${v}\n`, text: (t) => t },
  { id: "no marks, line break", verb: (v) => `${v}\n`, text: noMarks },
];

const HEAD = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 10/2024/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc quản lý chợ\n";
const PLAN_HEAD = "BAN THƯỜNG VỤ HUYỆN ỦY\nSố 30-KH/HU\nKẾ HOẠCH\n";
const PLAN_BODY = "Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n";
const DECISION = "Quyết định số 15/2018/QĐ-UBND ngày 5 tháng 3 năm 2018 của Ủy ban nhân dân tỉnh Nghệ An";

/** A capability: the verbs of a table, each in a document built around it, and the document it relates to. */
interface Capability {
  id: string;
  verbs: readonly { verb: string; relation: string }[];
  document: (verb: string) => string;
  cited: string;
  rule: string;
  /** Prints this capability is not read in, and why. */
  skip?: readonly string[];
}
const CAPABILITIES: Capability[] = [
  {
    id: "preamble",
    verbs: relationsJson.preamble,
    document: (v) => `${HEAD}${capitalized(v)} Nghị định số 12/2020/NĐ-CP ngày 5 tháng 3 năm 2020 của Chính phủ;\nTheo đề nghị của Giám đốc Sở Công Thương.\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế quản lý chợ.\n`,
    cited: "12/2020/NĐ-CP",
    rule: "preamble",
  },
  {
    id: "purpose",
    // `căn cứ` opens a purpose clause as a basis: its rule is the preamble's.
    verbs: relationsJson.verbs.filter((v) => v.relation !== "basedOn"),
    document: (v) => `${PLAN_HEAD}${capitalized(v)} Kế hoạch số 25-KH/TU ngày 5/3/2020 của Ban Thường vụ Tỉnh ủy, ${PLAN_BODY}`,
    cited: "25-KH/TU",
    rule: "purpose",
  },
  {
    id: "spread, then a verb",
    // What a text spreads opens its clause joined to a verb: `Tuyên truyền và thực hiện Kế hoạch …` implements.
    verbs: relationsJson.purpose,
    document: (v) => `${PLAN_HEAD}${capitalized(v)} và thực hiện Kế hoạch số 25-KH/TU ngày 5/3/2020 của Ban Thường vụ Tỉnh ủy, ${PLAN_BODY}`,
    cited: "25-KH/TU",
    rule: "purpose",
  },
  {
    id: "article",
    verbs: relationsJson.acts,
    document: (v) => `${HEAD}QUYẾT ĐỊNH:\nĐiều 1. ${capitalized(v)} ${DECISION}.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n`,
    cited: "15/2018/QĐ-UBND",
    rule: "article",
  },
  {
    id: "after what it acts on",
    verbs: relationsJson.postposed,
    document: (v) =>
      `${HEAD}QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế quản lý chợ.\nĐiều 2. Hiệu lực thi hành\n` +
      `Kể từ ngày Quyết định này có hiệu lực thi hành, ${DECISION} ${v}.\n`,
    cited: "15/2018/QĐ-UBND",
    rule: "article",
    // `… của Ủy ban nhân dân tỉnh Nghệ An HẾT HIỆU LỰC`: words in capitals after a body are read as its name (marked
    // or not), so no verb follows the citation.
    skip: ["capitals", "no marks, capitals"],
  },
];

const CASES = CAPABILITIES.flatMap((c) =>
  c.verbs.flatMap((v) => PRINTS.filter((p) => !c.skip?.includes(p.id)).map((p) => ({ capability: c.id, print: p.id, verb: v.verb, text: p.text(c.document(p.verb(v.verb)).replace(/ \n/g, "\n")), cited: c.cited, relation: c.id === "spread, then a verb" ? "implements" : v.relation, rule: c.rule }))),
);

describe("verbs of the tables in every print", () => {
  const failures = CASES.flatMap((k) => {
    const d = parseDocument(k.text, { id: "case" });
    const got = d.cited.find((c) => c.key === k.cited);
    return got?.relation === k.relation && got.rule === k.rule ? [] : [`${k.capability} · ${k.print} · ${k.verb}: ${got?.relation ?? "not cited"} (${got?.rule ?? "-"}) ≠ ${k.relation} (${k.rule})`];
  });
  it(`${CASES.length} cases (${CAPABILITIES.length} capabilities × their verbs × up to ${PRINTS.length} prints): each reads the table's relation`, () => {
    expect(CASES.length).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });
});

describe("layout, pinpoints and dates without marks", () => {
  const LAYOUT = "Phần thứ nhất\nChương II\nMục 1\nĐiều 5. Hiệu lực thi hành\n1. Khoản một.\na) Điểm a.\nĐiều 6. Trách nhiệm thi hành\nPHỤ LỤC I\n";
  it.each([
    ["marked", LAYOUT],
    ["no marks", noMarks(LAYOUT)],
    ["no marks, \\r\\n", noMarks(LAYOUT).replace(/\n/g, "\r\n")],
  ])("reads the headings of a text %s", (_print, text) => {
    const layout = readLayout(text);
    expect(layout.lines.map((l) => [l.kind, l.number])).toEqual([
      ["part", "thứ nhất"], ["chapter", "II"], ["section", "1"], ["article", "5"], ["clause", "1"], ["point", "a"], ["article", "6"], ["appendix", "I"],
    ].map(([kind, number]) => [kind, _print === "marked" || kind !== "part" ? number : noMarks(number as string)]));
  });

  // Stripping the marks of a composed text keeps its length: the layout of the copy is the layout of the text.
  it("reads the same layout in any text and its copy without marks", () => {
    const pieces = ["Điều", " 5", ".", ":", "\n", "\r\n", "Chương", " II", "Phần thứ nhất", "Mục", " 1", "1.", "a)", "đ)", "[...]", "Căn cứ", "Trên cơ sở",
      "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "*", " ", "GIA ", "Phụ lục", "PHỤ LỤC", "Bãi bỏ", "như sau", "x"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join("")), (text) => {
        const copy = noMarks(text);
        expect(copy.length).toBe(text.length);
        const marked = readLayout(text);
        // A number read from words (`thứ nhất`) is read without marks in the copy.
        expect(readLayout(copy)).toEqual(JSON.parse(JSON.stringify(marked), (k, v) => (k === "number" && typeof v === "string" ? noMarks(v) : v)));
      }),
    );
  });

  it.each([
    ["khoản 2 Điều 3", [{ clause: "2", article: "3" }]],
    ["khoan 2 Dieu 3", [{ clause: "2", article: "3" }]],
    ["khoản 2 Dieu 3", [{ clause: "2", article: "3" }]],
    ["diem a, b khoan 1 Dieu 12", [{ point: "a", clause: "1", article: "12" }, { point: "b", clause: "1", article: "12" }]],
    ["cac khoan 1, 2 va 4 Dieu 8", ["1", "2", "4"].map((clause) => ({ clause, article: "8" }))],
    ["tu Dieu 5 den Dieu 7", ["5", "6", "7"].map((article) => ({ article }))],
    ["Chuong II", [{ chapter: "II" }]],
    ["Phu luc I", [{ appendix: "I" }]],
  ])("reads the pinpoint %s", (pinpoint, paths) => {
    const found = findPinpoints(`Thực hiện theo ${pinpoint} của Nghị định số 12/2020/NĐ-CP.`);
    expect(found.map((p) => p.paths)).toEqual([paths]);
  });

  it.each(["ngày 5 tháng 3 năm 2024", "ngay 5 thang 3 nam 2024", "Ngay 5 thang 3 nam 2024", "ngày 5 thang 3 năm 2024"])("reads the document's date %s", (date) => {
    const d = parseDocument(`ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 10/2024/QĐ-UBND\nNghệ An, ${date}\nQUYẾT ĐỊNH\nVề việc quản lý chợ\n`, { id: "date" });
    expect(d.date?.value).toBe("2024-03-05");
  });
});

describe("a document and its copy without marks", () => {
  // Lines of a decision, each citing its own number: any arrangement reads the same relations and pinpoints in the
  // copy without marks as in the text.
  const LINES = [
    (n: number) => `Căn cứ Nghị định số ${n}/2020/NĐ-CP ngày 5 tháng 3 năm 2020 của Chính phủ;`,
    (n: number) => `Trên cơ sở Thông tư số ${n}/2019/TT-BTC của Bộ Tài chính;`,
    (n: number) => `Thực hiện Kế hoạch số ${n}-KH/TU ngày 5/3/2020 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh quyết định như sau:`,
    () => "QUYẾT ĐỊNH:",
    (n: number) => `Điều ${n % 9 + 1}. Bãi bỏ Quyết định số ${n}/2018/QĐ-UBND ngày 5 tháng 3 năm 2018 của Ủy ban nhân dân tỉnh.`,
    (n: number) => `Điều ${n % 9 + 1}. Sửa đổi, bổ sung khoản 2 Điều 3 Thông tư số ${n}/2016/TT-BTC của Bộ Tài chính.`,
    (n: number) => `Điều ${n % 9 + 1}. Đính chính điểm a khoản 1 Điều 5 Quyết định số ${n}/2017/QĐ-UBND.`,
    () => "Bãi bỏ các quyết định sau:",
    (n: number) => `${n % 9 + 1}. Quyết định số ${n}/2015/QĐ-UBND ngày 1 tháng 2 năm 2015;`,
    (n: number) => `Chương ${["I", "II", "III"][n % 3]}`,
    (n: number) => `Thực hiện theo quy định tại các khoản ${n % 5 + 1}, ${n % 5 + 2} Điều ${n % 7 + 1} Luật Đất đai số 31/2024/QH15.`,
  ];
  const read = (text: string) => {
    const d = parseDocument(text, { id: "x" });
    return {
      cited: d.cited.map((c) => [c.key, c.relation, c.rule]),
      pinpoints: [...d.pinpoints, ...d.mentions.flatMap((m) => m.pinpoints)].map((p) => [p.start, p.end, p.paths]),
      date: d.date?.value,
    };
  };
  it("reads the same relations and pinpoints", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: LINES.length - 1 }), fc.integer({ min: 10, max: 99 })), { maxLength: 12 }), (picks) => {
        const text = `${HEAD}${picks.map(([line, n]) => (LINES[line] as (n: number) => string)(n)).join("\n")}\n`;
        expect(read(noMarks(text))).toEqual(read(text));
      }),
      { numRuns: 150 },
    );
  });
});

describe("the tables folded without marks", () => {
  // A verb matched without its marks is looked up folded: two entries of one table that fold alike must mean the
  // same (`hủy bỏ` and `huỷ bỏ` both repeal); otherwise `Bai bo` could not say which it is.
  const TABLES: Record<string, readonly { verb: string; relation: string; action?: string }[]> = {
    "preamble + verbs + purpose (a title or an opening)": [...relationsJson.preamble, ...relationsJson.verbs, ...relationsJson.purpose],
    acts: relationsJson.acts,
    postposed: relationsJson.postposed,
    passive: relationsJson.passive,
  };
  it.each(Object.entries(TABLES))("%s: no two entries fold alike with different meanings", (_name, entries) => {
    const meaning = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      const key = fold(e.verb);
      const said = `${e.relation} ${e.action ?? ""}`;
      if (meaning.has(key) && meaning.get(key) !== said) clashes.push(`${e.verb}: ${meaning.get(key)} / ${said}`);
      meaning.set(key, said);
    }
    expect(clashes).toEqual([]);
  });
  it("the pinpoint's level words fold apart", () => {
    const levels = documentJson.pinpoint.levels.map((l) => fold(l.word));
    expect(new Set(levels).size).toBe(levels.length);
  });
  it.each([
    ["Bãi bỏ", true], ["Bai bo", true], ["Bãi bo", true], ["BAI BO", true], ["Bài bộ", false], ["Bai bộ", false], ["Bai bỏ", true], ["Bải bo", false],
  ])("a table phrase matches each word with its own marks or none: %s → %s", (printed, matches) => {
    expect(new RegExp(`^(?:${phrase("bãi bỏ")})$`, "iu").test(printed)).toBe(matches);
  });
  it.each([["đã", true], ["da", true], ["DA", true], ["đa", false], ["dã", false], ["Đà", false]])(
    "a word with some of its marks is another word: %s is `đã` → %s",
    (printed, matches) => expect(new RegExp(`^(?:${phrase("đã")})$`, "iu").test(printed)).toBe(matches),
  );
  // `tối đa`, `đa dạng` (common in plans) read as the past marker `đã` once made a purpose clause a report.
  it.each(["huy động tối đa nguồn lực", "xây dựng kế hoạch đa dạng hóa nguồn lực"])("a purpose clause with `%s` implements", (words) => {
    const d = parseDocument(`Thực hiện Nghị quyết số 20-NQ/TW, Ban Thường vụ ${words}, xây dựng kế hoạch:\n`, { id: "đa" });
    expect(d.mentions.map((m) => `${m.relation}/${m.rule}`)).toEqual(["implements/purpose"]);
  });
  // `trọng`, `tài`, `Đề` are no breakers `trong`, `tại`, `để`: a stated relation runs over them.
  it.each([
    ["thực hiện Đề án Nghị quyết số 20-NQ/TW", "416/QĐ-TTg implements 20-NQ/TW"],
    ["về thực hiện nhiệm vụ trọng tâm Nghị quyết số 20-NQ/TW", "416/QĐ-TTg implements 20-NQ/TW"],
    ["hướng dẫn thuế tài nguyên Nghị định số 15/2020/NĐ-CP", "416/QĐ-TTg guides 15/2020/NĐ-CP"],
  ])("a word with other marks breaks no stated relation: Quyết định … %s", (tail, stated) => {
    const d = parseDocument(`Báo cáo Quyết định số 416/QĐ-TTg ${tail}.\n`, { id: "breakers" });
    expect(d.statedRelations.map((r) => `${r.from} ${r.relation} ${r.to}`)).toEqual([stated]);
  });
  it("a verb with other marks is no act: `Điều 1. Bài bộ …` mentions", () => {
    const d = parseDocument(`${HEAD}QUYẾT ĐỊNH:\nĐiều 1. Bài bộ ${DECISION}.\n`, { id: "other marks" });
    expect(d.cited.find((c) => c.key === "15/2018/QĐ-UBND")?.relation).toBe("mentions");
  });
  it("folds case, spacing, commas and marks", () => {
    expect(fold("Sửa đổi,\n BỔ SUNG")).toBe("sua doi bo sung");
    expect(fold("ĐÍNH CHÍNH")).toBe("dinh chinh");
  });
});
