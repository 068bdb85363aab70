/**
 * Issuing bodies in words, read as a reader reads them: a chain of known units from grammar/bodies.json
 * (`Ban Thường vụ` + `Tỉnh ủy`, `Bộ trưởng` + `Bộ Tài chính`, `Hội nghị lần thứ sáu` + `Ban Chấp hành` +
 * `Trung ương Đảng`), then a place from the gazetteer (place.ts: `tỉnh Kon Tum`, `Nghệ An` after `Tỉnh ủy`, with
 * the places it lies in: `huyện Châu Thành, tỉnh Tiền Giang`), then, after `,` or `và`, another body.
 *
 *   của Ban Chỉ đạo 35 Huyện ủy về …        → 5 tokens: Ban Chỉ đạo · 35 · Huyện ủy
 *   của Bộ Chính trị, Ban Bí thư ban hành    → 5 tokens, two bodies; `ban hành` is no part of a name
 *
 * The grammar (parse.ts) asks how many tokens a known body covers; the build stage asks for its clean value
 * (the known spelling where the text lost its diacritics) and its key (abbreviations spelled out, tone
 * placement and case folded, titles and sessions left out), the same for the same body.
 */
import { normalize } from "./normalize.js";
import type { IToken } from "chevrotain";
import { BODY_ABBREVIATIONS, BODY_ORDINALS, BODY_UNITS, type BodyUnit, DOCUMENT_PARTS, foldName, stripDiacritics } from "../tables.js";
import { isUpper, remembered, singleSpaced } from "../text.js";
import { breakBetween, isApostrophe, liesIn, lostMarks, matchPlace, type Place, PLACE_WORDS, type PlaceMatch, UNIT_ABBREVIATIONS, withParents } from "./place.js";
import { Code, Comma, Dash, Nam, Ngay, Num, openingKey, Period, So, Thang, TypeWord, Word } from "./tokens.js";
import { tokenize } from "./tokenize.js";

/** One word of the flattened stream: an abbreviation gives several, each remembering its token. */
interface Flat {
  word: string;
  token: number;
  /** The last word of its token: a unit must end on one. */
  last: boolean;
}

export interface UnitMatch {
  unit: BodyUnit;
  /** Token indices [from, to), relative to the first token of the body. */
  from: number;
  to: number;
}
export interface BodyPart {
  units: UnitMatch[];
  /**
   * The place after the units (`tỉnh Kon Tum`, `Nghệ An` after `Tỉnh ủy`), as token indices [from, to), or null;
   * and the places it lies in, after commas (`huyện Nghi Lộc, tỉnh Nghệ An`).
   */
  place: { from: number; to: number; match: PlaceMatch; parents: { from: number; to: number; match: PlaceMatch }[] } | null;
  /** The unknown words after an open unit (`Giám đốc` + `Sở Tài chính`), as token indices, or null. */
  rest: { from: number; to: number } | null;
}
export interface BodyMatch {
  /** Tokens the known bodies cover, joins included. */
  tokens: number;
  parts: BodyPart[];
  /** The last unit names an organ of what follows: unknown words may go on the name. */
  open: boolean;
}

const ROMAN = /^[IVXL]{1,6}$/;
const WILD = "#";
const MAX_TOKENS = 30;

// Units by their first word (stripped of diacritics), longest first; `#` stands for a number or an ordinal.
const wordsOf = (s: string) => stripDiacritics(s.replace(/,/g, " ,")).split(" ");
const UNITS = new Map<string, { unit: BodyUnit; words: string[] }[]>();
for (const unit of BODY_UNITS) {
  const words = wordsOf(unit.name);
  const list = UNITS.get(words[0] as string) ?? [];
  list.push({ unit, words });
  UNITS.set(words[0] as string, list);
}
for (const list of UNITS.values()) list.sort((a, b) => b.words.length - a.words.length);
const ABBREVIATIONS = new Map(Object.entries(BODY_ABBREVIATIONS).map(([a, full]) => [a, wordsOf(full)]));
const ORDINALS = BODY_ORDINALS.map(wordsOf).sort((a, b) => b.length - a.length);

