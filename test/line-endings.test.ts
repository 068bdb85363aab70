// Line endings never change an answer (issue 26): `\r\n`, `\r`, U+2028, U+2029 and U+0085 are read as `\n` once, in
// normalize, and counted as line ends by the positions of the original text. Over corpus files, every record of
// extract, parseDocument and check is the one of the same text with `\n`, its spans into its own text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, extract, normalize, parseDocument } from "../src/index.js";
import { main } from "../src/cli/cli.js";
import { positionsIn } from "../src/positions.js";
import { corpusTest, corpusText } from "./helpers/corpus.js";

const END_NAMES: Record<string, string> = { "\r\n": "\\r\\n", "\r": "\\r", "\u2028": "U+2028", "\u2029": "U+2029", "\u0085": "U+0085" };

/** What the three entry points give for `text`. */
const answers = (text: string) => ({ citations: extract(text), document: parseDocument(text, { id: "x" }), diagnostics: check(text) });

/**
 * `value` with every span of a text whose line ends are `end` moved to the same text with `\n`: offsets mapped back
 * (`\r\n` is two characters there), the span's text with its line ends read as `\n`. Everything else as it is.
 */
function asWithNewlines(value: unknown, end: string, text: string): unknown {
  const back = new Int32Array(text.length + 1);
  for (let i = 0, j = 0; i <= text.length; i++) {
    back[i] = j;
    if (!(end === "\r\n" && text[i] === "\r")) j++;
  }
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    const o = v as Record<string, unknown>;
    const isSpan = typeof o.start === "number" && typeof o.end === "number";
    return Object.fromEntries(Object.entries(o).map(([k, x]) => {
      if (isSpan && (k === "start" || k === "end")) return [k, back[x as number]];
      if (isSpan && k === "text" && typeof x === "string") return [k, x.split(end).join("\n")];
      return [k, walk(x)];
    }));
  };
  return walk(value);
}

/** Throws unless every `{ text, start, end }` inside `value` slices `text` to its own text. */
function spansExact(value: unknown, text: string): void {
  if (Array.isArray(value)) return value.forEach((v) => spansExact(v, text));
  if (value === null || typeof value !== "object") return;
  const s = value as { text?: unknown; start?: unknown; end?: unknown };
  if (typeof s.text === "string" && typeof s.start === "number" && typeof s.end === "number") expect(text.slice(s.start, s.end)).toBe(s.text);
  for (const v of Object.values(value)) spansExact(v, text);
}

