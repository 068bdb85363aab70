/**
 * The place of an issuing body, read with the gazetteer (grammar/places.json): a unit word (`tỉnh`, `thành phố`,
 * `TP.`), then a name the gazetteer knows (`Quảng Nam`, `Bà Rịa-Vũng Tàu`, `HCM`, `Quang Nam` without its marks,
 * across dashes and line breaks), or else capitalized words on one line, read whole (`xã Tân Phú Trung`). After a
 * committee that names its level (`Tỉnh ủy`, `Huyện ủy`) the name stands bare: `Tỉnh ủy Nghệ An`.
 *
 *   UBND tỉnh Quảng Nam  → { unit: "tỉnh", name: "Quảng Nam", key: "tỉnh quảng nam", mergedInto: "Đà Nẵng" }
 */
import type { IToken } from "chevrotain";
import placesJson from "../../grammar/places.json";
import type { Place } from "../schema.js";
import { foldName, stripDiacritics } from "../tables.js";
import { isUpper, singleSpaced } from "../text.js";
import { Code, Dash, Nam, Num, Period, Word } from "./tokens.js";

export type { Place };


interface Named {
  /** The form's words, stripped of diacritics, without dashes. */
  words: string[];
  /** The same words with their marks (folded): `Tam Dương` is told from `Tam Đường` where the text keeps them. */
  marked: string[];
  /** The form as the table spells it (`Bà Rịa-Vũng Tàu`, `HCM`). */
  form: string;
  name: string;
  unit: string;
  province: string | null;
  mergedInto: string | null;
  /** 0 for a province or a name of the past, 1 for a district: a province wins when both fit. */
  level: number;
}

