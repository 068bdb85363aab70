/**
 * Stage 5: the citing document as a whole: its own identity (header), every mention resolved to a
 * document key, and how the document relates to each cited one.
 *
 *   parseDocument("Số: 300/LĐLĐ … Căn cứ Công văn số 1051/LĐLĐ …", { id: "a.txt" })
 *   → { key: "300/LĐLĐ", mentions: [{ resolvedKey: "1051/LĐLĐ", relation: "basedOn", … }], … }
 */
import { ArgumentError } from "../errors.js";
import documentJson from "../../grammar/document.json";
import relationsJson from "../../grammar/relations.json";
import { findAmendments } from "./amendments.js";
import { fold, phrase, words } from "./verbs.js";
import { extract } from "../extract/extract.js";
import { type NormalizedText, normalize } from "../extract/normalize.js";
import { type Source, sourceOf } from "../extract/source.js";
import { versionsAtDate } from "../extract/statute.js";
import { DATE_PHRASE, dateValue } from "./date-phrase.js";
import { HEADER_LINES, readHeader } from "./header.js";
import { readIssuer } from "./issuer.js";
import { pinpointsIn } from "./pinpoint.js";
import { type Layout, readLayout } from "./layout/grammar.js";
import { relate, stronger } from "./relations.js";
import { citationsInNormalized, inOriginal } from "./offsets.js";
import { BACK, readDefinitions, resolveMentions, spanOf } from "./resolve.js";
import type { Citation, Diagnostic, DocumentRecord, Mention, Pinpoint, Span } from "../schema.js";
import { foldKey, foldName, KINDS, TYPE_WORDS, typeCodeInfo } from "../tables.js";
import { addTo, firstIndex, quotationAt } from "../text.js";

export interface DocumentOptions {
  /** The caller's id for the text; the document's key when its header gives no identifier. */
  id?: string;
  /** Replace the normalization stage, as in extract: every stage reads what it returns. */
  normalize?: (text: string) => NormalizedText;
}

const KIND_WORDS = TYPE_WORDS.map(phrase);
// `Luật này`, `Nghị quyết nêu trên`: found from the rare tail back to the type word before it (a pass over the
// text for the type words with a look-behind at every position took most of parseDocument's time).
const SELF = new RegExp(`\\s${phrase(relationsJson.selfWord)}(?![\\p{L}])`, "giu");
const KIND_BEFORE = new RegExp(`(?<![\\p{L}])(${KIND_WORDS.join("|")})\\s+$`, "iu");
const KIND_REACH = 80;
// The type as the tables spell it, by its folded word (the first of each).
const KIND_OF_FOLDED = new Map([...KINDS].reverse().map((k) => [fold(k.kind), k.kind]));
// The last word of each type word: `này` after any other word (`Điều này`, `khoản này`, most of them) needs no
// look back for the type word.
// Spelled as KIND_WORDS are (phrase: with its marks or without them), so that it lets through whatever they match.
const KIND_LAST_WORD = new RegExp(`(?:${[...new Set(TYPE_WORDS.map((w) => w.split(" ").at(-1) as string))].map(phrase).join("|")})$`, "iu");
const KIND_LAST_WORD_MAX = Math.max(...TYPE_WORDS.map((w) => (w.split(" ").at(-1) as string).length));
const SPACE = /\s/;
const DEFINITION = new RegExp(`\\(\\s*[*_]*\\s*(?:${words(documentJson.mentions.definitionLeads)})\\s[^)]{1,160}\\)`, "giu");

/**
 * The document record of `text`. The stages, in this order, each reading the one normalized source in its
 * offsets (every span of the record is mapped to the original text once, at the end):
 *  1. normalize (the source) → 2. extract (citations) → 3. header and own identifier → 4. mentions: citations,
 *  `X này` and `X nêu trên` → 5. pinpoints, attached → 6. resolve (definitions, self, names, earlier
 *  citations, back-references) → 7. relations → 8. effective date → 9. amendments → 10. the record: spans in
 *  the original text, cited documents (strongest relation, amendments included) and diagnostics.
 */
