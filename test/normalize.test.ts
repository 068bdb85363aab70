// Normalization folds noise and keeps a way back to the original offsets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract, normalize } from "../src/index.js";
import { offsetMaps, toNormalized, toOriginal } from "../src/extract/normalize.js";
import { sourceOf } from "../src/extract/source.js";

describe("normalize", () => {
  it("leaves clean text alone, with no offset map", () => {
    const nt = normalize("Nghị quyết số 20-NQ/TW");
    expect(nt.text).toBe("Nghị quyết số 20-NQ/TW");
    expect(nt.breaks).toBeNull();
  });

  it("maps look-alikes one for one", () => {
    expect(normalize("NÐ–CP ⁄ ∕ ／ \u00A0ð").text).toBe("NĐ-CP / / /  đ");
  });

  it("composes NFD marks and maps offsets back", () => {
    const original = "Nghi\u0323 quyê\u0301t 20-NQ/TW";
    const nt = normalize(original);
    expect(nt.text).toBe("Nghị quyết 20-NQ/TW");
    const at = nt.text.indexOf("20");
    expect(original.slice(toOriginal(nt, at), toOriginal(nt, nt.text.length))).toBe("20-NQ/TW");
    expect(toOriginal(nt, nt.text.indexOf("quyết"))).toBe(original.indexOf("quy"));
  });

  it("drops zero-width characters and soft hyphens inside identifiers", () => {
    const original = "Nghị quyết số 20\u200B-NQ/\u00ADTW ở đây";
    const [c] = extract(original);
    expect(c?.key).toBe("20-NQ/TW");
    expect(original.slice(c!.start, c!.end)).toBe(c?.text);
    expect(c?.text).toBe("Nghị quyết số 20\u200B-NQ/\u00ADTW");
  });

  it("keeps spans exact in decomposed text with many references", () => {
    const original = "Căn cứ Nghi\u0323 đi\u0323nh sô\u0301 30/2020/NĐ-CP; Thông tư sô\u0301 01/2011/TT-BNV.".repeat(3);
    const found = extract(original);
    expect(found.map((c) => c.key)).toEqual(["30/2020/NĐ-CP", "1/2011/TT-BNV", "30/2020/NĐ-CP", "1/2011/TT-BNV", "30/2020/NĐ-CP", "1/2011/TT-BNV"]);
    for (const c of found) expect(original.slice(c.start, c.end)).toBe(c.text);
  });
});

describe("offset maps that remember where they were", () => {
  // Pieces that move offsets (`\r\n`, marks, zero-width characters, a soft hyphen) and pieces that do not.
  const PIECES = ["\r\n", "\r", "e\u0301", "a\u0323\u0302", "\u200b", "\u00ad", "\uFEFF", "Ð", "số ", "20-NQ/TW", " ", "\n"];
  it("give toOriginal and toNormalized's answers, offsets in any order (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.array(fc.integer({ min: -3, max: 400 }), { maxLength: 80 }), (pieces, offsets) => {
        const nt = normalize(pieces.join(""));
        const maps = offsetMaps(nt);
        for (const i of [...offsets, ...[...offsets].sort((a, b) => a - b)]) {
          expect(maps.orig(i)).toBe(toOriginal(nt, i));
          expect(maps.norm(i)).toBe(toNormalized(nt, i));
        }
      }),
      { seed: 25, numRuns: 300 },
    );
  });
});

describe("the source", () => {
  it("reads normalized, spans in the original", () => {
    const original = "Nghi\u0323 quyê\u0301t “Luâ\u0323t này” [Ghi chu\u0301] sô\u0301 20-NQ/TW";
    const src = sourceOf(original);
    expect(src.text).toBe("Nghị quyết “Luật này” [Ghi chú] số 20-NQ/TW");
    const at = src.text.indexOf("20-NQ/TW");
    const span = src.span(at, at + 8);
    expect(span.text).toBe("20-NQ/TW");
    expect(original.slice(span.start, span.end)).toBe("20-NQ/TW");
    // Original offsets in, normalized text out.
    const quy = original.indexOf("quy");
    expect(src.read(quy, original.indexOf(" “"))).toBe("quyết");
    // Quotations in original offsets; quotations and notes in normalized offsets (the stages of parseDocument).
    const [quote] = src.quotes;
    expect(original.slice(quote?.[0], (quote?.[1] ?? 0) + 1)).toBe("“Luâ\u0323t này”");
    const [normalizedQuote] = src.normalizedQuotes;
    expect(src.text.slice(normalizedQuote?.[0], (normalizedQuote?.[1] ?? 0) + 1)).toBe("“Luật này”");
    const [note] = src.normalizedNotes;
    expect(src.text.slice((note?.[0] ?? 0) + 1, note?.[1])).toBe("[Ghi chú]");
  });

  it("costs no map on clean text", () => {
    const src = sourceOf("Nghị quyết số 20-NQ/TW");
    expect(src.nt.breaks).toBeNull();
    expect(src.read(0, 10)).toBe("Nghị quyết");
  });
});
