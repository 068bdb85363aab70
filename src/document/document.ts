/**
 * Stage 5: the citing document as a whole: its own identity (header), every mention resolved to a
 * document key, and how the document relates to each cited one.
 *
 *   parseDocument("Số: 300/LĐLĐ … Căn cứ Công văn số 1051/LĐLĐ …", { id: "a.txt" })
 *   → { key: "300/LĐLĐ", mentions: [{ resolvedKey: "1051/LĐLĐ", relation: "basedOn", … }], … }
 */
import { findAmendments } from "./amendments.js";
import { readDate } from "../extract/date.js";
import { extract } from "../extract/extract.js";
import { HEADER_LINES, readHeader } from "./header.js";
import { type NormalizedText, normalize } from "../extract/normalize.js";
import { pinpointsIn } from "./pinpoint.js";
import { relate, stronger } from "./relations.js";
import { BACK, readDefinitions, resolveMentions, spanOf } from "./resolve.js";
import type { Citation, Diagnostic, DocumentRecord, Mention, Pinpoint, Span } from "../schema.js";
import { foldKey, foldName, KINDS, TYPE_WORDS, typeCodeInfo } from "../tables.js";
import { addTo, firstIndex, lineIndex, type Quotation, quotationAt, quotations } from "../text.js";

export interface DocumentOptions {
  /** The caller's id for the text; the document's key when its header gives no identifier. */
  id?: string;
}

const KIND_WORDS = TYPE_WORDS.map((w) => w.replace(/ /g, "\\s+"));
// `Luật này`, `Nghị quyết nêu trên`: found from the rare tail back to the type word before it (a pass over the
// text for the type words with a look-behind at every position took most of parseDocument's time).
const SELF = /\s(?:này)(?![\p{L}])/giu;
const KIND_BEFORE = new RegExp(`(?<![\\p{L}])(${KIND_WORDS.join("|")})\\s+$`, "iu");
const KIND_REACH = 80;
const DEFINITION = /\(\s*[*_]*\s*(?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt\s+là\s[^)]{1,160}\)/giu;