export function parseDocument(text: string, options: DocumentOptions = {}): DocumentRecord {
  if (typeof text !== "string") {
    throw new ArgumentError(`vncite.parseDocument: expected the text as a string, got ${text === null ? "null" : typeof text}`);
  }
  if (options.id !== undefined && typeof options.id !== "string") throw new ArgumentError("vncite.parseDocument: options.id must be a string");
  const id = options.id ?? null;
  const src = sourceOf(text, options.normalize);
  const citations = extract(text, { normalize: () => src.nt });
  const header = readHeader(src);
  // A law cited by name alone: the version in force on the document's date (grammar/statutes.json).
  versionsAtDate(citations, header.date?.value ?? null);
  // The stages read the citations in normalized offsets; they go back as the record is made.
  const citationsBack = citationsInNormalized(src, citations);
  const own = ownIdentifier(src, citations);
  const key = own?.key ?? id;
  const kind = documentType(header.type, own)?.value ?? null;

  const definitionSpans = definitionsIn(src);
  // `Quy định này áp dụng …` in a Nghị định is this provision, not a document: `X này` is the text itself only
  // when X is its type (or the start of it: `Thông tư này` in a Thông tư liên tịch), or its heading's (a
  // consolidated text's `Luật này`).
  const ownTypes = [kind ?? undefined, header.type?.value].filter((t): t is string => t !== undefined).map(foldKey);
  const ownTitle = header.subject ? foldName(src.read(header.subject.span.start, header.subject.span.end)) : null;
  const mentions = [
    ...citationMentions(citations.filter((c) => c !== own), definitionSpans, key, ownTitle),
    ...wordMentions(src, citations, key, ownTypes),
  ].sort((a, b) => a.start - b.start);

  const layout = readLayout(src.text);
  const placed = placePinpoints(src, mentions, layout);
  for (const [m, list] of placed.of) m.pinpoints = list;
  const resolutions = resolveMentions(src, mentions, readDefinitions(mentions, definitionSpans), layout);
  resolutions.forEach((r, i) => {
    const m = mentions[i] as Mention;
    m.resolvedKey = r.resolvedKey;
    m.resolvedBy = r.resolvedBy;
    m.evidence = r.evidence;
    m.diagnostics = r.diagnostics;
  });
  // The relations are read from the document's structure; the amendments below only say what each act changes.
  const subject = header.subject?.span;
  const title = subject ? { ...subject, start: src.norm(subject.start), end: src.norm(subject.end) } : null;
  const related = relate(src, mentions, { key, date: header.date?.value ?? null, kind, title }, layout);
  related.readings.forEach((r, i) => {
    const m = mentions[i] as Mention;
    m.relation = r.relation;
    m.rule = r.rule;
    m.verb = r.verb;
  });

  const effective = effectiveDate(src, header.date?.value ?? null);
  const amendments = findAmendments(src, mentions, effective?.value ?? null, layout);
  citationsBack();
  inOriginal(src, { mentions, pinpoints: placed.own, amendments, stated: related.stated, diagnostics: related.diagnostics });
  // A short reference the text resolves is no longer a problem of the document.
  const diagnostics: Diagnostic[] = mentions.flatMap((m) => [
    ...(m.citation?.diagnostics ?? []).filter((d) => !(d.code === "short-reference" && m.resolvedKey)),
    ...m.diagnostics,
  ]);
  for (const d of related.diagnostics) diagnostics.push(d);

  return {
    id, key, identifier: own ? { value: own.key, span: { text: own.text, start: own.start, end: own.end } } : null, type: documentType(header.type, own),
    place: header.place, issuer: readIssuer(src), date: header.date, subject: header.subject, effective,
    addressees: header.addressees,
    recipients: header.recipients, signature: header.signature, mentions, pinpoints: placed.own,
    amendments, cited: citedDocuments(mentions, key),
    statedRelations: related.stated, diagnostics,
  };
}

/** `(sau đây gọi tắt là Kết luận số 93)`: where the text defines short names (normalized offsets and words). */
export function definitionsIn(src: Source): Span[] {
  return [...src.text.matchAll(DEFINITION)].map((m) => spanOf(src.text, m.index, m.index + m[0].length));
}

/**
 * One mention per citation, marked when it stands inside a definition (both lists in text order: one sweep). The
 * document's own title cited by name (`Quốc hội ban hành Luật sửa đổi, bổ sung …`) is the document itself. Citations
 * and definitions in normalized offsets (offsets.ts `citationsInNormalized`), and so the mentions.
 */
