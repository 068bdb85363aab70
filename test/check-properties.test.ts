// What issue 27 adds, on any string: check with old identifiers and unit codes never throws and keeps its spans
// exact; the excerpt and caret of `vncite check` never throw, stay short, and stay linear on one long line.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilerStyle, excerpt, painter, shownDiagnostics } from "../src/cli/report.js";
import { positionsIn } from "../src/positions.js";
import { check } from "../src/index.js";
import { TIMING } from "./helpers/timing.js";

const RUNS = { numRuns: 150, seed: 27 };
const PIECES = [
  "Thông tư 70-TC/TCT năm 1994", "Thông tư số 15-BTC/TT ngày 3/2/1995", "Lệnh số 38-LCT/HĐNN8", "Thông tư liên bộ số 12/TT-LB",
  "Báo cáo số 166/BC-ĐGS của Đoàn giám sát", "Nghị quyết 72/2025/NQLT/UBTVQH15-CP", "Mẫu số 06-TBTĐ", "của TCHQ", "khóa XV",
  "\t", "\r", "\r\n", "\n", "漢字", "e\u0302\u0301", "Ð", "…", " ", "-", "/", "số", "ngày 5 tháng 7 năm 1994",
];
const anyText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 12 })), { maxLength: 30 }).map((p) => p.join(""));

describe("check and its text output on any string (fast-check, fixed seed)", () => {
  it("check never throws and its spans are exact; each diagnostic's excerpt and caret are made", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const at = positionsIn(text);
        const shown = shownDiagnostics(check(text), { severity: "info", ignore: new Set(), rules: {} });
        for (const d of shown) {
          expect(0 <= d.start && d.start <= d.end && d.end <= text.length).toBe(true);
          const { line, marker } = excerpt(text, d, at);
          expect(line).not.toMatch(/[\n\r]/);
          expect(marker).toMatch(/^[ \t]*\^~*$/);
          expect(compilerStyle("f.txt", text, d, at, "vi", painter(false))).toContain(d.messageVi);
        }
      }),
      RUNS,
    );
  });

  it("puts the caret under any span of any text, the excerpt at most 40 + 80 + 40 graphemes and two ellipses", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        const { line, marker } = excerpt(text, { start, end }, positionsIn(text));
        // Counted as Intl.Segmenter counts (the excerpt's own count is a faster reading of the same rules).
        const count = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(line)].length;
        expect(count).toBeLessThanOrEqual(40 + 80 + 40 + 3);
        expect(marker.indexOf("^")).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });
});

describe("the excerpts of many diagnostics on one long line scale linearly", TIMING, () => {
  /** The fastest of a few runs, in ms; no absolute time is asserted. */
  const timeOf = (n: number) => {
    const text = "Thực hiện Kết luận số 93-NQ/TW. ".repeat(n);
    const at = positionsIn(text);
    const spans = Array.from({ length: n }, (_, i) => ({ start: i * 32 + 10, end: i * 32 + 30 }));
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      for (const s of spans) excerpt(text, s, at);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  it("five times the diagnostics on a five times longer line take about five times as long", () => {
    timeOf(100);
    const small = timeOf(400);
    const large = timeOf(2_000);
    expect(large / Math.max(small, 1)).toBeLessThan(15);
  });
});
