// A remembered parse is the parse: at every token where a citation may start, in every real text (clean and
// noisy) and in generated texts that repeat citations in changing surroundings, parsing with the memo gives what
// parsing afresh gives. The memo is exact only while the grammar reads nothing but its tokens and the text
// between them; a rule that reads further would fail here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LazyTokens } from "../src/extract/lex.js";
import { normalize } from "../src/extract/normalize.js";
import { ParseMemo } from "../src/extract/parse-memo.js";
import { parseCitationAt } from "../src/extract/parse.js";
import { findAnchors, findNamedAnchors } from "../src/extract/scan.js";
import { extract } from "../src/index.js";
import { CORPUS_DIR } from "./helpers/corpus.js";

/** Every parse from each anchor and the token before it, with a memo and afresh; how many came from the memo. */
function compareParses(original: string): { parses: number; remembered: number } {
  const text = normalize(original).text;
  const tokens = new LazyTokens(text);
  const memo = new ParseMemo(text);
  let parses = 0;
  let remembered = 0;
  for (const anchor of [...findAnchors(text), ...findNamedAnchors(text)].sort((a, b) => a - b)) {
    tokens.cover(anchor - 32, anchor + 1);
    const at = tokens.indexAt(anchor);
    for (let from = Math.max(0, at - 1); at >= 0 && from <= at; from++) {
      for (const end of [anchor + 520, anchor + 40]) {
        const fresh = parseCitationAt(text, tokens, from, { end });
        const known = memo.recall(memo.keyAt(tokens, from), tokens, from, end, 80);
        const withMemo = parseCitationAt(text, tokens, from, { end, memo });
        expect(withMemo).toEqual(fresh);
        parses++;
        if (known !== undefined) remembered++;
      }
    }
  }
  return { parses, remembered };
}

describe("a remembered parse is the parse", () => {
  const root = join(import.meta.dirname, "..");
  const dirs = [join(root, "fixtures"), join(root, "fixtures", "noisy"), join(root, "fixtures", "state"), CORPUS_DIR].filter(existsSync);
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => join(d, f)));

  it("at every candidate start of every real text, with the window's end near and far", () => {
    let total = { parses: 0, remembered: 0 };
    for (const file of files) {
      const r = compareParses(readFileSync(file, "utf8"));
      total = { parses: total.parses + r.parses, remembered: total.remembered + r.remembered };
    }
    // The memo is used at all: real texts repeat their citations.
    expect(total.remembered).toBeGreaterThan(total.parses / 10);
  });

  const citations = [
    "Nghị quyết số 20-NQ/TW", "Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng (khóa XI)",
    "Luật Đất đai năm 2024", "Luật Đất đai", "Nghị định số 30/2020/NĐ-CP", "Quyết định số 123/QĐ-UBND ngày 5/3/2021",
    "Kết luận số 187, 188-KL/TW", "số 77 CT/TU", "Thông tư 01", "Số: 300/LĐLĐ",
  ];
  const around = ["", " ", "\n", ", ", " và ", " của Bộ Chính trị", " ngày 12/12/2012", " (khóa XII)", " về công tác", ";\n- ", " năm 2020", "\n1. "];

  it("in texts that repeat citations in changing surroundings (fast-check, fixed seed)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...citations), fc.constantFrom(...around)), { minLength: 2, maxLength: 24 }), (parts) => {
        const text = parts.map(([c, a]) => c + a).join(" ");
        compareParses(text);
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it("extract finds the same citations in a text and in the second copy of it (all of them remembered)", () => {
    const text = readFileSync(join(root, "fixtures", "001_57220ce583489b87.txt"), "utf8");
    const view = (c: ReturnType<typeof extract>[number], by = 0) => ({
      key: c.key, start: c.start - by, end: c.end - by, date: c.date, issuedBy: c.issuedBy, term: c.term, subject: c.subject, text: c.text,
    });
    const once = extract(text);
    const twice = extract(`${text}\n\n${text}`);
    expect(twice.length).toBe(2 * once.length);
    expect(twice.slice(once.length).map((c) => view(c, text.length + 2))).toEqual(once.map((c) => view(c)));
  });
});