export function citationMentions(citations: Citation[], definitions: Span[], key: string | null, ownTitle: string | null): Mention[] {
  let d = 0;
  return citations.map((c) => {
    while (d < definitions.length && (definitions[d] as Span).end <= c.start) d++;
    const def = definitions[d];
    const isDefinition = def !== undefined && c.start >= def.start && c.start < def.end;
    const self = key !== null && ownTitle !== null && c.title !== null && !c.spans.identifier && foldName(normalize(c.title).text) === ownTitle;
    return {
      text: c.text, start: c.start, end: c.end, kind: c.kind, key: c.key, resolvedKey: self ? key : null, resolvedBy: self ? "self" : null,
      evidence: null, relation: "mentions", verb: null, rule: null, pinpoints: [], isDefinition, citation: c, diagnostics: [],
    };
  });
}

/**
 * `Luật này` (self) and `Nghị quyết nêu trên` (back-reference), with what resolves them so far: in normalized
 * offsets (the citations given too), their words as written.
 */
export function wordMentions(src: Source, citations: Citation[], key: string | null, ownTypes: string[]): Mention[] {
  const out: Mention[] = [];
  const quotedSource = quotedSources(src, citations);
  for (const [tail, by] of [[SELF, "self"], [BACK, "back-reference"]] as const) {
    for (const m of kindWordsThen(src.text, tail)) {
      // The words as written (a diagnostic quotes them), where they stand in the normalized text.
      const word = { text: src.span(m.start, m.end).text, start: m.start, end: m.end };
      // `“… Luật này có hiệu lực …”` quoted from another law means that law: the one cited before the quote.
      const quote = by === "self" ? quotationAt(src.normalizedQuotes, word.start) : undefined;
      if (quote) {
        const source = quotedSource(quote[0], m.kind);
        out.push(wordMention(word, source?.kind ?? null, source?.key ?? null, source ? "back-reference" : null, source ? { text: source.text, start: source.start, end: source.end } : null));
        continue;
      }
      const kind = KIND_OF_FOLDED.get(fold(m.kind)) ?? null;
      if (by === "self" && kind && ownTypes.length > 0 && !ownTypes.some((t) => t.startsWith(foldKey(kind)))) continue;
      out.push(wordMention(word, kind, by === "self" ? key : null, by === "self" && key ? "self" : null, null));
    }
  }
  return out;
}

/** Each document cited once, with the strongest relation over its mentions and the rule that gave it. */
function citedDocuments(mentions: Mention[], key: string | null): DocumentRecord["cited"] {
  const cited = new Map<string, DocumentRecord["cited"][number]>();
  for (const m of mentions) {
    // A form's number (`theo Mẫu số 01/PĐXXĐTMS`) is no document the text cites.
    if (!m.resolvedKey || m.resolvedBy === "self" || m.resolvedKey === key || m.citation?.kind === "form") continue;
    const entry = cited.get(m.resolvedKey) ?? { key: m.resolvedKey, relation: "mentions" as const, mentions: 0, rule: null };
    if (stronger(entry.relation, m.relation) !== entry.relation) Object.assign(entry, { relation: m.relation, rule: m.rule ?? null });
    entry.mentions++;
    cited.set(m.resolvedKey, entry);
  }
  return [...cited.values()];
}

interface KindThen {
  start: number;
  end: number;
  /** The type word as written. */
  kind: string;
  tail: RegExpMatchArray;
}

/** `Luật này`, `Nghị quyết nêu trên`: each match of `tail` (it starts with a space) with the type word right before it. */
function kindWordsThen(text: string, tail: RegExp): KindThen[] {
  const found: KindThen[] = [];
  for (const m of text.matchAll(tail)) {
    let last = m.index - 1; // the last character before the spaces ahead of the tail
    while (last >= 0 && SPACE.test(text[last] as string)) last--;
    if (!KIND_LAST_WORD.test(text.slice(Math.max(0, last + 1 - KIND_LAST_WORD_MAX), last + 1))) continue;
    // From a space (so that the look-behind sees what stands before the type word) far enough back for any of them.
    let from = Math.max(0, m.index - KIND_REACH);
    while (from > 0 && from < m.index && !/\s/.test(text[from] as string)) from++;
    const kind = KIND_BEFORE.exec(text.slice(from, m.index + 1));
    if (kind) found.push({ start: from + kind.index, end: m.index + m[0].length, kind: kind[1] as string, tail: m });
  }
  return found;
}

