/**
 * How a text relates to what it cites, from the verb that governs each mention in its clause:
 *
 *   Căn cứ Nghị định số 30/2020/NĐ-CP …                  → basedOn
 *   Thực hiện Kế hoạch số 25-KH/TU … và Kết luận số 93 …  → implements (both: coordinated)
 *   Kết luận số 69-KL/TW … về tiếp tục thực hiện Nghị quyết số 20-NQ/TW
 *                                                         → stated: 69-KL/TW continues 20-NQ/TW
 */
import relationsJson from "../grammar/relations.json";
import type { Relation, Span } from "./schema.js";

const VERBS = [...relationsJson.verbs].sort((a, b) => b.verb.length - a.verb.length);
const VERB = new RegExp(
  `(?<![\\p{L}])(?:${VERBS.map((v) => v.verb.replace(/[,]/g, ",?").replace(/ /g, "\\s+")).join("|")})(?![\\p{L}])`,
  "giu",
);
const relationOfVerb = new Map(VERBS.map((v) => [v.verb, v.relation as Relation]));
const STRENGTH: readonly string[] = relationsJson.strength;
const BREAKERS: ReadonlySet<string> = new Set(relationsJson.breakers);
const SOME_PARTS_OF = /^\s*một\s+số\s+[^;.\n]{1,60}?\s+của\s*$/u;
// Module constants: the bundler turns a regex literal with \p{…} into `new RegExp(…)`, built again at every use.
const HAS_LETTER = /\p{L}/u;
const CAPITAL = /\p{Lu}/u;

/** A verb governs a mention only from close by, with no word between them that starts another construction. */
export function governs(text: string, verb: Verb, mentionStart: number): boolean {
  const between = text.slice(verb.span.end, mentionStart);
  // `sửa đổi, bổ sung một số điều của`, `… một số nội dung tại các Phụ lục của`: the verb's own complement.
  if (SOME_PARTS_OF.test(between)) return true;
  const words = between.split(/[\s,]+/).filter((w) => HAS_LETTER.test(w));
  return words.length <= relationsJson.maxSyllablesVerbToMention && !words.some((w) => BREAKERS.has(w.toLowerCase()));
}

/** The stronger of two relations (repeals > … > mentions). */
export const stronger = (a: Relation, b: Relation): Relation => (STRENGTH.indexOf(a) <= STRENGTH.indexOf(b) ? a : b);

export interface Verb {
  relation: Relation;
  span: Span;
}

/** Editorial notes legal portals insert in square brackets (`[Khoản này được hướng dẫn bởi …]`): not the text. */
export const EDITORIAL_NOTE = /\[[^\]\n]*\]/g;
// `các văn bản quy định chi tiết Luật …`: a verb after `văn bản` describes those documents, not the citing one.
const DESCRIBES_OTHERS = /văn\s+bản\s*$/iu;

/** The relation verbs in text[from, to), in order (none that only describe other documents). */
export function verbsIn(text: string, from: number, to: number): Verb[] {
  if (to <= from) return [];
  const slice = text.slice(from, to);
  const found: Verb[] = [];
  VERB.lastIndex = 0;
  for (let m = VERB.exec(slice); m !== null; m = VERB.exec(slice)) {
    const key = m[0].toLowerCase().replace(/\s+/g, " ").replace(/^sửa đổi,? bổ sung$/, "sửa đổi, bổ sung");
    const relation = relationOfVerb.get(key);
    const start = from + m.index;
    if (relation && !DESCRIBES_OTHERS.test(text.slice(Math.max(0, start - 16), start))) {
      found.push({ relation, span: { text: m[0], start, end: start + m[0].length } });
    }
  }
  return found;
}

/** Where the clause that holds `at` begins: after `;`, a line break or a sentence end. */
export function clauseStart(text: string, at: number): number {
  // A clause longer than this is cut there (no verb governs from so far; hostile text with no breaks stays linear).
  const limit = Math.max(0, at - CLAUSE_REACH);
  for (let i = at - 1; i >= limit; i--) {
    const c = text[i];
    if (c === ";" || c === "\n") return i + 1;
    if (c === "." && /\s/.test(text[i + 1] ?? "") && CAPITAL.test(text.slice(i + 1, i + 4).trim()[0] ?? "")) return i + 1;
  }
  return limit;
}
const CLAUSE_REACH = 5000;

/** Text between a citation and a verb that ties the verb to that citation: `, … của X về`, `về *`. */
export const TIES_TO_PREVIOUS = /^[\s,*_"“”]*(?:về[\s*_"“]*)?$/iu;
