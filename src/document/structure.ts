/**
 * The parts of a document where it relates ITSELF to what it cites, read over the normalized text:
 *
 *   Căn cứ Luật A; Nghị định B và Thông tư C;                       preamble  → basedOn (A, B, C)
 *   Thực hiện Kế hoạch số 25-KH/TU …, Ban Thường vụ … như sau:     purpose   → implements
 *   KẾ HOẠCH ⏎ Triển khai thực hiện Kết luận số 93-KL/TW …          title     → implements (rule `purpose`)
 *   Điều 2. Bãi bỏ Quyết định số …                                  article   → repeals
 *   Bãi bỏ các quyết định sau: ⏎ 1. Quyết định số … ⏎ 2. …         list-item → repeals (each item)
 *   Quyết định này … thay thế Quyết định số …; Nghị định số … hết hiệu lực …   article
 *
 * A verb anywhere else (`các cấp ủy căn cứ Quy định …`, `tổng kết việc thực hiện Chỉ thị …`, `Đề nghị sửa đổi
 * Nghị định …`) is not the document's own act. Regex here only finds line starts and verbs; which mentions a
 * clause's verb governs is read from the mentions' own extents (governedBy).
 */
import documentJson from "../../grammar/document.json";
import relationsJson from "../../grammar/relations.json";
import type { Relation, RelationRule } from "../schema.js";
import { actsInBody } from "./acts.js";
import type { Layout, Line } from "./layout/grammar.js";
import type { InlineHeading } from "./layout/lines.js";
import { segmentStarts } from "./layout/segments.js";
import { ACTS, alternation, LIST_JOIN, lookup, NOT_LETTER, PASSIVE_TO_CITATION, phrase, words, PREAMBLE, PURPOSE, relationOfAct, type VerbEntry } from "./verbs.js";


/** A clause in which the document acts on what it cites: its verb and where it ends (normalized offsets). */
export interface Clause {
  /** The verb that says it (the evidence). */
  verb: { start: number; end: number };
  /** Where the citations it governs begin, and where the clause ends. */
  from: number;
  end: number;
  relation: Relation;
  rule: RelationRule;
}

/** A mention as the structure sees it: its span and, for `… về <subject>`, the end of its subject. */
export interface Extent {
  start: number;
  end: number;
  /** max(end, end of its subject): what lies inside is named by this mention, not by the clause. */
  reach: number;
  /** Its document type in words (`Nghị định`), if known. */
  kind?: string | null;
}

const OPENING_VERBS: readonly VerbEntry[] = [...PREAMBLE, ...relationsJson.verbs];
const TITLE_VERBS: readonly VerbEntry[] = [...PREAMBLE, ...PURPOSE];
const relationOfOpening = lookup(TITLE_VERBS);
const isPreambleVerb = lookup(PREAMBLE);

