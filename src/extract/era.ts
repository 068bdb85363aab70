/**
 * Old state identifiers read with the code tables of their era (grammar/eras.json), and the codes of units of
 * a body (grammar/units.json). `Thông tư 70-TC/TCT năm 1994` is the Ministry of Finance's (TC) circular from
 * its tax department (TCT), not a communiqué (type code TC of today): no type-code-mismatch on it.
 */
import erasJson from "../../grammar/eras.json";
import unitsJson from "../../grammar/units.json";
import { foldKey, kindOfWord } from "../tables.js";

interface Coded {
  code: string;
  names?: string[];
  kind?: string;
}

const ERAS = erasJson.eras.map((e) => ({
  until: e.until,
  stateKinds: new Set(e.stateKinds.map(foldKey)),
  ministries: byCode(e.ministries),
  types: e.types as Coded[],
  // A type code of a kind (`tt thông tư`), folded once: the first entry of each.
  typeOfKind: new Map([...(e.types as Coded[])].reverse().map((t) => [`${foldKey(t.code)} ${foldKey(t.kind ?? "")}`, t.code])),
  issuers: byCode(e.issuers),
}));
const UNITS = byCode(unitsJson.units);

function byCode(list: Coded[]): Map<string, Coded> {
  return new Map(list.map((c) => [foldKey(c.code), c]));
}

/** The codes an old identifier reads as in its era: `70-TC/TCT` → issuer TC/TCT, no type code. */
export interface EraCodes {
  typeCode: string | null;
  issuer: string;
}

/**
 * An identifier whose first group today's tables read as a type code (`number-HEAD/REST`, `number/HEAD-REST`,
 * `number/HEAD`), after a state type word, in the era its date (or year) falls in, or undated. `sep` is the
 * separator printed after HEAD. Null when no era's shape fits: today's rules apply.
 */
export function readInEra(word: string, head: string, rest: string, sep: string, date: string | null, year: number | null): EraCodes | null {
  const kind = kindOfWord(word)?.kind ?? word;
  const groups = rest === "" ? [] : rest.split(/[-/]/);
  for (const era of ERAS) {
    if (!era.stateKinds.has(foldKey(kind))) continue;
    if ((date && date > era.until) || (year !== null && String(year) > era.until.slice(0, 4))) continue;
    const typeFor = (code: string) => era.typeOfKind.get(`${foldKey(code)} ${foldKey(kind)}`);
    const ministry = era.ministries.get(foldKey(head))?.code;
    if (ministry) {
      // ministry/type (`15-BTC/TT`), else ministry/department (`70-TC/TCT`, `06/TC-TCDN`), else the ministry (`108/TC`).
      const type = groups.length === 1 ? typeFor(groups[0] as string) : undefined;
      return type ? { typeCode: type, issuer: ministry } : { typeCode: null, issuer: rest ? `${ministry}${sep}${rest}` : ministry };
    }
    // type/issuer: `38-LCT/HĐNN8`, `80/TT-LB`.
    const type = typeFor(head);
    const issuer = groups[0] ? foldKey(groups[0].replace(/\d+$/, "")) : "";
    if (type && (era.issuers.has(issuer) || era.ministries.has(issuer))) return { typeCode: type, issuer: rest };
  }
  return null;
}

/** An issuer code of an earlier era (`TC`, `HĐNN`) or a unit's code (`ĐGS`): known, though not in today's table. */
export function olderOrUnitCode(code: string): Coded | undefined {
  const key = foldKey(code.replace(/\d+$/, ""));
  return UNITS.get(key) ?? ERAS.map((e) => e.ministries.get(key) ?? e.issuers.get(key)).find((c) => c !== undefined);
}

/** A type code of an earlier era (`LCT`, Lệnh của Chủ tịch Hội đồng Nhà nước). */
export const olderTypeCode = (code: string) => ERAS.some((e) => e.types.some((t) => foldKey(t.code) === foldKey(code)));

/** Whether a code names a unit or delegation of a body (`ĐGS`, `TCCB`): it issues for the body named in words. */
export const isUnitCode = (code: string) => UNITS.has(foldKey(code));
