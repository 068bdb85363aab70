/**
 * How a text relates to what it cites, read from its structure (structure.ts), and the relations it states
 * between other documents:
 *
 *   Căn cứ Nghị định số 30/2020/NĐ-CP …;                 → basedOn (rule preamble)
 *   Thực hiện Kế hoạch số 25-KH/TU …, Ban Thường vụ … :  → implements (rule purpose)
 *   Kế hoạch số 25-KH/TU … về thực hiện Kết luận số 93   → stated: 25-KH/TU implements 93-KL/TW
 *   [Khoản này được hướng dẫn bởi Thông tư số …]          → stated: the circular guides this text (portal-note)
 *   các cấp ủy căn cứ Quy định số 366-QĐ/TW …             → mentions (a task given to others)
 *
 * Works on the normalized text (NFD, `Ð` read alike), in its offsets: the mentions given, and the spans and
 * diagnostics given back (parseDocument maps them to the original).
 */
import relationsJson from "../../grammar/relations.json";
import { diagnostic } from "../diagnostics.js";
import type { Source } from "../extract/source.js";
import { spanOf } from "./resolve.js";
import type { Diagnostic, Mention, Relation, RelationRule, Span, StatedRelation } from "../schema.js";
import { type Layout, readLayout } from "./layout/grammar.js";
import { actOn, bodyStart, documentClauses, type Extent, governedBy } from "./structure.js";
import { ACTS, alternation, fold, LIST_JOIN, lookup, PASSIVE, PASSIVE_TO_CITATION, phrase, words } from "./verbs.js";
import { lineIndex, type Quotation, quotationAt, isBare } from "../text.js";

const VERBS = [...relationsJson.verbs].sort((a, b) => b.verb.length - a.verb.length);
// No look-behind for the letter before: tried at every offset it doubled the scan (its marks-optional first letters);
// verbsIn checks that letter instead.
const VERB = new RegExp(`(?:${alternation(VERBS)})(?![\\p{L}])`, "giu");
const relationOfVerb = lookup(VERBS);
const STRENGTH: readonly string[] = relationsJson.strength;
// A word breaks as written, or with no mark at all (`trọng`, `tài` are no `trong`, `tại`).
const BREAKERS: ReadonlySet<string> = new Set(relationsJson.breakers.map((w) => w.toLowerCase()));
const BARE_BREAKERS: ReadonlySet<string> = new Set(relationsJson.breakers.map(fold));
const isBreaker = (w: string) => {
  const lower = w.toLowerCase();
  return isBare(lower) ? BARE_BREAKERS.has(lower) : BREAKERS.has(lower);
};
const SOME_PARTS_OF = new RegExp(`^\\s*(?:${words(relationsJson.someParts)})\\s+[^;.\\n]{1,60}?\\s+(?:${words(relationsJson.partOf)})\\s*$`, "iu");
// Module constants: the bundler turns a regex literal with \p{…} into `new RegExp(…)`, built again at every use.
const HAS_LETTER = /\p{L}/u;
const LETTER_AT_END = /\p{L}$/u;
const CAPITAL = /\p{Lu}/u;

/** A verb governs a mention only from close by, with no word between them that starts another construction. */
function governs(text: string, verb: Verb, mentionStart: number): boolean {
  const between = text.slice(verb.span.end, mentionStart);
  // `sửa đổi, bổ sung một số điều của`, `… một số nội dung tại các Phụ lục của`: the verb's own complement.
  if (SOME_PARTS_OF.test(between)) return true;
  const words = between.split(/[\s,]+/).filter((w) => HAS_LETTER.test(w));
  return words.length <= relationsJson.maxSyllablesVerbToMention && !words.some(isBreaker);
}

/** The stronger of two relations (repeals > … > mentions). */
export const stronger = (a: Relation, b: Relation): Relation => (STRENGTH.indexOf(a) <= STRENGTH.indexOf(b) ? a : b);

export interface Verb {
  relation: Relation;
  span: Span;
}

// `các văn bản quy định chi tiết Luật …`: a verb after `văn bản` describes those documents, not the citing one.
const DESCRIBES_OTHERS = new RegExp(`(?:${words(relationsJson.describesOthers)})\\s*$`, "iu");