const LEADS = relationsJson.purposeLeads.map(phrase).join("|");
// `V/v ban hành Chương trình hành động triển khai …`: the document issued, named before the purpose verb.
const TITLE_LEAD = new RegExp(`^(?:(?:${LEADS})\\s+)?(?:${relationsJson.titleLeads.map(phrase).join("|")})(?:\\s+\\p{L}+){1,4}?\\s+(?=(?:${alternation(PURPOSE)})${NOT_LETTER})`, "iu");
// A preamble or purpose verb right at a segment start, after an optional lead (`Để`, `V/v`).
// What a text spreads may open its clause only joined to a verb of the table: `Tuyên truyền và thực hiện …`.
const SPREADS = `(?:(?:${alternation(relationsJson.purpose)})\\s*(?:,|${words(relationsJson.listJoiners)})\\s*)*`;
const OPENING = new RegExp(`(?:(?:${LEADS})\\s+)?${SPREADS}(${alternation(OPENING_VERBS)})${NOT_LETTER}`, "iuy");
// A title also opens with what it spreads (`Tuyên truyền và thực hiện Kết luận …`, `V/v tuyên truyền Nghị quyết …`).
const TITLE_OPENING = new RegExp(`(?:(?:${LEADS})\\s+)?(${alternation(TITLE_VERBS)})${NOT_LETTER}`, "iuy");
// `Tuyên truyền và thực hiện`, `quán triệt, triển khai`: verbs joined before their object.
const JOINED_VERB = new RegExp(`^\\s*(?:,|${words(relationsJson.listJoiners)})\\s*(?:${alternation(PURPOSE)})${NOT_LETTER}`, "iu");
// `Quyết định này có hiệu lực … và thay thế …`: the text's own act, wherever it stands.
const SELF_ACT = new RegExp(`(?<![\\p{L}])${phrase(relationsJson.selfWord)}\\s+(?:[^.;\\n]{0,160}?\\s+(?:${words(relationsJson.listJoiners)})\\s+)?(${alternation(ACTS)})${NOT_LETTER}`, "giu");
// `đã được sửa đổi` is a passive, not past work told.
const REPORT = new RegExp(`(?<![\\p{L}])(?:${relationsJson.reportMarkers.map(phrase).join("|")})${NOT_LETTER}(?!\\s+${phrase(relationsJson.passiveMarker)}${NOT_LETTER})`, "iu");
// Where the body begins: the first article, chapter or part (or the enacting word `QUYẾT ĐỊNH:`), or else the
// first numbered section at a line start (`I. MỤC ĐÍCH`, `1.`); `Điều 1.` anywhere, for a page flattened onto
// one line. A consolidated text lists its amending laws (`1. Luật số …`) before its preamble: articles first.
const LAYOUT = documentJson.layout;
const FIRST_NUMBERS = new Set(["I", "1", ...LAYOUT.firstOrdinal]);
const opensBody = (line: Line) =>
  line.kind === "enacting" || ((line.kind === "article" || line.kind === "chapter" || line.kind === "part") && FIRST_NUMBERS.has(line.number ?? ""));
// `Điều 1. Phạm vi` inside a line: `1` then `.` right after it, then a capital.
const isFirstArticle = (text: string, h: InlineHeading) => h.number === "1" && text[h.end - 1] === "." && text[h.end - 2] === "1" && BEFORE_CAPITAL.test(text.slice(h.end, h.end + 40));
const BEFORE_CAPITAL = /^\s+\p{Lu}/u;
const CLAUSE_REACH = 3000;
const GAP_REACH = 400;

export function bodyStart(text: string, layout: Layout): number {
  const article = articlesStart(text, layout);
  return article < text.length ? article : (layout.lines.find((line) => line.isNumbered)?.start ?? text.length);
}

/**
 * Where the articles begin (`Điều 1.`, `Chương I`, `QUYẾT ĐỊNH:`), or the text's length: only a text with
 * articles acts on others in its body (a report's `III. KIẾN NGHỊ ⏎ 1. Sửa đổi, bổ sung Nghị định …` proposes).
 */
export function articlesStart(text: string, layout: Layout): number {
  const inline = layout.inlineArticles.find((h) => isFirstArticle(text, h));
  const line = layout.lines.find(opensBody);
  return Math.min(line ? line.start : text.length, inline ? inline.start : text.length);
}

/**
 * The clauses of the preamble, the purpose clause, the title and the body's own acts. `title` is the
 * document's title (normalized offsets), if the header found one; `quoted` tells whether an offset stands in
 * a quotation (another text's words); `isSelf` whether a mention of the text itself (`Quyết định này`) ends there.
 */
