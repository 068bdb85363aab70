// The lazily lexed token stretch gives the tokens one lexing of the whole text gives, wherever it was cut and
// grown: a multi-word type word (`Chương trình hành động`) or `khóa XI` split at a cut is lexed again whole.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect, it } from "vitest";
import { buildLexer, LazyTokens } from "../src/lex.js";
import { ALL_TOKENS } from "../src/tokens.js";

const seed = readFileSync(join(import.meta.dirname, "..", "fixtures", "000_1db0ab688705c645.txt"), "utf8");
const text = `${seed}\nthực hiện Chương trình hành động số 12-CTr/TU (khóa XI) và Nghị quyết liên tịch số 09/2010/NQLT-CP-UBTUMTTQVN`;
const whole = buildLexer(ALL_TOKENS)
  .tokenize(text)
  .tokens.map((t) => `${t.startOffset}:${t.tokenType.name}:${t.image}`);
const show = (lazy: LazyTokens, from: number, to: number) =>
  lazy.tokens.filter((t) => t.startOffset >= from && t.startOffset < to).map((t) => `${t.startOffset}:${t.tokenType.name}:${t.image}`);

it("grows a stretch to the tokens of the whole text, whatever the cuts (fast-check, fixed seed)", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: text.length - 1 }), (steps, start) => {
      const lazy = new LazyTokens(text);
      let end = start;
      for (const step of steps) {
        end = Math.min(text.length, end + step);
        lazy.cover(start, end);
      }
      // Tokens away from the stretch's own start (which may cut a word in two) are the whole text's.
      const from = lazy.tokens[3]?.startOffset ?? lazy.to;
      const expected = whole.filter((t) => {
        const at = Number(t.split(":")[0]);
        return at >= from && at < lazy.to - 40;
      });
      expect(show(lazy, from, lazy.to - 40)).toEqual(expected);
      expect(lazy.to).toBeGreaterThanOrEqual(end);
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