// Most names after `của` are no known body, and most words of prose are in no unit: both are told by the word's
// loose opening (openingKey, a number: no string is built), so the common case costs a lookup.
const keyOf = (s: string) => openingKey(s, 0, s.length);
const FIRST_KEYS = new Set([...UNITS.keys()].map(keyOf));
const VOCABULARY = new Set(
  [...UNITS.values()].flatMap((list) => list.flatMap((u) => u.words)).concat(...ORDINALS, "va", ...PLACE_WORDS),
);
const VOCABULARY_KEYS = new Set([...VOCABULARY].map(keyOf));
/** A word (by its loose opening) that some unit, ordinal or place holds; a longer word is looked up whole. */
function inVocabulary(t: IToken, keys: Set<number>, words: (w: string) => boolean): boolean {
  const key = openingKey(t.image, 0, t.image.length);
  return key >= 0 ? keys.has(key) : words(stripDiacritics(t.image));
}

/** The words of tokens at(1), at(2), … while they can be part of a body. */
function flatten(at: (k: number) => IToken | undefined): { flat: Flat[]; tokens: IToken[] } {
  const flat: Flat[] = [];
  const tokens: IToken[] = [];
  const first = at(1);
  const firstExpansion = first?.tokenType === Code ? ABBREVIATIONS.get(first.image) : undefined;
  // `So` is `Sở` without its marks as much as `số`: a department's name after it tells.
  // A word in capitals without marks is a Code to the lexer (`BAN THƯỜNG VỤ`, a header's capitals).
  const wordLike = first?.tokenType === Word || (first?.tokenType === So && first.image === "So") || (first?.tokenType === Code && /^\p{Lu}+$/u.test(first.image));
  if (!first || !(firstExpansion ? UNITS.has(firstExpansion[0] as string) : wordLike && inVocabulary(first, FIRST_KEYS, (w) => UNITS.has(w)))) {
    return { flat, tokens };
  }
  for (let k = 1; k <= MAX_TOKENS; k++) {
    const t = at(k);
    if (!t) break;
    const type = t.tokenType;
    // A dot only right after a unit's abbreviation: `TP.HCM`, `TP. Hồ Chí Minh`.
    const abbreviationDot = type === Period && tokens.length > 0 && UNIT_ABBREVIATIONS.has(tokens[tokens.length - 1]!.image);
    const lostSo = k === 1 && type === So;
    // `Thang`, `Ngay` in a name without its marks (`Bao Thang` for `Bảo Thắng`) are no keywords.
    const lostKeyword = k > 1 && (type === Thang || type === Ngay) && isUpper(t.image) && lostMarks(t.image);
    if (type !== Word && type !== Code && type !== Nam && type !== Num && type !== Comma && type !== Dash && !abbreviationDot && !isApostrophe(t) && !lostSo && !lostKeyword) break;
    // A lower-case word no unit, place or ordinal holds ends the body (a place's name is capitalized).
    if (type === Word && !isUpper(t.image) && !inVocabulary(t, VOCABULARY_KEYS, (w) => VOCABULARY.has(w))) break;
    const index = tokens.length;
    tokens.push(t);
    const expansion = type === Code ? ABBREVIATIONS.get(t.image) : undefined;
    if (expansion) {
      expansion.forEach((word, i) => flat.push({ word, token: index, last: i === expansion.length - 1 }));
      continue;
    }
    const word = type === Num || (type === Code && ROMAN.test(t.image)) ? WILD : type === Comma ? "," : type === Dash ? "-" : type === Period || isApostrophe(t) ? t.image : stripDiacritics(t.image);
    flat.push({ word, token: index, last: true });
  }
  return { flat, tokens };
}

/** Words matched by `#` at flat[i]: a number, a Roman numeral or an ordinal (`sáu`, `mười hai`); 0 for none. */
function wildAt(flat: Flat[], i: number): number {
  if (flat[i]?.word === WILD) return 1;
  for (const ordinal of ORDINALS) if (ordinal.every((w, j) => flat[i + j]?.word === w)) return ordinal.length;
  return 0;
}

/** The longest unit at flat[i] ending on a token's end: the unit and the flat index after it. */
function unitAt(flat: Flat[], i: number): { unit: BodyUnit; end: number } | null {
  const first = flat[i];
  if (!first) return null;
  for (const { unit, words } of UNITS.get(first.word) ?? []) {
    let k = i;
    let ok = true;
    for (const w of words) {
      if (w === WILD) {
        const n = wildAt(flat, k);
        if (n === 0) {
          ok = false;
          break;
        }
        k += n;
      } else if (flat[k]?.word === w) k++;
      else {
        ok = false;
        break;
      }
    }
    if (ok && flat[k - 1]?.last) return { unit, end: k };
  }
  return null;
}