const UNIT_WORDS = placesJson.units.map((u) => ({ word: u.word, words: u.word.split(" "), abbreviations: u.abbreviations, level: u.level })).sort(
  (a, b) => b.words.length - a.words.length,
);
/** The units of communes and wards: the gazetteer holds no names of theirs, which are read as printed. */
const COMMUNE_UNITS = new Set(placesJson.units.filter((u) => u.level === "commune").map((u) => u.word));
const wordsOf = (s: string) => stripDiacritics(s.replace(/[-'’]/g, " ")).split(" ").filter((w) => w !== "");
/** An apostrophe inside a name of the highlands (`Ea H'leo`, `Cư M’gar`): stepped over like a dash. */
export const isApostrophe = (t: IToken | undefined) => t !== undefined && (t.image === "'" || t.image === "’");

const NAMES = new Map<string, Named[]>();
function addName(n: Omit<Named, "words" | "marked">): void {
  const words = wordsOf(n.form);
  const marked = foldName(n.form.replace(/[-'’]/g, " ")).split(" ").filter((w) => w !== "");
  const list = NAMES.get(words[0] as string) ?? [];
  list.push({ ...n, words, marked });
  NAMES.set(words[0] as string, list);
}
const districtProvinces = new Map<string, Set<string>>();
for (const p of placesJson.provinces) {
  const today = p.mergedInto ?? null;
  for (const form of [p.name, ...p.spellings]) addName({ form, name: p.name, unit: p.unit, province: p.name, mergedInto: today, level: 0 });
  for (const d of (placesJson.districts as Record<string, string[]>)[p.name] ?? []) {
    const unit = UNIT_WORDS.find((u) => d.startsWith(`${u.word} `))?.word as string;
    const name = d.slice(unit.length + 1);
    const key = `${unit} ${name}`;
    if (!districtProvinces.has(key)) districtProvinces.set(key, new Set());
    districtProvinces.get(key)!.add(p.name);
    addName({ form: name, name, unit, province: p.name, mergedInto: today ?? p.name, level: 1 });
  }
}
for (const f of placesJson.former) {
  const became = f.became.length === 1 ? (f.became[0] as string) : null;
  const today = became ? (placesJson.provinces.find((p) => p.name === became)?.mergedInto ?? became) : null;
  for (const form of [f.name, ...(f.spellings ?? [])]) addName({ form, name: f.name, unit: f.unit, province: f.name, mergedInto: today, level: 0 });
}
for (const list of NAMES.values()) list.sort((a, b) => b.words.length - a.words.length || a.level - b.level);

/** Unit and name in one word (`TPHCM`). */
const COMBINED = new Map(placesJson.combined.map((c) => [c.form, c]));
/** A province's place, by its unit and name. */
function placeOf(unit: string, name: string): Place {
  const merged = placesJson.provinces.find((p) => p.name === name)?.mergedInto ?? null;
  return { unit, name, key: foldName(`${unit} ${name}`), province: name, mergedInto: merged };
}

/** Every word of the units and the names, stripped: what a body's stream may hold. */
export const PLACE_WORDS: readonly string[] = [
  ...UNIT_WORDS.flatMap((u) => [...u.words, ...u.abbreviations].map(stripDiacritics)),
  ...[...NAMES.values()].flatMap((list) => list.flatMap((n) => n.words)),
];
/** The abbreviations of unit words that a dot may follow (`TP.`, `TX.`). */
export const UNIT_ABBREVIATIONS: ReadonlySet<string> = new Set(UNIT_WORDS.flatMap((u) => u.abbreviations));

export interface PlaceMatch {
  /** Token index after the place. */
  to: number;
  /** Tokens of the unit word as printed (0 where the body implies it). */
  unitTokens: number;
  /** The place; its name is empty where the text gives only the unit (`UBND tỉnh`). */
  place: Place;
  /** The form of the gazetteer matched (`Quảng Nam`), or null for a name read as printed. */
  form: string | null;
}

/** A word written without any mark where the words around have them: OCR lost them (`tinh`, `Quang`). */
export const lostMarks = (s: string) => /^[\x00-\x7f]*$/.test(s) && /[aeiouy]/i.test(s) && s.toUpperCase() !== s;
/** A unit word as printed: with its marks, or, where they were lost, without (`tinh` for `tỉnh`). */
const sameWord = (printed: string, word: string) =>
  foldName(printed) === word || (lostMarks(printed) && stripDiacritics(printed) === stripDiacritics(word));

const gap = (text: string, a: IToken, b: IToken) => text.slice(a.startOffset + a.image.length, b.startOffset);
/** A line break in `text` between two tokens: `\n`, `\r` alone, U+2028, U+2029. */
export const breakBetween = (text: string, a: IToken, b: IToken) => /[\n\r\u2028\u2029]/.test(gap(text, a, b));
const isCapitalized = (t: IToken | undefined) => t !== undefined && (t.tokenType === Word || t.tokenType === Code || t.tokenType === Nam) && isUpper(t.image);

/** The unit word at tokens[i]: its word and the index after it (a dot after an abbreviation included). */
function unitAt(tokens: readonly IToken[], i: number, text: string): { word: string; end: number } | null {
  const t = tokens[i];
  if (!t) return null;
  for (const u of UNIT_WORDS) {
    if (u.words.every((w, j) => tokens[i + j] !== undefined && sameWord(tokens[i + j]!.image, w))) return { word: u.word, end: i + u.words.length };
    if (u.abbreviations.includes(t.image)) {
      const dot = tokens[i + 1];
      return { word: u.word, end: dot?.tokenType === Period && gap(text, t, dot) === "" ? i + 2 : i + 1 };
    }
  }
  return null;
}

/** The longest gazetteer name at tokens[i] (dashes and line breaks between its words allowed). */
function namedAt(tokens: readonly IToken[], i: number, unit: string): { named: Named; end: number } | null {
  const first = tokens[i];
  if (!isCapitalized(first)) return null;
  let best: { named: Named; end: number; score: number } | null = null;
  for (const named of NAMES.get(stripDiacritics(first!.image)) ?? []) {
    let k = i;
    let ok = true;
    let exact = true;
    for (const [j, w] of named.words.entries()) {
      if (j > 0 && (tokens[k]?.tokenType === Dash || isApostrophe(tokens[k]))) k++;
      const t = tokens[k];
      if (!t || t.tokenType === Num || stripDiacritics(t.image) !== w) {
        ok = false;
        break;
      }
      exact &&= foldName(t.image) === named.marked[j];
      k++;
    }
    if (!ok) continue;
    // Longer first, then spelled with the text's own marks, then the unit the text names, then a province.
    const score = (k - i) * 100 + (exact ? 50 : 0) + (named.unit === unit ? 10 : 0) + (named.level === 0 ? 1 : 0);
    if (!best || score > best.score) best = { named, end: k, score };
  }
  return best;
}

/**
 * The place at tokens[i]: a unit word and a name, or, after a body that implies its unit (`Tỉnh ủy`), a name
 * alone. `text` is the normalized text, to see line breaks: an unknown name never runs across one.
 */
export function matchPlace(tokens: readonly IToken[], i: number, text: string, implied: string | null): PlaceMatch | null {
  const combined = tokens[i] ? COMBINED.get(tokens[i]!.image) : undefined;
  if (combined) return { to: i + 1, unitTokens: 1, form: combined.name, place: placeOf(combined.unit, combined.name) };
  // A name after a committee before a unit word (`Huyện ủy Quan Ba`: `Quan` is `Quản`, not `quận`).
  const unit = implied && namedAt(tokens, i, implied) ? null : unitAt(tokens, i, text);
  if (!unit && !implied) return null;
  const word = unit?.word ?? (implied as string);
  const from = unit ? unit.end : i;
  const known = COMMUNE_UNITS.has(word) ? null : namedAt(tokens, from, word);
  // A known name that more capitalized words follow on its line is part of a longer unknown one (`Tân Phú Trung`).
  const next = known ? tokens[known.end] : undefined;
  if (known && !(next && next.tokenType === Word && isUpper(next.image) && !breakBetween(text, tokens[known.end - 1]!, next))) {
    const n = known.named;
    const district = n.level === 1 ? districtProvinces.get(`${n.unit} ${n.name}`) : undefined;
    const province = district ? (district.size === 1 ? n.province : null) : n.province;
    const mergedInto = district && district.size !== 1 ? null : n.mergedInto;
    const unitWord = n.level === 0 && n.unit !== word && !unit ? n.unit : word;
    return {
      to: known.end, unitTokens: unit ? unit.end - i : 0, form: n.form,
      place: { unit: unitWord, name: n.name, key: foldName(`${unitWord} ${n.name}`), province, mergedInto: mergedInto === province ? null : mergedInto },
    };
  }
  // A name the gazetteer lacks: capitalized words (a number after a unit word: `quận 3`). One line break is
  // crossed after the unit word or the name's first word (`xã⏎Sóc Sơn`, `xã Sóc⏎Sơn`): no name ends there.
  let k = from;
  const first = tokens[k];
  let breaks = unit ? 0 : 1;
  const crosses = (a: IToken, b: IToken) => !breakBetween(text, a, b) || (k - from <= 1 && breaks++ === 0);
  if (first && (isCapitalized(first) || (unit && first.tokenType === Num)) && (from === 0 || crosses(tokens[from - 1]!, first))) {
    k++;
    for (;;) {
      const t = tokens[k];
      if (!t || (!isCapitalized(t) && t.tokenType !== Dash) || !crosses(tokens[k - 1]!, t)) break;
      // `H'leo`, `M’gar`: a letter, an apostrophe and the rest of the syllable, with no space between.
      const glued = (a: IToken, b: IToken | undefined) => b !== undefined && gap(text, a, b) === "";
      if (isApostrophe(tokens[k + 1]) && glued(t, tokens[k + 1]) && glued(tokens[k + 1]!, tokens[k + 2])) k += 3;
      // A code is an identifier's, but for one letter of a name (`Châu Thành A`).
      else if (isCapitalized(t) && (t.tokenType !== Code || t.image.length === 1)) k++;
      else if (t.tokenType === Dash && isCapitalized(tokens[k + 1]) && !breakBetween(text, t, tokens[k + 1]!)) k += 2;
      else break;
    }
  }
  if (k === from && !unit) return null;
  const name = k === from ? "" : singleSpaced(text.slice(tokens[from]!.startOffset, tokens[k - 1]!.startOffset + tokens[k - 1]!.image.length));
  return {
    to: k, unitTokens: unit ? unit.end - i : 0, form: null,
    place: { unit: word, name, key: foldName(`${word} ${name}`.trim()), province: null, mergedInto: null },
  };
}

// Levels of the unit words, lowest first: a place lies in one of a higher level (`xã`, `huyện`, `thành phố`, `tỉnh`).
const RANK: Record<string, number> = { commune: 0, district: 1, city: 2, province: 3 };
const rankOf = new Map(placesJson.units.map((u) => [u.word, RANK[u.level] ?? 0]));
/** A place of unit `child` may lie in one of unit `parent`: `huyện` in `tỉnh`, `xã` in `thành phố`. */
export const liesIn = (child: string, parent: string) => (rankOf.get(parent) ?? 0) > (rankOf.get(child) ?? 0);

/** A place with the province its parents name, where it could not tell (`huyện Châu Thành, tỉnh Tiền Giang`). */
export function withParents(place: Place, parents: Place[]): Place {
  const top = parents.at(-1);
  if (!top || place.province !== null || top.province === null) return place;
  return { ...place, province: top.province, mergedInto: top.mergedInto };
}
