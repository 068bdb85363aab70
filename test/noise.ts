/**
 * The noise model: damage clean text the way OCR does, reproducibly (a seeded generator), one kind of damage
 * at a time or mixed. Used by the property tests, the noisy fixtures and `npm run eval:noise`.
 *
 * Each kind acts on one reference (a span of the clean text) and returns its damaged text:
 *   eth              Đ/đ read as Ð/ð (U+00D0/U+00F0)                     Nghị định số 30/2020/NÐ-CP
 *   ascii-d          Đ read as D in the codes                               30/2020/ND-CP, 1051/LDLD
 *   nfd              diacritics decomposed (NFD)                            Nghi\u0323 quyê\u0301t
 *   no-diacritics    every diacritic lost                                   Nghi quyet so 20-NQ/TW, ngay 01/11/2012
 *   wrong-diacritics số/ngày/tháng/năm with a wrong mark                    só, sô, ngảy, thàng, nắm
 *   line-break       a line break after a separator or before the number    20-\nNQ/TW, số\n116-KH/TU
 *   page-break       a page number line inside the identifier               20-\n\n- 12 -\n\nNQ/TW
 *   spaces           spaces around separators                               20 - NQ / TW, NĐ- CP
 *   lookalike-digit  1 read as l or I, 0 as O, in the number                l71-CV/BTGHU, 2O-NQ/TW
 *   dash-slash       dash and slash look-alikes                             20–NQ⁄TW
 *   date-format      the date written with dashes, dots or spaced slashes   11-5-2022, 11.5.2022, 11 / 5 / 2022
 */

export const NOISE_KINDS = [
  "eth", "ascii-d", "nfd", "no-diacritics", "wrong-diacritics", "line-break", "page-break", "spaces",
  "lookalike-digit", "dash-slash", "date-format",
] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

// A seeded generator (mulberry32): the same seed gives the same damage on every machine.
export { random } from "../bench/synthetic.mjs";
const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

const IDENTIFIER = /(\d+)([-/])(\d{4}\/)?([A-Za-zĐđ&]+)((?:[-/][A-Za-zĐđ&0-9]+)*)/;
/** The text without its marks, `Đ` as `D`: as OCR or a keyboard without Vietnamese input leaves it. */
export const strip = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");

/** Damages one reference; returns it unchanged when the kind has nothing to act on. */
export function damage(ref: string, kind: NoiseKind, rng: () => number): string {
  switch (kind) {
    case "eth":
      return ref.replace(/Đ/g, "\u00D0").replace(/đ/g, "\u00F0");
    case "ascii-d":
      return ref.replace(IDENTIFIER, (m) => m.replace(/Đ/g, "D"));
    case "nfd":
      return ref.normalize("NFD");
    case "no-diacritics":
      return strip(ref);
    case "wrong-diacritics":
      return ref
        .replace(/(?<!\p{L})số(?!\p{L})/gu, () => pick(rng, ["só", "sô", "sồ"]))
        .replace(/ngày/g, () => pick(rng, ["ngảy", "ngáy", "ngay"]))
        .replace(/tháng/g, () => pick(rng, ["thàng", "thang"]))
        .replace(/năm/g, () => pick(rng, ["nãm", "nam"]));
    case "line-break":
      return rng() < 0.5 ? ref.replace(IDENTIFIER, (m, n, sep) => m.replace(`${n}${sep}`, `${n}${sep}\n`)) : ref.replace(/(\d+[-/])/, "\n$1");
    case "page-break":
      return ref.replace(IDENTIFIER, (m, n, sep) => m.replace(`${n}${sep}`, `${n}${sep}\n\n- ${1 + Math.floor(rng() * 40)} -\n\n`));
    case "spaces":
      return ref.replace(IDENTIFIER, (m) => m.replace(/([-/])/g, (s) => pick(rng, [` ${s} `, `${s} `, ` ${s}`])));
    case "lookalike-digit":
      return ref.replace(IDENTIFIER, (m, n: string) => m.replace(n, n.replace(/1/g, () => pick(rng, ["l", "I"])).replace(/0/g, "O")));
    case "dash-slash":
      return ref.replace(IDENTIFIER, (m) => m.replace(/-/g, () => pick(rng, ["–", "‑", "−"])).replace(/\//g, () => pick(rng, ["⁄", "∕"])));
    case "date-format":
      return ref.replace(/(\d{1,2})\/(\d{1,2})\/(\d{4})/, (_m, d, mo, y) => pick(rng, [`${d}-${mo}-${y}`, `${d}.${mo}.${y}`, `${d} / ${mo} / ${y}`]));
  }
}

/**
 * Damages the references (spans of `text`) of a document: with `kind`, every reference gets that damage;
 * without, each gets one kind at random with probability `level` (the default noise level, 0.5).
 */
export function noisy(text: string, spans: { start: number; end: number }[], rng: () => number, kind?: NoiseKind, level = 0.5): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) {
    const k = kind ?? (rng() < level ? pick(rng, NOISE_KINDS) : null);
    if (k) out = out.slice(0, s.start) + damage(out.slice(s.start, s.end), k, rng) + out.slice(s.end);
  }
  return out;
}