/** `, tỉnh Nghệ An` after `huyện Nghi Lộc`: each place of a higher level, named with its unit word, after a comma. */
function parentsAt(tokens: IToken[], place: PlaceMatch, text: string): { from: number; to: number; match: PlaceMatch }[] {
  const parents: { from: number; to: number; match: PlaceMatch }[] = [];
  let last = place;
  while (tokens[last.to]?.tokenType === Comma) {
    const from = last.to + 1;
    const parent = matchPlace(tokens, from, text, null);
    if (!parent || parent.unitTokens === 0 || parent.place.name === "" || !liesIn(last.place.unit, parent.place.unit)) break;
    parents.push({ from, to: parent.to, match: parent });
    last = parent;
  }
  return parents;
}

const PARTS = DOCUMENT_PARTS.map((p) => p.split(" "));
/** A part of a document at at(1), at(2), … (`Phụ lục I`, `Điều 5`): no issuing body starts there. */
export const isDocumentPart = (at: (k: number) => IToken | undefined): boolean =>
  PARTS.some((words) => words.every((w, j) => { const t = at(j + 1); return t !== undefined && stripDiacritics(t.image) === w; }));


/**
 * The known bodies at at(1), at(2), …: how many tokens they cover and their parts. `text` is the normalized
 * text, to see line breaks: a place the gazetteer knows is read across them, an unknown one stops at the first.
 */
export function matchBody(at: (k: number) => IToken | undefined, text: string): BodyMatch {
  const { flat, tokens } = flatten(at);
  const parts: BodyPart[] = [];
  let i = 0;
  let covered = 0;
  let open = false;
  for (;;) {
    const units: UnitMatch[] = [];
    let k = i;
    for (;;) {
      const found = unitAt(flat, k);
      if (!found) break;
      units.push({ unit: found.unit, from: flat[k]!.token, to: flat[found.end - 1]!.token + 1 });
      k = found.end;
      if (!found.unit.open) break;
      // `Ban Chỉ đạo 35 Huyện ủy`: a number after an organ, before what it belongs to.
      if (flat[k]?.word === WILD && unitAt(flat, k + 1)) k++;
    }
    if (units.length === 0) break;
    open = units[units.length - 1]!.unit.open === true;
    let place: BodyPart["place"] = null;
    // The place from the gazetteer (`tỉnh Quảng Nam`, bare after `Tỉnh ủy`), and the places it lies in.
    const from = k < flat.length ? flat[k]!.token : tokens.length;
    // A bare name after a committee, unless another body starts there (`Tỉnh ủy Ban …`).
    const implied = unitAt(flat, k) ? null : (units[units.length - 1]!.unit.place ?? null);
    const known = matchPlace(tokens, from, text, implied);
    if (known) {
      place = { from, to: known.to, match: known, parents: parentsAt(tokens, known, text) };
      const to = place.parents.at(-1)?.to ?? known.to;
      k = flat.findIndex((f) => f.token >= to);
      if (k < 0) k = flat.length;
      open = false;
    }
    parts.push({ units, place, rest: null });
    covered = k < flat.length ? flat[k]!.token : tokens.length;
    // Another body after `,` or `và`: `Bộ Chính trị, Ban Bí thư`, `Chính phủ và Ủy ban Trung ương Mặt trận …`.
    const join = flat[k];
    if (open || !join || (join.word !== "," && join.word !== "va")) break;
    if (!unitAt(flat, k + 1) || (join.word === "," && !listEndsAfter(flat, tokens, k + 1, text, at))) break;
    i = k + 1;
  }
  return { tokens: covered, parts, open };
}

/**
 * After `,`, a body is another issuer only where the list of bodies ends there (`của Bộ Chính trị, Ban Bí thư
 * về …`); before a lower-case word it starts a clause of its own (`…, Tổng cục Hải quan hướng dẫn …`).
 */