export function documentClauses(
  text: string, layout: Layout, extents: readonly Extent[], title: { start: number; end: number } | null, quoted: (at: number) => boolean, isSelf: (end: number) => boolean,
): Clause[] {
  const body = bodyStart(text, layout);
  const articles = articlesStart(text, layout);
  const out: Clause[] = [];
  const extentAt = extentFinder(extents);
  const opensCitation = (at: number) => extentAt(at)?.start === at;
  const taken = new Set<number>();
  const scanned: Scanned = { from: 0, to: 0 };
  const opensBodyAt = lineOpensBody(layout);
  if (title) {
    const lead = TITLE_LEAD.exec(text.slice(title.start, Math.min(title.end, title.start + 120)));
    const t = openingAt(text, title.start, title.end, TITLE_OPENING) ?? (lead ? openingAt(text, title.start + lead[0].length, title.end, TITLE_OPENING) : null);
    if (t) {
      // A title in capitals has no main clause to cut off (`… MUA, BÁN, ĐÓNG MỚI TÀU BIỂN ĐÃ ĐƯỢC SỬA ĐỔI …`).
      out.push({ verb: t.verb, from: t.verb.end, end: clauseEnd(text, t.verb.end, title.end, extentAt, false, opensBodyAt), relation: t.relation, rule: isPreambleVerb(t.word) ? "preamble" : "purpose" });
      taken.add(t.verb.start);
    }
  }
  for (const at of segmentStarts(text, layout.lines, body)) {
    // `Thực hiện Hướng dẫn số 171-HD/BTGTU`: a type word that opens a citation is not a verb.
    // (No quotation is read before the body: a stray `“` there would hide the preamble.)
    if (at >= body || opensCitation(at)) continue;
    const o = openingAt(text, at, body);
    if (!o || taken.has(o.verb.start)) continue;
    taken.add(o.verb.start);
    const end = clauseEnd(text, o.verb.end, body, extentAt, true, opensBodyAt, scanned);
    const rule = isPreambleVerb(o.word) ? "preamble" : "purpose";
    // `Thực hiện Chỉ thị …, cấp ủy các cấp đã quán triệt …`: past work told, not this text's purpose.
    if (rule === "purpose" && REPORT.test(outside(text, o.verb.end, sentenceEnd(text, o.verb.end, true), extents, false))) continue;
    out.push({ verb: o.verb, from: o.verb.end, end, relation: o.relation, rule });
  }
  if (articles < text.length) for (const clause of actsInBody(text, articles, layout, quoted, extentAt)) out.push(clause);
  for (const m of text.matchAll(SELF_ACT)) {
    const word = m[1] as string;
    const verb = { start: (m.index as number) + m[0].length - word.length, end: (m.index as number) + m[0].length };
    // `Luật này thay thế …` in a công văn speaks of that law, not of the công văn itself.
    if (!isSelf((m.index as number) + 3) || quoted(verb.start) || out.some((c) => c.verb.start === verb.start)) continue;
    out.push({ verb, from: verb.end, end: sentenceEnd(text, verb.start, true), relation: relationOfAct(word) as Relation, rule: "article" });
  }
  return out.sort((a, b) => a.from - b.from);
}

interface Opening {
  verb: { start: number; end: number };
  word: string;
  relation: Relation;
}

function openingAt(text: string, at: number, limit: number, opening: RegExp = OPENING): Opening | null {
  opening.lastIndex = at;
  const m = opening.exec(text);
  if (!m || m.index + m[0].length > limit) return null;
  const word = m[1] as string;
  const relation = relationOfOpening(word);
  if (!relation) return null;
  const start = m.index + m[0].length - word.length;
  let end = m.index + m[0].length;
  // `Tuyên truyền và thực hiện …`: the object follows the last verb of the group.
  for (let j = JOINED_VERB.exec(text.slice(end, end + 60)); j; j = JOINED_VERB.exec(text.slice(end, end + 60))) end += j[0].length;
  return { verb: { start, end }, word, relation };
}

/** Whether the line that starts at an offset opens the body (an article, chapter or part numbered 1, the enacting words) or a numbered section. */
function lineOpensBody(layout: Layout): (lineStart: number) => boolean {
  const opening = new Set(layout.lines.filter((line) => line.isNumbered || opensBody(line)).map((line) => line.start));
  return (lineStart) => opening.has(lineStart);
}