export function parseDocument(text: string, options: DocumentOptions = {}): DocumentRecord {
  if (typeof text !== "string") {
    throw new TypeError(`vncite.parseDocument: expected the text as a string, got ${text === null ? "null" : typeof text}`);
  }
  if (options.id !== undefined && typeof options.id !== "string") throw new TypeError("vncite.parseDocument: options.id must be a string");
  const id = options.id ?? null;
  const nt = normalize(text);
  const citations = extract(text, { normalize: () => nt });
  const header = readHeader(text);
  const identifier = ownIdentifier(text, citations);
  const key = identifier?.key ?? id;

  const definitionSpans = [...text.matchAll(DEFINITION)].map((m) => spanOf(text, m.index, m.index + m[0].length));
  const inDefinition = (start: number) => definitionSpans.find((d) => start >= d.start && start < d.end) ?? null;
  const own = identifier ? citations.find((c) => c.start === identifier.span.start) : undefined;

  const mentions: Mention[] = citations
    .filter((c) => c !== own)
    .map((c) => ({
      text: c.text, start: c.start, end: c.end, kind: c.kind, key: c.key, resolvedKey: null, resolvedBy: null,
      evidence: null, relation: "mentions", verb: null, pinpoints: [], isDefinition: inDefinition(c.start) !== null, citation: c,
      diagnostics: [],
    }));
  const type = documentType(header.type, own);
  // `Quy định này áp dụng …` in a Nghị định is this provision, not a document: `X này` is the text itself only
  // when X is its type (or the start of it: `Thông tư này` in a Thông tư liên tịch), or its heading's (a
  // consolidated text's `Luật này`).
  const ownTypes = [type?.kind, header.type?.kind].filter((t): t is string => t !== undefined).map(foldKey);
  const quotes = quotations(text);
  const quotedSource = quotedSources(text, citations);
  for (const [tail, by] of [[SELF, "self"], [BACK, "back-reference"]] as const) {
    for (const m of kindWordsThen(text, tail)) {
      const word = spanOf(text, m.start, m.end);
      // `“… Luật này có hiệu lực …”` quoted from another law means that law: the one cited before the quote.
      const quote = by === "self" ? quotationAt(quotes, m.start) : undefined;
      if (quote) {
        const source = quotedSource(quote[0], m.kind);
        mentions.push(wordMention(word, source?.kind ?? null, source?.key ?? null, source ? "back-reference" : null, source ? spanOf(text, source.start, source.end) : null));
        continue;
      }
      const kind = KINDS.find((k) => foldKey(k.kind) === foldKey(m.kind))?.kind ?? null;
      if (by === "self" && kind && ownTypes.length > 0 && !ownTypes.some((t) => t.startsWith(foldKey(kind)))) continue;
      mentions.push(wordMention(word, kind, by === "self" ? key : null, by === "self" && key ? "self" : null, null));
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  // The document's own title cited by name (`Quốc hội ban hành Luật sửa đổi, bổ sung …`) is the document itself.
  const ownTitle = header.subject ? foldName(header.subject.text) : null;
  for (const m of mentions) {
    if (key && ownTitle && m.citation?.title && !m.citation.spans.identifier && foldName(m.citation.title) === ownTitle) {
      Object.assign(m, { resolvedKey: key, resolvedBy: "self" });
    }
  }

  const ownPinpoints = attachPinpoints(nt, mentions);
  const definitions = readDefinitions(mentions, definitionSpans);
  resolveMentions(text, mentions, definitions);
  const related = relate(nt, mentions, { key, date: header.date?.iso ?? null, kind: type?.kind ?? null, title: header.subject, quotes });
  related.readings.forEach((r, i) => Object.assign(mentions[i] as Mention, r));
  const stated = related.stated;

  const cited = new Map<string, DocumentRecord["cited"][number]>();
  for (const m of mentions) {
    if (!m.resolvedKey || m.resolvedBy === "self" || m.resolvedKey === key) continue;
    const entry = cited.get(m.resolvedKey) ?? { key: m.resolvedKey, relation: "mentions" as const, mentions: 0, rule: null };
    if (stronger(entry.relation, m.relation) !== entry.relation) Object.assign(entry, { relation: m.relation, rule: m.rule ?? null });
    entry.mentions++;
    cited.set(m.resolvedKey, entry);
  }
  // What the text amends, replaces or repeals, part by part (the relation of each cited document is read above).
  const effective = effectiveDate(text, header.date?.iso ?? null, quotes);
  const amendments = findAmendments(text, mentions, effective?.iso ?? null);
  // A short reference the text resolves is no longer a problem of the document.
  const diagnostics: Diagnostic[] = mentions.flatMap((m) => [
    ...(m.citation?.diagnostics ?? []).filter((d) => !(d.code === "short-reference" && m.resolvedKey)),
    ...m.diagnostics,
  ]);
  diagnostics.push(...related.diagnostics);

  return {
    id, key, identifier, type,
    place: header.place, date: header.date, subject: header.subject, effective,
    addressees: header.addressees,
    recipients: header.recipients, signature: header.signature, mentions, pinpoints: ownPinpoints,
    amendments, cited: [...cited.values()],
    statedRelations: stated, diagnostics,
  };
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
  return {
    ...word, kind, key: null, resolvedKey, resolvedBy, evidence, relation: "mentions", verb: null, pinpoints: [], isDefinition: false,
    citation: null, diagnostics: [],
  };
}

/**
 * The document a quotation comes from: the first citation of that type on the last line before it that cites
 * one (`Điều 5 của Luật số 43/2024/QH15 sửa đổi … của Luật Đất đai số 31/2024/QH15 … quy định như sau:`).
 */
/**
 * The law a quoted `Luật này` means, for a quote opening at `open`: of the citations of that kind ending before
 * it, the last, or the first on the last one's line (`… Điều 5 của Luật Đất đai số 31/2024/QH15 như sau: “…`).
 */
function quotedSources(text: string, citations: Citation[]): (open: number, kind: string) => Citation | undefined {
  const byKind = new Map<string, Citation[]>(); // in text order
  for (const c of citations) {
    if (c.key === null) continue;
    addTo(byKind, foldKey(c.kind ?? ""), c);
  }
  const lines = lineIndex(text);
  return (open, kind) => {
    const list = byKind.get(foldKey(kind)) ?? [];
    // The last one starting before the quote may run into it (a title around the quote): step back over those.
    let k = firstIndex(list.length, (i) => (list[i] as Citation).start >= open) - 1;
    while (k >= 0 && (list[k] as Citation).end > open) k--;
    const last = list[k];
    if (!last) return undefined;
    const lineStart = lines.startOf(last.start);
    let first = last;
    for (let j = k - 1; j >= 0 && (list[j] as Citation).start >= lineStart; j--) if ((list[j] as Citation).end <= open) first = list[j] as Citation;
    return first;
  };
}


/**
 * The heading names the type (`NGHỊ ĐỊNH`); the own number's code wins when it names another: a consolidated
 * text `05/VBHN-VPQH` reproduces a law under the heading `LUẬT …`, but is a Văn bản hợp nhất.
 */
function documentType(heading: DocumentRecord["type"], own: Citation | undefined): DocumentRecord["type"] {
  const byCode = own?.typeCode ? typeCodeInfo(own.typeCode)?.kind : undefined;
  if (own && byCode && heading?.kind !== byCode) return { kind: byCode, span: own.spans.identifier ?? { text: own.text, start: own.start, end: own.end } };
  return heading ?? (own?.kind && own.spans.typeWord ? { kind: own.kind, span: own.spans.typeWord } : null);
}

// After a type word (kindWordsThen): `… này có hiệu lực thi hành kể từ ngày …`.
const EFFECTIVE = /\snày\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+kể)?\s+từ\s+(ngày\s+(?:(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(ký|ban\s+hành)))/giu;

/**
 * The document's own entry into force: `Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025`;
 * `kể từ ngày ký` takes the document's date.
 */
function effectiveDate(text: string, signed: string | null, quotes: readonly Quotation[]): DocumentRecord["effective"] {
  // Not inside a quotation: an amending text quotes the new wording of another law's own clause.
  const m = kindWordsThen(text, EFFECTIVE).find((x) => !quotationAt(quotes, x.start))?.tail;
  if (!m) return null;
  const end = (m.index as number) + m[0].length;
  const span = spanOf(text, end - (m[1] as string).length, end);
  if (m[8]) return { iso: signed, span };
  const [d, mo, y] = m[2] ? [m[2], m[3], m[4]] : [m[5], m[6], m[7]];
  const reading = readDate(d ?? null, mo ?? null, y ?? null);
  return { iso: reading.kind === "valid" ? reading.iso : null, span };
}

// What may stand between a pinpoint and the citation it qualifies.
const PINPOINT_THEN_CITATION = /^[\s,]*(?:của|tại|theo)?\s*$/u;
const JOINS_PINPOINTS = /^\s*(?:,|và|hoặc)\s*$/u;
const CITATION_THEN_PINPOINT = /^\s*,?\s*(?:tại|theo|ở)?\s*$/u;
const MAX_GAP = 200;

/**
 * Attaches each pinpoint to the mention it qualifies: the one right after it (`tại Điều 5 của Nghị định số …`,
 * `khoản 2 Điều 3 Luật …`), else the one right before it (`Nghị định số … tại Điều 5`). A pinpoint of `Luật
 * này` or of no document named qualifies the document itself: those are returned.
 */
function attachPinpoints(nt: NormalizedText, mentions: Mention[]): Pinpoint[] {
  const text = nt.original;
  const own: Pinpoint[] = [];
  const numbered = mentions.filter((m) => m.citation !== null || m.resolvedKey !== null);
  let i = 0;
  // `khoản 3 Điều 200 và khoản 15 Điều 210 của Luật …`: pinpoints joined by `và` or a comma wait for the last one.
  let waiting: Pinpoint[] = [];
  // Only a short gap can join (`, của `, ` và `): a long one is not read at all, so that a text of thousands of
  // pinpoints far from any citation stays linear.
  const gapIs = (re: RegExp, from: number, to: number) => to - from <= MAX_GAP && re.test(text.slice(from, to));
  for (const p of pinpointsIn(nt)) {
    while (i < numbered.length && (numbered[i] as Mention).end <= p.start) i++;
    const after = numbered[i];
    const before = numbered[i - 1];
    const joined = waiting.length > 0 && gapIs(JOINS_PINPOINTS, (waiting.at(-1) as Pinpoint).end, p.start);
    if (!joined) for (const w of waiting) own.push(w);
    const group = joined ? waiting : [];
    group.push(p);
    waiting = [];
    if (after && after.start >= p.end && gapIs(PINPOINT_THEN_CITATION, p.end, after.start)) for (const g of group) after.pinpoints.push(g);
    else if (before && gapIs(CITATION_THEN_PINPOINT, before.end, (group[0] as Pinpoint).start)) for (const g of group) before.pinpoints.push(g);
    else waiting = group;
  }
  for (const w of waiting) own.push(w);
  // `khoản 2 Điều 3 của Luật này`: the self-reference's pinpoints are the document's own.
  for (const m of mentions) if (m.citation === null && /này$/u.test(m.text) && m.resolvedBy !== "back-reference") for (const p of m.pinpoints.splice(0)) own.push(p);
  return own.sort((a, b) => a.start - b.start);
}

/** `Số: 300/LĐLĐ`, `Số 25-KH/HU` at the start of a header line, with no type word: the document's own number. */
function ownIdentifier(text: string, citations: Citation[]): DocumentRecord["identifier"] {
  const headerEnd = nthLineStart(text, HEADER_LINES);
  const lines = lineIndex(text);
  for (const c of citations) {
    if (c.start >= headerEnd) break;
    const lineStart = lines.startOf(c.start);
    const atLineStart = c.spans.typeWord === null && /^[\s*_]*$/.test(text.slice(lineStart, c.start)) && /^s[ốo]/i.test(c.text);
    // `Luật số:  43/2024/QH15` in a header: the colon marks the document's own number field.
    const numberField = /s[ốo]\s*:/i.test(text.slice(c.start, c.spans.identifier?.start ?? c.start));
    if (atLineStart || numberField) return { key: c.key, span: { text: c.text, start: c.start, end: c.end } };
  }
  return null;
}

function nthLineStart(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n && at >= 0; i++) at = text.indexOf("\n", at + 1);
  return at < 0 ? text.length : at;
}