function listEndsAfter(flat: Flat[], tokens: IToken[], i: number, text: string, at: (k: number) => IToken | undefined): boolean {
  let k = i;
  for (let found = unitAt(flat, k); found; found = found.unit.open ? unitAt(flat, k) : null) k = found.end;
  const known = k < flat.length ? matchPlace(tokens, flat[k]!.token, text, null) : null;
  if (known) {
    const after = flat.findIndex((f) => f.token >= known.to);
    k = after < 0 ? flat.length : after;
  }
  const lastToken = flat[k - 1]!.token;
  const next = at(lastToken + 2);
  // Punctuation, a keyword (`về`, `ngày`, `khóa`), a capital or a new line ends the list; a word or a type word
  // in lower case is a verb's (`hướng dẫn`).
  if (!next || !/\p{L}/u.test(next.image[0] ?? "") || breakBetween(text, tokens[lastToken]!, next) || isUpper(next.image)) return true;
  return (next.tokenType !== Word && next.tokenType !== TypeWord) || stripDiacritics(next.image) === "va";
}

/** Title case for a unit's known spelling kept as printed when the printed one folds to it. */
function unitValue(tokens: IToken[], m: UnitMatch): string {
  const printed = tokens.slice(m.from, m.to).map((t) => t.image).join(" ");
  // Abbreviations stay as printed (`BCH`, `UBND`); a spelling that folds to the known one too (`Tỉnh uỷ`, `BỘ CHÍNH TRỊ`).
  const abbreviated = tokens.slice(m.from, m.to).some((t) => t.tokenType === Code && ABBREVIATIONS.has(t.image));
  // In lower case where the known spelling has capitals (`tỉnh ủy`, `ủy ban nhân dân`): the known spelling.
  if (!abbreviated && printed === printed.toLowerCase() && m.unit.name !== m.unit.name.toLowerCase() && !m.unit.name.includes(WILD)) return m.unit.name;
  if ((abbreviated && !lostMarks(printed)) || m.unit.name.includes(WILD) || foldName(printed) === foldName(m.unit.name)) return printed;
  // Diacritics lost or wrong (`Ban Chap hanh`): the known spelling.
  return m.unit.name;
}

/** A place as printed, and as compared: the gazetteer's spelling where the marks were lost, its name in the key. */
function placeValueAndKey(tokens: IToken[], text: string, m: PlaceMatch): { value: string; key: string } {
  const unitTokens = tokens.slice(0, m.unitTokens);
  const printedUnit = unitTokens.length === 0 ? "" : unitTokens.some((t) => lostMarks(t.image)) ? m.place.unit : singleSpaced(text.slice(unitTokens[0]!.startOffset, endOf(unitTokens[unitTokens.length - 1]!)));
  const nameTokens = tokens.slice(m.unitTokens);
  const printedName = nameTokens.length === 0 ? "" : singleSpaced(text.slice(nameTokens[0]!.startOffset, endOf(nameTokens[nameTokens.length - 1]!)));
  // Marks lost: the gazetteer's name (`Dak Lak` → `Đắk Lắk`); a spelling of its own without marks stays (`Kontum`).
  const lost = m.form !== null && nameTokens.some((t) => lostMarks(t.image)) && foldName(printedName) !== foldName(m.form);
  const name = lost ? m.place.name : printedName;
  // `TP.HCM` as printed; a space after any other unit word.
  const value = printedUnit === "" ? name : name === "" ? printedUnit : printedUnit.endsWith(".") && text[endOf(unitTokens[unitTokens.length - 1]!)] !== " " ? printedUnit + name : `${printedUnit} ${name}`;
  const key = [unitTokens.length > 0 ? m.place.unit : "", m.form !== null ? m.place.name : printedName].filter((x) => x !== "").join(" ");
  return { value, key };
}
const endOf = (t: IToken) => t.startOffset + t.image.length;