/** A mention in words (`Luật này`, `Nghị quyết nêu trên`), with what resolves it so far. */
function wordMention(word: Span, kind: string | null, resolvedKey: string | null, resolvedBy: Mention["resolvedBy"], evidence: Span | null): Mention {
  // The same fields in the same order as a numbered mention's: the stages after treat both alike.
  return {
    text: word.text, start: word.start, end: word.end, kind, key: null, resolvedKey, resolvedBy, evidence, relation: "mentions", verb: null,
    rule: null, pinpoints: [], isDefinition: false, citation: null, diagnostics: [],
  };
}

/**
 * The law a quoted `Luật này` means, for a quote opening at `open`: of the citations of that kind ending before
 * it, the last, or the first on the last one's line (`… Điều 5 của Luật Đất đai số 31/2024/QH15 như sau: “…`).
 */
function quotedSources(src: Source, citations: Citation[]): (open: number, kind: string) => Citation | undefined {
  const byKind = new Map<string, Citation[]>(); // in text order
  for (const c of citations) {
    if (c.key === null) continue;
    addTo(byKind, fold(c.kind ?? ""), c);
  }
  return (open, kind) => {
    const list = byKind.get(fold(kind)) ?? [];
    // The last one starting before the quote may run into it (a title around the quote): step back over those.
    let k = firstIndex(list.length, (i) => (list[i] as Citation).start >= open) - 1;
    while (k >= 0 && (list[k] as Citation).end > open) k--;
    const last = list[k];
    if (!last) return undefined;
    // The first on its line that ends before the quote (found by search: a text with no line breaks stays linear).
    const lineStart = src.lines.startOf(last.start);
    for (let j = firstIndex(k, (i) => (list[i] as Citation).start >= lineStart); j < k; j++) if ((list[j] as Citation).end <= open) return list[j];
    return last;
  };
}

/**
 * The heading names the type (`NGHỊ ĐỊNH`); the own number's code wins when it names another: a consolidated
 * text `05/VBHN-VPQH` reproduces a law under the heading `LUẬT …`, but is a Văn bản hợp nhất.
 */
function documentType(heading: DocumentRecord["type"], own: Citation | undefined): DocumentRecord["type"] {
  const byCode = own?.typeCode ? typeCodeInfo(own.typeCode)?.kind : undefined;
  if (own && byCode && heading?.value !== byCode) return { value: byCode, span: own.spans.identifier ?? { text: own.text, start: own.start, end: own.end } };
  return heading ?? (own?.kind && own.spans.typeWord ? { value: own.kind, span: own.spans.typeWord } : null);
}

// After a type word (kindWordsThen): `… này có hiệu lực thi hành kể từ ngày …`.
const EFFECTIVE = new RegExp(
  String.raw`\s${phrase(relationsJson.selfWord)}\s+(?:${words(documentJson.amendments.inForce)})\s+(?:${words(documentJson.amendments.expiryFrom)})\s+` +
    String.raw`(?<when>${DATE_PHRASE}|${phrase(documentJson.amendments.dayWord)}\s+(?<signed>${words(documentJson.mentions.signedDays)}))`,
  "giu",
);

/**
 * The document's own entry into force: `Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025`;
 * `kể từ ngày ký` takes the document's date.
 */
function effectiveDate(src: Source, signed: string | null): DocumentRecord["effective"] {
  // Not inside a quotation: an amending text quotes the new wording of another law's own clause.
  const m = kindWordsThen(src.text, EFFECTIVE).find((x) => !quotationAt(src.normalizedQuotes, x.start))?.tail;
  if (!m?.groups) return null;
  const end = (m.index as number) + m[0].length;
  const span = src.span(end - (m.groups.when as string).length, end);
  return { value: m.groups.signed ? signed : dateValue(m.groups).iso, span };
}

// What may stand between a pinpoint and the citation it qualifies.
const PINPOINT_THEN_CITATION = new RegExp(`^[\\s,]*(?:${words(documentJson.mentions.pinpointThenCitation)})?\\s*$`, "u");
const JOINS_PINPOINTS = new RegExp(`^\\s*(?:,|${words(relationsJson.listJoiners)})\\s*$`, "u");
const CITATION_THEN_PINPOINT = new RegExp(`^\\s*,?\\s*(?:${words(documentJson.mentions.citationThenPinpoint)})?\\s*$`, "u");
const MAX_GAP = 200;
// `Số: 300/LĐLĐ`, `Luật số:  43/2024/QH15`: the document's own number (its label; the field, with its colon).
const NUMBER_LABEL = new RegExp(`^(?:${words(documentJson.headerLabels.number)})`, "i");
const NUMBER_FIELD = new RegExp(`(?:${words(documentJson.headerLabels.number)})\\s*:`, "i");
const SELF_WORD = new RegExp(`${phrase(relationsJson.selfWord)}$`, "u");

