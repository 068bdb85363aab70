// The fast lexer gives the tokens chevrotain's lexer gives over the same vocabulary, on every real text and on
// random noise; the lazily lexed token stretch gives the tokens one lexing of the whole text gives, however it
// grew (a multi-word type word or `khóa XI` is never split where one step of lexing stopped).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { IToken } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildLexer, LazyTokens } from "../src/extract/lex.js";
import { tokenize } from "../src/extract/tokenize.js";
import { ALL_TOKENS } from "../src/extract/tokens.js";
import { CORPUS_DIR, noteMissingCorpus } from "./helpers/corpus.js";

const chevrotain = buildLexer(ALL_TOKENS);
const listed = (tokens: IToken[], shift = 0) => tokens.map((t) => `${t.startOffset + shift} ${t.tokenType.name} ${t.image}`);
const bothLexers = (text: string) => [listed(tokenize(text, 0, text.length)), listed(chevrotain.tokenize(text).tokens)];

describe("the fast lexer and chevrotain's lexer agree", () => {
  const root = join(import.meta.dirname, "..");
  const dirs = [join(root, "fixtures"), join(root, "fixtures", "noisy"), join(root, "fixtures", "state"), CORPUS_DIR];
  noteMissingCorpus("on the shared corpus's texts");
  const files = dirs.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => join(d, f)));

  it.each(files.map((f) => [relative(root, f), f]))("on %s", (_name, file) => {
    const [fast, reference] = bothLexers(readFileSync(file, "utf8"));
    expect(fast).toEqual(reference);
  });

  // Pieces that stress each token: type words and keywords in any case and marks (and the real words they
  // exclude), look-alike digits, codes, numerals after `khóa`, every kind of punctuation, and characters no
  // token starts (Cyrillic, CJK, emoji, combining marks).
  const pieces = [
    "Nghị quyết", "NGHỊ QUYẾT", "nghi  quyet", "Nghị\nquyết", "Chương trình hành động", "Chương trình", "Thông tư liên tịch", "Luật", "luật sư",
    "số", "SỐ", "só", "sở", "ngày", "ngảy", "ngây", "tháng", "thắng", "năm", "Nam", "nắm", "của", "cửa", "về", "vẽ", "khóa", "khoá XI", "khoa XII", "(khóa XIII)",
    "20", "2O", "l71", "I16", "O", "l", "NQ", "TW", "CTr", "QĐi", "BNN&PTNT", "Ban", "ĐU", "KV1", "x", "Đ",
    "-", "/", ":", ",", ".", "(", ")", "\"", "“", "”", "«", ";", "…", "§", "°", "[", "]", "\\", "^", "–", "⁄",
    "Т", "С", "中", "😀", "\u0301", "\u00ad", "\u200b", " ", "\t", "\r\n", "\f", "\v", "\u00a0",
  ];

  it("on random noise (fast-check, fixed seed)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.array(fc.constantFrom("", " ", "\n"), { maxLength: 30 }), (parts, gaps) => {
        const text = parts.map((p, i) => p + (gaps[i] ?? "")).join("");
        const [fast, reference] = bothLexers(text);
        expect(fast).toEqual(reference);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it("on a range of a text, with offsets in the whole text", () => {
    const text = "Căn cứ Nghị quyết số 20-NQ/TW ngày 01/11/2012 (khóa XI)";
    for (const [from, to] of [[7, 17], [7, 50], [18, text.length], [0, 13]] as const) {
      expect(listed(tokenize(text, from, to))).toEqual(listed(chevrotain.tokenize(text.slice(from, to)).tokens, from));
    }
  });
});

const seed = readFileSync(join(import.meta.dirname, "..", "fixtures", "000_1db0ab688705c645.txt"), "utf8");
const text = `${seed}\nthực hiện Chương trình hành động số 12-CTr/TU (khóa XI) và Nghị quyết liên tịch số 09/2010/NQLT-CP-UBTUMTTQVN`;
const whole = chevrotain.tokenize(text).tokens.map((t) => `${t.startOffset}:${t.tokenType.name}:${t.image}`);
const show = (lazy: LazyTokens, from: number, to: number) =>
  lazy.tokens.filter((t) => t.startOffset >= from && t.startOffset < to).map((t) => `${t.startOffset}:${t.tokenType.name}:${t.image}`);

it("grows a stretch to the tokens of the whole text, whatever the cuts (fast-check, fixed seed)", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: text.length - 1 }), (steps, start) => {
      const lazy = new LazyTokens(text);
      let end = start;
      let covered = start;
      for (const [i, step] of steps.entries()) {
        end = Math.min(text.length, end + step);
        // Grown by windows and, as a parse reads, a token at a time.
        if (i % 2 === 0) lazy.cover(start, (covered = end));
        else for (let k = 0; k < step % 5; k++) lazy.more();
      }
      // Tokens away from the stretch's own start (which may cut a word in two) are the whole text's, to the last.
      const from = lazy.tokens[3]?.startOffset ?? lazy.to;
      const expected = whole.filter((t) => {
        const at = Number(t.split(":")[0]);
        return at >= from && at < lazy.to;
      });
      expect(show(lazy, from, lazy.to)).toEqual(expected);
      expect(lazy.to).toBeGreaterThanOrEqual(covered);
    }),
    { seed: 7, numRuns: 300 },
  );
});

it("finds the token at an offset, and none between tokens", () => {
  const lazy = new LazyTokens("Căn cứ Kết luận số 93-KL/TW");
  lazy.cover(0, 30);
  expect(lazy.tokens[lazy.indexAt(19)]?.image).toBe("93");
  expect(lazy.indexAt(18)).toBe(-1);
});