/** The clean value and the key of a body read by matchBody from `tokens` (the whole name's tokens) in `text`. */
export function bodyValueAndKey(tokens: IToken[], match: BodyMatch, text: string): { value: string; key: string; place: Place | null } {
  let place: Place | null = null;
  const values: string[] = [];
  const keys: string[] = [];
  let next = 0;
  for (const part of match.parts) {
    const words: string[] = [];
    const keyWords: string[] = [];
    // What joins this body to the one before (`,`, `và`) stays as printed.
    if (next < (part.units[0]?.from ?? next)) values.push(tokens.slice(next, part.units[0]!.from).map((t) => t.image).join(" "));
    for (const [i, m] of part.units.entries()) {
      // What stands between two units (`Ban Chỉ đạo 35 Huyện ủy`) stays as printed.
      const gap = i > 0 ? tokens.slice(part.units[i - 1]!.to, m.from).map((t) => t.image).join(" ") : "";
      if (gap) {
        words.push(gap);
        keyWords.push(gap);
      }
      words.push(unitValue(tokens, m));
      const key = m.unit.key ?? m.unit.name;
      if (key !== "") keyWords.push(key);
    }
    let end = part.units[part.units.length - 1]!.to;
    if (part.place) {
      const read = [part.place, ...part.place.parents].map((p) => placeValueAndKey(tokens.slice(p.from, p.to), text, p.match));
      words.push(read.map((r) => r.value).join(", "));
      keyWords.push(read.map((r) => r.key).join(", "));
      end = part.place.parents.at(-1)?.to ?? part.place.to;
      if (part.place.match.place.name !== "") place ??= withParents(part.place.match.place, part.place.parents.map((p) => p.match.place));
    }
    values.push(words.join(" "));
    keys.push(foldKey(keyWords.join(" ")));
    next = end;
  }
  // Unknown words after an open unit (`Giám đốc` + `Sở Tài chính`).
  if (next < tokens.length) {
    const rest = tokens.slice(next).map((t) => t.image).join(" ");
    values.push(rest);
    const last = keys.length - 1;
    keys[last] = `${keys[last] ?? ""} ${genericKey(tokens.slice(next))}`.trim();
  }
  return { value: values.join(" ").replace(/ ,/g, ","), key: [...new Set(keys)].sort().join(" + "), place };
}

// Old and new tone placement in an open syllable (`hoà`/`hòa`, `uỷ`/`ủy`, `khoẻ`/`khỏe`): the mark on the first
// vowel. Only at a syllable's end: `đoàn`, `quyết` keep theirs.
const MARKS: Record<string, string> = { "\u0300": "\u0300", "\u0301": "\u0301", "\u0303": "\u0303", "\u0309": "\u0309", "\u0323": "\u0323" };
const OPEN_SYLLABLE = /([ou])([ae]|y)([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\u0300-\u036f])/gu;
const foldTones = (s: string) => s.normalize("NFD").replace(OPEN_SYLLABLE, (_m, a: string, b: string, mark: string) => `${a}${MARKS[mark]}${b}`).normalize("NFC");
const foldKey = (s: string) => foldTones(s.toLowerCase()).replace(/\s+/g, " ").trim();

/** The key of a name no unit knows: abbreviations spelled out, then folded. */
export function genericKey(tokens: IToken[]): string {
  return foldKey(tokens.map((t) => (t.tokenType === Code ? (BODY_ABBREVIATIONS[t.image] ?? t.image) : t.image)).join(" ").replace(/ ,/g, ","));
}

export interface BodyReading {
  value: string;
  key: string;
  /** The place of the (first) body, where the text names one. */
  place: Place | null;
}

/** The clean value and key of the body read at `piece` of the normalized text. */
export function readBody(text: string, piece: { start: number; end: number }): BodyReading {
  return readBodyText(text.slice(piece.start, piece.end));
}

/**
 * An issuing body named in words, read as a citation's body is (`TỈNH ỦY NGHỆ AN`, `UBND tinh Quang Nam`): its
 * clean value, its key (issuedByKey's) and its place. For a document's own body in its header.
 */
export const readIssuingBody = (name: string): BodyReading => readBodyText(normalize(name).text.replace(/\s+/g, " ").trim());

/** The key of a body named in words (`BCH Trung ương Đảng` → `ban chấp hành trung ương đảng`): issuedByKey's. */
export const bodyKeyOf = (name: string): string => readBodyText(normalize(name).text).key;

// A text names the same few bodies again and again.
const readBodyText = remembered((name: string): BodyReading => {
  const tokens = tokenize(name, 0, name.length);
  const match = matchBody((k) => tokens[k - 1], name);
  if (match.tokens > 0) return bodyValueAndKey(tokens, match, name);
  return { value: tokens.map((t) => t.image).join(" ").replace(/ ,/g, ","), key: genericKey(tokens), place: null };
});