/** The relation verbs in text[from, to), in order (none that only describe other documents). */
function verbsIn(text: string, from: number, to: number): Verb[] {
  if (to <= from) return [];
  const slice = text.slice(from, to);
  const found: Verb[] = [];
  VERB.lastIndex = 0;
  for (let m = VERB.exec(slice); m !== null; m = VERB.exec(slice)) {
    // Inside a word: a verb may still start at the next offset (what the look-behind would have found).
    if (m.index > 0 && LETTER_AT_END.test(slice.slice(Math.max(0, m.index - 2), m.index))) {
      VERB.lastIndex = m.index + 1;
      continue;
    }
    const relation = relationOfVerb(m[0]);
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


/** How the text relates to one mention: the relation, the rule of the structure that gave it, its verb. */
export interface Reading {
  relation: Relation;
  rule: RelationRule | null;
  verb: Span | null;
}

export interface RelationContext {
  /** The document's own key (the subject of a portal note `[Khoản này được hướng dẫn bởi …]`). */
  key: string | null;
  /** Its date (ISO): it cannot implement, amend or be based on a document issued after it. */
  date: string | null;
  /** Its type in words (`Quyết định`), if known: `Luật này thay thế …` in a công văn is not its own act. */
  kind?: string | null;
  /** Its title (normalized offsets): `Triển khai thực hiện Kết luận số …`. */
  title: Span | null;
}

export interface Relations {
  /** One reading per mention, in the order given. */
  readings: Reading[];
  stated: StatedRelation[];
  diagnostics: Diagnostic[];
}

const DATE_ORDERED: ReadonlySet<string> = new Set(relationsJson.dateOrdered);

/**
 * How the text relates to each mention, and the relations it states between the documents it cites. Reads
 * the source's normalized text; the mentions, and the spans and diagnostics returned, are in its offsets.
 * Quotations (another text's words relate nothing of this one) are the source's.
 */
export function relate(src: Source, mentions: readonly Mention[], context: RelationContext, layout: Layout = readLayout(src.text)): Relations {
  const text = src.text;
  const quotes = src.normalizedQuotes;
  const notes = src.normalizedNotes;
  const body = bodyStart(text, layout);
  // Before the body a stray `“` makes no quotation.
  const aside = (at: number) => quotationAt(notes, at) !== undefined || (at >= body && quotationAt(quotes, at) !== undefined);

  const order = mentions.map((_, i) => i).sort((a, b) => (mentions[a] as Mention).start - (mentions[b] as Mention).start);
  const extents: (Extent & { index: number })[] = order.map((i) => {
    const v = mentions[i] as Mention;
    return { start: v.start, end: v.end, reach: Math.max(v.end, v.citation?.spans.subject?.end ?? 0), kind: v.citation?.kind?.toLowerCase() ?? null, index: i };
  });
  const title = context.title;
  const readings: Reading[] = mentions.map(() => ({ relation: "mentions", rule: null, verb: null }));
  const dateOf = datesByKey(mentions);
  const diagnostics: Diagnostic[] = [];

  // `Quyết định này thay thế …` acts only where `Quyết định này` is the text itself (where the text's own mentions
  // were not found, as in decomposed text the header reads raw today: where the type word is its own, or unknown).
  const selfEnds = new Set(mentions.filter((v) => v.resolvedBy === "self").map((v) => v.end));
  const ownKind = context.kind ? new RegExp(`${phrase(context.kind)}\\s+$`, "iu") : null;
  const isSelf = (end: number) => selfEnds.has(end) || (selfEnds.size === 0 && (!ownKind || ownKind.test(text.slice(Math.max(0, end - 40), end - 3))));
  for (const clause of documentClauses(text, layout, extents, title, (at) => quotationAt(quotes, at) !== undefined, isSelf)) {
    const governed = governedBy(text, clause, extents) as (Extent & { index: number })[];
    const relation = governed[0] ? actOn(text, clause, governed[0]) : clause.relation;
    for (const e of governed) {
      const m = mentions[e.index] as Mention;
      if (m.isDefinition || m.resolvedBy === "self" || aside(e.start)) continue;
      const r = readings[e.index] as Reading;
      if (stronger(r.relation, relation) === r.relation && r.rule !== null) continue;
      const cited = m.resolvedKey ? dateOf.get(m.resolvedKey) : undefined;
      if (DATE_ORDERED.has(relation) && context.date && cited && cited > context.date) {
        diagnostics.push(dateOrder(m, relation, context.date, cited));
        continue;
      }
      Object.assign(r, { relation, rule: clause.rule, verb: spanOf(text, clause.verb.start, clause.verb.end) });
    }
  }

  const stated: StatedRelation[] = [];
  for (const s of statedBetween(src, mentions, quotes, notes, context.key)) {
    const [from, to] = [dateOf.get(s.from), dateOf.get(s.to)];
    if (DATE_ORDERED.has(s.relation) && from && to && to > from) {
      // A relation the tool read between two cited texts against their dates is more often its own misreading
      // than the text's error (b_051, b_080 of the corpus): a note, and the relation is not asserted.
      diagnostics.push(
        diagnostic("relation-date-order", s.evidence.start, s.evidence.end, {
          from: s.from, to: s.to, relation: s.relation, fromDate: from, toDate: to,
        }, null, undefined, "info"),
      );
      continue;
    }
    stated.push(s);
  }
  return { readings, stated, diagnostics };
}

/** Each cited key's date, from the first of its mentions that gives one. */
function datesByKey(mentions: readonly Mention[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of mentions) if (m.resolvedKey && m.citation?.date && !out.has(m.resolvedKey)) out.set(m.resolvedKey, m.citation.date);
  return out;
}

/** A warning when the cited date was printed at this mention; a note when it comes from a resolved guess. */
function dateOrder(m: Mention, relation: Relation, own: string, cited: string): Diagnostic {
  const printed = m.resolvedBy === "identifier" && m.citation?.date === cited;
  return diagnostic("relation-date-order", m.start, m.end, { from: "this document", to: m.resolvedKey ?? m.text, relation, fromDate: own, toDate: cited }, null, undefined, printed ? "warning" : "info");
}

// `… về việc tiếp tục thực hiện`: a `về (việc)` right after a citation ties the verb after it to that citation.
// `Quyết định số 416/QĐ-TTg … về ban hành Kế hoạch thực hiện Chỉ thị …`: issuing a plan to carry it out.
const TIES_TO_PREVIOUS = new RegExp(`^[\\s,*_"“”]*(?:(?:${words(relationsJson.about)})[\\s*_"“]*)?(?:(?:${words(relationsJson.issuesToCarryOut)})\\s+)?$`, "iu");
// `[Khoản này được hướng dẫn bởi Thông tư số …]`, and the same note without brackets (`… được hướng dẫn bởi
// Công văn 4530/NHCS-TDNN năm 2024 có hiệu lực từ ngày …`): the cited text acts on this one.
const PASSIVE_BEFORE = new RegExp(`${PASSIVE_TO_CITATION}\\s*$`, "iu");
// The last words of the passive verbs (`bởi`, `theo`, `tại`): a quick test before the pattern.
const MAY_BE_PASSIVE = new RegExp(words([...new Set(PASSIVE.map((v) => v.verb.split(" ").at(-1) as string))]), "u");
const relationOfPassive = new Map(PASSIVE.map((v) => [fold(v.verb), v.relation as Relation]));
const PORTAL_TAIL = new RegExp(`^[^\\n\\]]{0,40}?(?:${words(relationsJson.inForce)})`, "iu");
const NOTE_LINK = new RegExp(`^[\\s,]*(?:${words(relationsJson.noteLinks)})?\\s*$`, "iu");
// `Luật sửa đổi, bổ sung một số điều của …`: a title that amends (an optional type word, then an amending act).
const AMENDING_TITLE = new RegExp(`^(?:\\p{L}+\\s+)?(?:${alternation(ACTS.filter((a) => a.relation === "amends"))})`, "iu");

/**
 * The relations the text states between the documents it cites. In a clause, a verb right after a citation
 * (or its `về`) states how that document relates to the next one (`Nghị định số 08/2015/NĐ-CP … quy định chi
 * tiết … Luật Hải quan` → guides), and a citation coordinated with the next shares the statement; a passive
 * (`A được sửa đổi, bổ sung bởi B`) states it backwards; a portal note states it of this text.
 */
function statedBetween(src: Source, mentions: readonly Mention[], quotes: readonly Quotation[], notes: readonly Quotation[], self: string | null): StatedRelation[] {
  const { text, lines } = src;
  const stated = new Map<string, StatedRelation>();
  const state = (from: string, to: string, relation: Relation, evidence: Span, rule: RelationRule = "stated") => {
    const id = `${from} ${relation} ${to}`;
    if (from !== to && !stated.has(id)) stated.set(id, { from, to, relation, evidence, rule });
  };
  const statedFrom = new Map<Mention, { from: string; relation: Relation; verb: Span }>();
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  let previous: Mention | null = null;
  let named: Mention | null = null;
  let amended: Mention | null = null;
  let noted: Mention | null = null;
  let list: PassiveList | null = null;
  // The mentions read so far, and the head a mention is named in (`Nghị định số A … thi hành Luật X` → A).
  const seen: Mention[] = [];
  const headOf = (x: Mention): Mention => {
    for (let i = seen.length - 1, steps = 0; i >= 0 && steps < 8; i--, steps++) {
      const q = seen[i] as Mention;
      if (q !== x && insideSubject(q, x)) return headOf(q);
    }
    return x;
  };
  for (const m of ordered) {
    // `Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 …`: the
    // amending law amends each law its title names; they are only named.
    if (named && m.start < named.end) {
      const head = named.citation?.title ?? "";
      if (named.resolvedKey && m.resolvedKey && named.resolvedBy !== "self" && AMENDING_TITLE.test(head)) {
        state(named.resolvedKey, m.resolvedKey, "amends", spanOf(text, named.start, named.end));
      }
      continue;
    }
    if (m.citation?.title) named = m;
    if (m.isDefinition || m.resolvedBy === "self") continue;
    // A portal's note inside a quoted amendment is still the portal's (`“Điều 5. … [Điều này được hướng dẫn bởi …]`).
    const note = quotationAt(notes, m.start);
    if (!note && quotationAt(quotes, m.start)) continue;
    const before = text.slice(Math.max(note ? note[0] + 1 : 0, m.start - 160), m.start);
    const passive = MAY_BE_PASSIVE.test(before) ? PASSIVE_BEFORE.exec(before) : null;
    // A portal's note says how a later text acts on this one; it is not the text, so it relates nothing else.
    // `… hướng dẫn tại Nghị quyết 72/2025/… nay được sửa đổi bởi Nghị quyết 100/2025/…`: of the one named before.
    const passiveStart = m.start - (passive?.[0].length ?? 0);
    const subject = note && noted && noted.start > note[0] && noted.end <= passiveStart && NOTE_LINK.test(text.slice(noted.end, passiveStart)) ? noted : null;
    if (note) noted = m;
    if (passive && (subject?.resolvedKey ?? self) && m.resolvedKey && (note || PORTAL_TAIL.test(text.slice(m.end, m.end + 80)))) {
      // A note speaks of a part (`Cụm từ này bị bãi bỏ bởi …`): repealing or replacing a part amends the text.
      const read = relationOfPassive.get(fold(passive[1] as string));
      const relation = read === "repeals" || read === "replaces" ? "amends" : read;
      if (relation) state(m.resolvedKey, (subject?.resolvedKey ?? self) as string, relation, spanOf(text, m.start - passive[0].length, m.end), "portal-note");
      continue;
    }
    if (note) continue;
    const byPassive = amendedBy(text, lines, m, previous, amended, list, headOf, state);
    amended = byPassive.head;
    list = byPassive.list;
    seen.push(m);
    const clause = clauseStart(text, m.start);
    const p: Mention | null = previous && previous.end > clause ? previous : null;
    previous = m;
    const verbs = verbsIn(text, p ? p.end : clause, m.start);
    const verb = verbs.at(-1) ?? null;
    // A passive (`A, sửa đổi bổ sung tại B`) read above is not A's act on B.
    const tie = p && !byPassive.read ? verbs.find((v) => TIES_TO_PREVIOUS.test(text.slice(p.end, v.span.start)) && governs(text, v, m.start)) : undefined;
    if (p && tie) {
      if (p.resolvedKey && m.resolvedKey) {
        state(p.resolvedKey, m.resolvedKey, tie.relation, tie.span);
        statedFrom.set(m, { from: p.resolvedKey, relation: tie.relation, verb: tie.span });
      }
    } else if (p && !verb && !byPassive.read && !insideSubject(p, m)) {
      // Coordinated with the mention before it: `… thực hiện Nghị quyết số 20-NQ/TW … và Kết luận số 50-KL/TW`.
      const parent = statedFrom.get(p);
      if (parent && m.resolvedKey) {
        state(parent.from, m.resolvedKey, parent.relation, parent.verb);
        statedFrom.set(m, parent);
      }
    }
  }
  return [...stated.values()];
}

// `A … đã được sửa đổi, bổ sung một số điều theo B`, `A …, sửa đổi bổ sung tại (khoản 32 Điều 1) B`, and a
// consolidated text's `A …, được sửa đổi, bổ sung bởi:` followed by the numbered list `1. B …; 2. C …`: B (and C)
// amend A. The words are the table's (passive verbs, determiners, parts); a part may stand before the amender.
const AMENDED_BY = new RegExp(`^([\\s,]*)[^;.\\n]*?${PASSIVE_TO_CITATION}\\s*$`, "iu");
const AMENDED_BY_LIST = new RegExp(`^[^;\\n]*?(?:${alternation(PASSIVE)})\\s*:[ \\t]*$`, "iu");
const NUMBERED_ITEM = /^[ \t]*\d+\.[ \t]*$/;
const PHRASE_REACH = 400;
type State = (from: string, to: string, relation: Relation, evidence: Span) => void;
/** A passive statement that goes on over a list: what is acted on, how, and the last member read. */
export interface PassiveList {
  subject: Mention;
  relation: Relation;
  last: Mention;
}

/**
 * Passive amendments, in line (and over the list that follows) or as a numbered list. Returns the head of a
 * numbered list that goes on, if any, the in-line list that goes on, if any, and whether `m` was read here.
 */
function amendedBy(
  text: string, lines: ReturnType<typeof lineIndex>, m: Mention, previous: Mention | null, head: Mention | null, list: PassiveList | null,
  headOf: (m: Mention) => Mention, state: State,
): { head: Mention | null; list: PassiveList | null; read: boolean } {
  const lineStart = lines.startOf(m.start);
  const lineEnd = lines.endOf(m.end);
  // The phrases tested here are short: a long stretch is not read (hostile text with no line breaks stays linear).
  const short = (from: number, to: number) => (to - from <= PHRASE_REACH ? text.slice(from, to) : null);
  const item = NUMBERED_ITEM.test(short(lineStart, m.start) ?? "x");
  let read = false;
  if (head?.resolvedKey && m.resolvedKey && item) state(m.resolvedKey, head.resolvedKey, "amends", spanOf(text, m.start, m.end));
  const between = previous ? short(previous.end, m.start) : null;
  const passive = between !== null ? AMENDED_BY.exec(between) : null;
  let next: PassiveList | null = null;
  if (previous && passive) {
    // `Nghị định số A … quy định chi tiết Luật X, đã được sửa đổi … tại Nghị định số B`: after a comma, the head
    // (A) is the one amended, not the law its subject names.
    const subject = (passive[1] as string).includes(",") ? headOf(previous) : previous;
    const relation = relationOfPassive.get(fold(passive[2] as string)) ?? "amends";
    if (subject.resolvedKey && m.resolvedKey) state(m.resolvedKey, subject.resolvedKey, relation, spanOf(text, previous.end, m.start));
    next = { subject, relation, last: m };
    read = true;
  } else if (list && LIST_JOIN.test(short(list.last.end, m.start) ?? "x")) {
    if (list.subject.resolvedKey && m.resolvedKey) state(m.resolvedKey, list.subject.resolvedKey, list.relation, spanOf(text, list.last.end, m.end));
    next = { ...list, last: m };
    read = true;
  }
  if (AMENDED_BY_LIST.test(short(m.end, lineEnd) ?? "")) return { head: m, list: next, read };
  return { head: item || (head && lineStart <= head.start) ? head : null, list: next, read };
}

const insideSubject = (p: Mention, m: Mention) => {
  const s = p.citation?.spans.subject;
  return s !== null && s !== undefined && m.start >= s.start && m.start < s.end;
};