describe("line endings", () => {
  // Files that differed before (a `\r\n` list of amending laws, consolidated texts), a page, an OCR text, decisions.
  const files = [
    "a_008_page.txt", "a_001_page.txt", "b_087_Van_ban_hop_nhat_01_VBHN_VPQH_nam_2024.txt", "b_091_Van_ban_hop_nhat_04_VBHN_VPQH_nam_2024.txt",
    "b_001_Chi_thi_299_TTg.txt", "b_068_Quyet_dinh_435_QD_UBND_nam_2020.txt", "c_003_sample_ocr_combined_sample_md.txt",
  ];
  const withNewlinesOf = new Map<string, ReturnType<typeof answers>>();
  const withNewlines = (file: string, text: string) => withNewlinesOf.get(file) ?? withNewlinesOf.set(file, answers(text)).get(file);
  it.each(Object.keys(END_NAMES).map((end) => [END_NAMES[end] as string, end]))(corpusTest("%s gives the records `\\n` gives, over corpus files"), (_name, end) => {
    for (const file of files) {
      const text = corpusText(file).replace(/\r\n?/g, "\n");
      if (text === "") continue;
      const other = text.split("\n").join(end);
      const got = answers(other);
      spansExact(got, other);
      expect({ file, ...(asWithNewlines(got, end, other) as object) }).toEqual({ file, ...withNewlines(file, text) });
    }
  });

  // Short texts built from the pieces that read lines: page numbers, lists, dates, bodies, quotations, notes.
  it("any text of citation pieces and line breaks gives the records `\\n` gives, with each kind of line end (fast-check)", () => {
    const piece = fc.constantFrom(
      "\n", "\n\n", "\n12\n", " ", "Căn cứ ", "Nghị định số 30/2020/NĐ-", "CP", " ngày 5/3/2020", " ngày … tháng … năm 20…", " của Chính", "phủ",
      " về việc ", "công tác văn thư;", "Điều 1. ", "được sửa đổi, bổ sung bởi:", "1. Luật số 35/2018/QH14;", "“khoản 2 Điều 3”", "[Khoản này được sửa đổi]",
      "Kết luận số 1, 2, 3-KL/TW", "QUYẾT ĐỊNH", "Hà Nội, ngày 11 tháng 4 năm 2025", "Nghị quyết số 20-NQ/TW ngày 31/02/2012",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.constantFrom(...Object.keys(END_NAMES)), (pieces, end) => {
        const text = pieces.join("");
        const other = text.split("\n").join(end);
        const got = answers(other);
        spansExact(got, other);
        expect(asWithNewlines(got, end, other)).toEqual(answers(text));
      }),
      { seed: 26, numRuns: 150 },
    );
  });

  it("normalize reads each as one `\\n`, the line's end before it in the original", () => {
    const nt = normalize("a\r\nb\rc\u2028d\u2029e\u0085f\n");
    expect(nt.text).toBe("a\nb\nc\nd\ne\nf\n");
    // `\r\n` is one line end: the end of `a` is before the `\r`, `b` starts after the `\n`.
    expect(positionsIn("a\r\nb\rc\u2028d").call(null, 3)).toEqual({ line: 2, column: 1, lineStart: 3, lineEnd: 4 });
    expect(positionsIn("a\r\nb").call(null, 1)).toEqual({ line: 1, column: 2, lineStart: 0, lineEnd: 1 });
    expect(positionsIn("a\u2029\u0085b").call(null, 3)).toEqual({ line: 3, column: 1, lineStart: 3, lineEnd: 4 });
  });

  it("a page-number line between `\\r\\n` or `\\r` lines is blanked as between `\\n` lines", () => {
    for (const end of ["\n", "\r\n", "\r", "\u2028"]) {
      const text = ["Căn cứ Nghị định số 30/2020/NĐ-", "12", "CP ngày 5/3/2020"].join(end);
      expect(extract(text).map((c) => c.key), JSON.stringify(end)).toEqual(["30/2020/NĐ-CP"]);
      expect(normalize(text).repairs.map((r) => r.read)).toEqual(["12"]);
    }
  });

  it("a list of amending laws under `được sửa đổi, bổ sung bởi:` keeps its stated relations (b_087's header)", () => {
    const lines = [
      "LUẬT THỦY SẢN",
      "Luật Thủy sản số 18/2017/QH14 ngày 21 tháng 11 năm 2017 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 01 năm 2019, được sửa đổi, bổ sung bởi:",
      "1. Luật Đất đai số 31/2024/QH15 ngày 18 tháng 01 năm 2024 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 8 năm 2024;",
      "2. Luật số 43/2024/QH15 ngày 29 tháng 6 năm 2024 của Quốc hội.",
    ];
    const stated = (text: string) => parseDocument(text, { id: "x" }).statedRelations.map((r) => r.relation);
    expect(stated(lines.join("\n"))).toEqual(["amends", "amends"]);
    for (const end of ["\r\n", "\r", "\u2028"]) expect(stated(lines.join(end)), JSON.stringify(end)).toEqual(["amends", "amends"]);
  });

  it("check puts each diagnostic on its own line with `\\r` alone", () => {
    const text = "Dòng một.\rCăn cứ Nghị quyết số 20-NQ/TW ngày 31/02/2012 của Ban Chấp hành Trung ương.\rDòng ba.";
    const lines = check(text).map((d) => d.line);
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines)).toEqual(new Set([2]));
  });
});

describe("the command line's lines", () => {
  /** `vncite check` on standard input, in-process. */
  async function checkStdin(text: string): Promise<string> {
    let stdout = "";
    await main(["check"], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => {} }, readStdin: () => text, stdinIsTTY: false });
    return stdout;
  }

  it("check shows the line of each diagnostic, not the whole text, whatever ends the lines", async () => {
    const lines = ["Dòng một.", "Căn cứ Nghị quyết số 20-NQ/TW ngày 31/02/2012 của Ban Chấp hành Trung ương.", "Dòng ba."];
    const withNewlines = await checkStdin(lines.join("\n"));
    expect(withNewlines).toMatch(/^[^\n]*:2:\d+: error invalid-date/);
    expect(withNewlines.split("\n")[1]).toBe(`  ${lines[1]}`);
    for (const end of ["\r\n", "\r", "\u2028"]) expect(await checkStdin(lines.join(end)), JSON.stringify(end)).toBe(withNewlines);
  });
});
