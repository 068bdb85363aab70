/**
 * How a text relates to what it cites, from the verb that governs each mention in its clause:
 *
 *   Căn cứ Nghị định số 30/2020/NĐ-CP …                  → basedOn
 *   Thực hiện Kế hoạch số 25-KH/TU … và Kết luận số 93 …  → implements (both: coordinated)
 *   Kết luận số 69-KL/TW … về tiếp tục thực hiện Nghị quyết số 20-NQ/TW
 *                                                         → stated: 69-KL/TW continues 20-NQ/TW
 */
import relationsJson from "../../grammar/relations.json";
import { spanOf } from "./resolve.js";
import type { Mention, Relation, Span, StatedRelation } from "../schema.js";
import { lineIndex, type Quotation, quotationAt } from "../text.js";

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
function governs(text: string, verb: Verb, mentionStart: number): boolean {
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
function verbsIn(text: string, from: number, to: number): Verb[] {
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
function clauseStart(text: string, at: number): number {
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
const TIES_TO_PREVIOUS = /^[\s,*_"“”]*(?:về[\s*_"“]*)?$/iu;

/**
 * The relation of each mention, and the relations the text states between cited documents. In a clause, a
 * mention after another takes the verb between them; a verb right after the earlier citation (or its `về`)
 * states how that document relates to this one; with no verb, the two are coordinated.
 */
export function relate(text: string, mentions: Mention[], quotes: readonly Quotation[]): StatedRelation[] {
  const stated = new Map<string, StatedRelation>();
  const state = (from: string, to: string, relation: Mention["relation"], evidence: Span) => {
    const id = `${from} ${relation} ${to}`;
    if (from !== to && !stated.has(id)) stated.set(id, { from, to, relation, evidence });
  };
  const statedFrom = new Map<Mention, { from: string; relation: Mention["relation"] }>();
  // As quotations (open and close outside), so that one search finds a mention inside either.
  const notes = [...text.matchAll(EDITORIAL_NOTE)].map((n): Quotation => [n.index - 1, n.index + n[0].length]);
  const lines = lineIndex(text);
  let previous: Mention | null = null;
  let named: Mention | null = null;
  let amended: Mention | null = null;
  for (const m of mentions) {
    // `Căn cứ Luật sửa đổi … của Luật Đất đai số 31/2024/QH15, …`: the law named inside another's title is
    // only named; the verb governs the amending law.
    if (named && m.start < named.end) continue;
    if (m.citation?.title) named = m;
    if (m.isDefinition || m.resolvedBy === "self") continue;
    // A portal's editorial note is not the text, nor is another law quoted: their mentions relate nothing.
    if (quotationAt(notes, m.start) || quotationAt(quotes, m.start)) continue;
    amended = amendedBy(text, lines, m, previous, amended, state);
    const clause = clauseStart(text, m.start);
    const p: Mention | null = previous && previous.end > clause ? previous : null;
    // `…; Kế hoạch số 116-KH/TU …`: a clause that only continues a list keeps the list's relation.
    const continuesList = !p && previous !== null && text[clause - 1] === ";" && /^[\s*_]*$/.test(text.slice(clause, m.start));
    const listHead = previous;
    previous = m;
    const verbs = verbsIn(text, p ? p.end : clause, m.start);
    const verb = verbs.at(-1) ?? null;
    const near = verb && governs(text, verb, m.start) ? verb : null;
    // The verb right after the earlier citation (or its `về`) says how that document relates to this one:
    // `Nghị định số 08/2015/NĐ-CP … quy định chi tiết và biện pháp thi hành Luật Hải quan` → guides.
    const tie = p ? verbs.find((v) => TIES_TO_PREVIOUS.test(text.slice(p.end, v.span.start)) && governs(text, v, m.start)) : undefined;
    if (p && tie) {
      if (p.resolvedKey && m.resolvedKey) {
        state(p.resolvedKey, m.resolvedKey, tie.relation, tie.span);
        statedFrom.set(m, { from: p.resolvedKey, relation: tie.relation });
      }
      m.verb = tie.span;
    } else if (near) {
      m.relation = near.relation;
      m.verb = near.span;
    } else if (p && !verb && !insideSubject(p, m)) {
      // Coordinated with the mention before it: `Nghị quyết số 20-NQ/TW … và Kết luận số 50-KL/TW`.
      m.relation = p.relation;
      m.verb = p.verb;
      const parent = statedFrom.get(p);
      if (parent && m.resolvedKey && p.verb) {
        state(parent.from, m.resolvedKey, parent.relation, p.verb);
        statedFrom.set(m, parent);
      }
    } else if (continuesList && listHead && !verb) {
      m.relation = listHead.relation;
      m.verb = listHead.verb;
    }
  }
  return [...stated.values()];
}

// `A … đã được sửa đổi, bổ sung một số điều theo B`, and a consolidated text's `A …, được sửa đổi, bổ sung bởi:`
// followed by the numbered list `1. B …; 2. C …`: B (and C) amend A.
const AMENDED_BY = /^[^;.\n]*?được\s+sửa\s+đổi(?:,?\s+bổ\s+sung)?(?:\s+một\s+số\s+điều)?\s+(?:bởi|theo)\s*$/u;
const AMENDED_BY_LIST = /^[^;\n]*?được\s+sửa\s+đổi(?:,?\s+bổ\s+sung)?\s+bởi\s*:[ \t]*$/u;
const NUMBERED_ITEM = /^[ \t]*\d+\.[ \t]*$/;
const PHRASE_REACH = 400;
type State = (from: string, to: string, relation: Mention["relation"], evidence: Span) => void;

/** Passive amendments, in line or as a numbered list; returns the head of a list that goes on, if any. */
function amendedBy(text: string, lines: ReturnType<typeof lineIndex>, m: Mention, previous: Mention | null, head: Mention | null, state: State): Mention | null {
  const lineStart = lines.startOf(m.start);
  const lineEnd = lines.endOf(m.end);
  // The phrases tested here are short: a long stretch is not read (hostile text with no line breaks stays linear).
  const shortIs = (re: RegExp, from: number, to: number) => to - from <= PHRASE_REACH && re.test(text.slice(from, to));
  const item = shortIs(NUMBERED_ITEM, lineStart, m.start);
  if (head?.resolvedKey && m.resolvedKey && item) state(m.resolvedKey, head.resolvedKey, "amends", spanOf(text, m.start, m.end));
  if (previous?.resolvedKey && m.resolvedKey && shortIs(AMENDED_BY, previous.end, m.start)) {
    state(m.resolvedKey, previous.resolvedKey, "amends", spanOf(text, previous.end, m.start));
  }
  if (shortIs(AMENDED_BY_LIST, m.end, lineEnd)) return m;
  return item || (head && lineStart <= head.start) ? head : null;
}

const insideSubject = (p: Mention, m: Mention) => {
  const s = p.citation?.spans.subject;
  return s !== null && s !== undefined && m.start >= s.start && m.start < s.end;
};