/** Index of the first extent that starts at or after `at` (extents in order). */
function firstAtOrAfter(extents: readonly Extent[], at: number): number {
  let lo = 0;
  let hi = extents.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((extents[mid] as Extent).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function extentFinder(extents: readonly Extent[]): (at: number) => Extent | undefined {
  return (at) => extents[firstAtOrAfter(extents, at)];
}

/**
 * Where a preamble or purpose clause ends: at `;` unless a citation follows (`Căn cứ Luật A; Nghị định B`), at
 * `:`, a sentence end or a blank line, at a line that opens another clause, or where the main clause begins (`,
 * Ban Thường vụ Huyện ủy xây dựng …`: a comma before a capital that starts no citation). Citations and their
 * subjects are stepped over whole.
 */
function clauseEnd(
  text: string, from: number, limit: number, extentAt: (at: number) => Extent | undefined, mainClause: boolean, opensBodyAt: (lineStart: number) => boolean,
  scanned?: Scanned,
): number {
  const stop = Math.min(limit, from + CLAUSE_REACH);
  // A clause that opens inside a stretch an earlier one read to its reach without an end: read on from there (a
  // line of thousands of `Căn cứ` read 3 000 characters after each).
  const resumed = scanned !== undefined && from >= scanned.from && from < scanned.to;
  const start = resumed ? (scanned as Scanned).to : from;
  let next = extentAt(start);
  for (let i = start; i < stop; i++) {
    while (next && next.reach <= i) next = extentAt(next.reach);
    if (next && i >= next.start) {
      i = next.reach - 1;
      continue;
    }
    const c = text[i];
    const startsCitation = (k: number) => next !== undefined && next.start === k;
    if (c === ":") return i;
    if (c === ";" || c === "\n") {
      let k = i + 1;
      while (k < stop && /[\s\-–•+*_>]/.test(text[k] as string)) k++;
      if (c === "\n" && /^[ \t]*\n/.test(text.slice(i + 1, i + 80))) return i;
      if (startsCitation(k)) continue;
      if (c === ";") return i;
      OPENING.lastIndex = k;
      if (OPENING.test(text) || opensBodyAt(i + 1)) return i;
      continue;
    }
    if (c === "." && /\s/.test(text[i + 1] ?? "") && /\p{Lu}/u.test(text.slice(i + 1, i + 4).trim()[0] ?? "")) return i;
    if (c === "," && mainClause) {
      let k = i + 1;
      while (k < stop && /\s/.test(text[k] as string)) k++;
      if (/\p{Lu}/u.test(text[k] ?? "") && !startsCitation(k)) return i;
    }
  }
  if (scanned) {
    if (!resumed) scanned.from = from;
    scanned.to = stop;
  }
  return stop;
}

/** What clauseEnd read to its reach without finding an end: no clause ends in [from, to). */
interface Scanned {
  from: number;
  to: number;
}

/** The end of the sentence from `from`: `.` before a capital, `:` or a blank line (or `;`, if `semicolon`). */
function sentenceEnd(text: string, from: number, semicolon: boolean): number {
  const stop = Math.min(text.length, from + CLAUSE_REACH);
  for (let i = from; i < stop; i++) {
    const c = text[i];
    if (c === ":" || (semicolon && c === ";")) return i;
    if (c === "\n" && /^[ \t]*\n/.test(text.slice(i + 1, i + 40))) return i;
    if (c === "." && /\s/.test(text[i + 1] ?? "") && /\p{Lu}/u.test(text.slice(i + 1, i + 4).trim()[0] ?? "")) return i;
  }
  return stop;
}

/**
 * text[from, to) with the citations blanked (and their subjects, if `subjects`): the words of the clause itself.
 * A subject read too long may run over the main clause (`… về đại hội …, cấp ủy các cấp đã quán triệt`).
 */
function outside(text: string, from: number, to: number, extents: readonly Extent[], subjects = true): string {
  let out = "";
  let at = from;
  // From the last extent that starts before `from` (one whose subject runs over it is stepped over too).
  for (let i = Math.max(0, firstAtOrAfter(extents, from) - 1); i < extents.length; i++) {
    const e = extents[i] as Extent;
    const end = subjects ? e.reach : e.end;
    if (end <= at) continue;
    if (e.start >= to) break;
    out += text.slice(at, Math.max(at, e.start)) + " ";
    at = Math.max(at, end);
  }
  return out + text.slice(at, Math.max(at, to));
}

// `Thông tư số A … hướng dẫn thực hiện Luật X, Luật Y và Nghị định Z`: a subject opening with a verb of the
// table goes on over the citations coordinated after it (its own objects), up to a `;`.
const SUBJECT_VERB = new RegExp(`^[\\s,]*(?:${alternation(relationsJson.verbs)})${NOT_LETTER}`, "iu");
const GAP_VERB = new RegExp(`(?<![\\p{L}])(?:${alternation([...relationsJson.verbs, ...ACTS])})${NOT_LETTER}`, "iu");
const PASSIVE_GAP = new RegExp(`^[\\s,*_]*(?:${relationsJson.reportMarkers.map(phrase).join("|")})?\\s*${PASSIVE_TO_CITATION}[\\s:]*$`, "iu");
const AMENDED_IN_SUBJECT = new RegExp(`${PASSIVE_TO_CITATION}[\\s:]*$`, "iu");
const ABOUT = new RegExp(`(?<![\\p{L}])(?:${words(relationsJson.about)})(?![\\p{L}])`, "iu");
// `Sửa đổi … Nghị định số A … quy định về tiền thuê đất và Nghị định số B …`: the description of one document
// ends in a joiner before another of the same type, both acted on.
const LIST_TAIL = new RegExp(`(?:,|\\s(?:${relationsJson.listJoiners.map(phrase).join("|")}))\\s*$`, "iu");
const ACTING: ReadonlySet<Relation> = new Set(["amends", "repeals", "replaces"]);
// `… theo quy định tại [note] khoản 5 Điều 5 Nghị định số …`: a reference, editorial notes aside (one left open too).
const REFERENCE = new RegExp(`(?<![\\p{L}])(?:${relationsJson.referenceLeads.map(phrase).join("|")})${NOT_LETTER}[^\\p{L}]*$`, "iu");
const NOTES = /\[[^\]]*(?:\]|$)/gu;
const PART = new RegExp(`(?<![\\p{L}])(?:${relationsJson.parts.map(phrase).join("|")})${NOT_LETTER}`, "iu");

/** A repeal or replacement of a part (`Bãi bỏ khoản 5 Điều 14 của …`) amends the document; of the whole, it is itself. */
export function actOn(text: string, clause: Clause, first: Extent): Relation {
  const partial = (clause.relation === "repeals" || clause.relation === "replaces") && PART.test(text.slice(clause.from, first.start));
  return partial ? "amends" : clause.relation;
}

/**
 * The extents a clause's verb governs: the first citation after it and those coordinated with it (`, `, `;`,
 * `và`, or `… được sửa đổi, bổ sung bởi …`). A citation inside another's subject, or after a verb of its own
 * (`Kế hoạch số 25-KH/TU thực hiện Kết luận …`) or a `về`, is named by that one, not governed.
 */
export function governedBy(text: string, clause: Clause, extents: readonly Extent[]): Extent[] {
  const out: Extent[] = [];
  let after = clause.from;
  let first = true;
  let subjectList = false;
  for (let i = firstAtOrAfter(extents, clause.from); i < extents.length; i++) {
    const e = extents[i] as Extent;
    if (e.start >= clause.end) break;
    if (subjectList && e.start >= after && LIST_JOIN.test(text.slice(after, Math.min(e.start, after + GAP_REACH)))) {
      after = Math.max(after, e.reach);
      continue;
    }
    if (e.start >= after) subjectList = false;
    // Inside the subject of one before; its own subject is part of that one too (`… sửa đổi … Nghị định số
    // 26/2007/NĐ-CP … về chữ ký số và Nghị định số 106/2011/NĐ-CP`: both amended, neither governed).
    if (e.start < after) {
      after = Math.max(after, e.reach);
      continue;
    }
    const gap = text.slice(after, e.start);
    if (first && clause.rule !== "preamble" && gap.length <= GAP_REACH && REFERENCE.test(gap.includes("[") ? gap.replace(NOTES, " ") : gap)) break;
    const passive = PASSIVE_GAP.test(gap) || AMENDED_IN_SUBJECT.test(gap.slice(-80));
    const listed = !first && ACTING.has(clause.relation) && e.kind && e.kind === out[0]?.kind && LIST_TAIL.test(gap);
    const blocked = gap.length > GAP_REACH || (!passive && !listed && (GAP_VERB.test(gap) || (ABOUT.test(gap) && !(first && clause.rule === "article"))));
    if (blocked) {
      after = e.reach;
      if (!first) break;
      continue;
    }
    out.push(e);
    first = false;
    after = e.reach;
    subjectList = e.reach > e.end && SUBJECT_VERB.test(text.slice(e.end, Math.min(e.reach, e.end + 80)));
    // `Nghị định số 171/2016/NĐ-CP … về … đã được sửa đổi, bổ sung bởi Nghị định số 86/2020/NĐ-CP`: the text as
    // amended, so the amending one too.
    for (let k = i + 1; k < extents.length && (extents[k] as Extent).start < e.reach; k++) {
      const inner = extents[k] as Extent;
      if (inner.start > e.end && AMENDED_IN_SUBJECT.test(text.slice(Math.max(e.end, inner.start - 80), inner.start))) out.push(inner);
    }
  }
  return out;
}