/**
 * Which mention each pinpoint qualifies: the one right after it (`tại Điều 5 của Nghị định số …`, `khoản 2 Điều 3
 * Luật …`), else the one right before it (`Nghị định số … tại Điều 5`). A pinpoint of `Luật này` or of no
 * document named qualifies the document itself: those are `own`.
 */
function placePinpoints(src: Source, mentions: Mention[], layout: Layout): { own: Pinpoint[]; of: Map<Mention, Pinpoint[]> } {
  const own: Pinpoint[] = [];
  const of = new Map<Mention, Pinpoint[]>();
  const isSelf = (m: Mention) => m.citation === null && m.resolvedBy !== "back-reference" && SELF_WORD.test(src.text.slice(m.start, m.end));
  const give = (m: Mention, group: Pinpoint[]) => {
    // `khoản 2 Điều 3 của Luật này`: the self-reference's pinpoints are the document's own.
    for (const g of group) (isSelf(m) ? own : (of.get(m) ?? of.set(m, []).get(m) as Pinpoint[])).push(g);
  };
  const numbered = mentions.filter((m) => m.citation !== null || m.resolvedKey !== null);
  let i = 0;
  // `khoản 3 Điều 200 và khoản 15 Điều 210 của Luật …`: pinpoints joined by `và` or a comma wait for the last one.
  let waiting: Pinpoint[] = [];
  // Only a short gap can join (`, của `, ` và `): a long one is not read at all, so that a text of thousands of
  // pinpoints far from any citation stays linear.
  const gapIs = (re: RegExp, from: number, to: number) => to - from <= MAX_GAP && re.test(src.text.slice(from, to));
  // The pinpoint reader gives original offsets: into the stages' normalized ones.
  const found = pinpointsIn(src, layout);
  for (const p of src.clean ? found : found.map((f) => ({ ...f, start: src.norm(f.start), end: src.norm(f.end) }))) {
    while (i < numbered.length && (numbered[i] as Mention).end <= p.start) i++;
    const after = numbered[i];
    const before = numbered[i - 1];
    const joined = waiting.length > 0 && gapIs(JOINS_PINPOINTS, (waiting.at(-1) as Pinpoint).end, p.start);
    if (!joined) for (const w of waiting) own.push(w);
    const group = joined ? waiting : [];
    group.push(p);
    waiting = [];
    if (after && after.start >= p.end && gapIs(PINPOINT_THEN_CITATION, p.end, after.start)) give(after, group);
    else if (before && gapIs(CITATION_THEN_PINPOINT, before.end, (group[0] as Pinpoint).start)) give(before, group);
    else waiting = group;
  }
  for (const w of waiting) own.push(w);
  return { own: own.sort((a, b) => a.start - b.start), of };
}

/**
 * `Số: 300/LĐLĐ`, `Số 25-KH/HU` at the start of a header line, with no type word: the citation of the document's
 * own number (of the citations in normalized offsets).
 */
function ownIdentifier(src: Source, citations: Citation[]): Citation | undefined {
  const headerEnd = nthLineStart(src.text, HEADER_LINES);
  for (const c of citations) {
    if (c.start >= headerEnd) break;
    const lineStart = src.lines.startOf(c.start);
    const atLineStart = c.spans.typeWord === null && /^[\s*_]*$/.test(src.text.slice(lineStart, c.start)) && NUMBER_LABEL.test(src.text.slice(c.start, c.end));
    // `Luật số:  43/2024/QH15` in a header: the colon marks the document's own number field.
    const numberField = NUMBER_FIELD.test(src.text.slice(c.start, c.spans.identifier?.start ?? c.start));
    if (atLineStart || numberField) return c;
  }
  return undefined;
}

function nthLineStart(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n && at >= 0; i++) at = text.indexOf("\n", at + 1);
  return at < 0 ? text.length : at;
}
