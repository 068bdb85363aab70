/**
 * Stage 5: resolve. The citing document as a whole: its own identity (header), every mention resolved to a
 * document key, and how the document relates to each cited one.
 *
 *   parseDocument("Số: 300/LĐLĐ … Căn cứ Công văn số 1051/LĐLĐ …", { id: "a.txt" })
 *   → { key: "300/LĐLĐ", mentions: [{ resolvedKey: "1051/LĐLĐ", relation: "basedOn", … }], … }
 */
import { findAmendments } from "./amendments.js";
import { readDate } from "./date.js";
import { diagnostic } from "./diagnostics.js";
import { extract } from "./extract.js";
import { HEADER_LINES, readHeader } from "./header.js";
import { type NormalizedText, normalize } from "./normalize.js";
import { pinpointsIn } from "./pinpoint.js";
import { clauseStart, EDITORIAL_NOTE, governs, stronger, TIES_TO_PREVIOUS, verbsIn } from "./relations.js";
import type { Citation, Diagnostic, DocumentRecord, Mention, Pinpoint, Span, StatedRelation } from "./schema.js";
import { foldKey, foldName, KINDS, typeCodeInfo } from "./tables.js";
import { addTo, firstIndex, lineIndex, type Quotation, quotationAt, quotations } from "./text.js";

export interface DocumentOptions {
  /** The caller's id for the text; the document's key when its header gives no identifier. */
  id?: string;
}

const KIND_WORDS = [...KINDS].map((k) => k.kind).sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, "\\s+"));
// `Luật này`, `Nghị quyết nêu trên`: found from the rare tail back to the type word before it (a pass over the
// text for the type words with a look-behind at every position took most of parseDocument's time).
const SELF = /\s(?:này)(?![\p{L}])/giu;
const BACK = /\s(?:nêu trên|nói trên|trên đây)(?![\p{L}])/giu;
const BACK_TEST = new RegExp(BACK.source, "iu");
const KIND_BEFORE = new RegExp(`(?<![\\p{L}])(${KIND_WORDS.join("|")})\\s+$`, "iu");
const KIND_REACH = 80;
const DEFINITION = /\(\s*[*_]*\s*(?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt\s+là\s[^)]{1,160}\)/giu;
const SECTION = /^\s*(?:[IVX]+\s*[.\-–]|Chương\s+[IVX\d]+|Mục\s+\d+|Phần\s+[IVX\d]+)/u;

const kindKey = (kind: string | null, number: string) => `${foldKey(kind ?? "")} ${number.replace(/^0+(?=\d)/, "")}`;
const spanOf = (text: string, start: number, end: number): Span => ({ text: text.slice(start, end), start, end });
const hasMismatch = (c: Citation) => c.diagnostics.some((d) => d.code === "type-code-mismatch");

/** A short name the text defines, and the document it stands for. */
interface Definition {
  key: string;
  span: Span;
  /** kind + number of the short name: `kết luận 93`. */
  name: string;
}

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
  const stated = relate(text, mentions, quotes);

  const cited = new Map<string, { key: string; relation: Mention["relation"]; mentions: number }>();
  for (const m of mentions) {
    if (!m.resolvedKey || m.resolvedBy === "self" || m.resolvedKey === key) continue;
    const entry = cited.get(m.resolvedKey) ?? { key: m.resolvedKey, relation: "mentions" as const, mentions: 0 };
    entry.relation = stronger(entry.relation, m.relation);
    entry.mentions++;
    cited.set(m.resolvedKey, entry);
  }
  // What the text amends, replaces or repeals, it does so whatever verb stood before the citation.
  const effective = effectiveDate(text, header.date?.iso ?? null, quotes);
  const amendments = findAmendments(text, mentions, effective?.iso ?? null);
  const mentionsAt = new Map<number, Mention[]>();
  for (const m of mentions) addTo(mentionsAt, m.start, m);
  for (const a of amendments) {
    const entry = cited.get(a.target);
    if (entry) entry.relation = stronger(entry.relation, a.action);
    // `<document> hết hiệu lực …` begins with the mention it repeals.
    const subject = mentionsAt.get(a.span.start)?.find((m) => m.resolvedKey === a.target);
    if (subject) subject.relation = stronger(subject.relation, a.action);
  }
  // A short reference the text resolves is no longer a problem of the document.
  const diagnostics: Diagnostic[] = mentions.flatMap((m) => [
    ...(m.citation?.diagnostics ?? []).filter((d) => !(d.code === "short-reference" && m.resolvedKey)),
    ...m.diagnostics,
  ]);

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

/**
 * Short names: `(sau đây gọi tắt là Kết luận số 93)` stands for the nearest earlier citation with the same
 * type and number. When both carry a full key and the keys differ (`77-CT/TU` … `(viết tắt là … 77-CTr/TU)`),
 * the one whose code agrees with its type word is the document's key.
 */
function readDefinitions(mentions: Mention[], spans: Span[]): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  // One sweep over the mentions (both lists are in text order): the last full citation of each name so far.
  const lastFull = new Map<string, Mention>();
  let i = 0;
  for (const span of spans) {
    for (; i < mentions.length && (mentions[i] as Mention).start < span.start; i++) {
      const m = mentions[i] as Mention;
      if (!m.isDefinition && m.citation?.key) lastFull.set(kindKey(m.kind, m.citation.number), m);
    }
    let named: Mention | undefined;
    for (let j = i; j < mentions.length && (mentions[j] as Mention).start < span.end && !named; j++) {
      const m = mentions[j] as Mention;
      if (m.isDefinition && m.citation) named = m;
    }
    if (!named?.citation) continue;
    const name = kindKey(named.kind, named.citation.number);
    // The antecedent ends before the definition opens (a mention starting before it may still overlap it).
    const last = lastFull.get(name);
    const antecedent = last && last.end <= span.start ? last : undefined;
    const candidates = [named.citation, antecedent?.citation].filter((c): c is Citation => Boolean(c?.key));
    const consistent = candidates.find((c) => !hasMismatch(c)) ?? candidates[0];
    if (!consistent?.key) continue;
    definitions.set(name, { key: consistent.key, span, name });
  }
  return definitions;
}

function resolveMentions(text: string, mentions: Mention[], definitions: Map<string, Definition>): void {
  const sectionOf = sectionIndex(text);
  // Laws the text gives by name and number (`Luật Doanh nghiệp số 59/2020/QH14`): the name stands for the number.
  const numberOfName = new Map<string, string>();
  for (const m of mentions) if (m.citation?.nameKey && m.citation.key && m.citation.key !== m.citation.nameKey) numberOfName.set(m.citation.nameKey, m.citation.key);
  // `Luật Hải quan` after `Luật Hải quan ngày 23 tháng 6 năm 2014`: the one dated law of that name in the text.
  const dated = new Map<string, Set<string>>();
  for (const m of mentions) {
    const n = m.citation?.nameKey;
    const bare = n?.replace(/ năm \d{4}$/, "");
    if (n && bare && bare !== n) dated.set(bare, (dated.get(bare) ?? new Set()).add(numberOfName.get(n) ?? n));
  }
  for (const [bare, keys] of dated) if (keys.size === 1 && !numberOfName.has(bare)) numberOfName.set(bare, [...keys][0] as string);
  // Lookups prepared once, and what the mentions before the current one offer, kept as they are resolved: a text
  // of thousands of mentions is resolved in linear time.
  const firstOf = new Map<string, Mention>(); // a key or name key → the first mention carrying it
  const firstByKey = new Map<string, Mention>();
  const consistentKeys = new Map<string, Set<string>>(); // kind, number and issuer → keys of the citations without a mismatch
  for (const o of mentions) {
    const oc = o.citation;
    if (!oc) continue;
    for (const k of [oc.key, oc.nameKey]) if (k && !firstOf.has(k)) firstOf.set(k, o);
    if (oc.key && !firstByKey.has(oc.key)) firstByKey.set(oc.key, o);
    if (oc.key && !hasMismatch(oc)) {
      const k = `${kindKey(o.kind, oc.number)}|${oc.issuer}`;
      consistentKeys.set(k, (consistentKeys.get(k) ?? new Set()).add(oc.key));
    }
  }
  const earlier = new EarlierMentions();
  mentions.forEach((m) => {
    resolveOne(m);
    earlier.add(m);
  });

  function resolveOne(m: Mention): void {
    const c = m.citation;
    if (m.resolvedBy === "self") return;
    const numbered = c?.key && c.key === c.nameKey ? numberOfName.get(c.key) : undefined;
    if (numbered) {
      const first = firstOf.get(numbered);
      const evidence = first !== m ? first : mentions.find((o) => o !== m && (o.citation?.key === numbered || o.citation?.nameKey === numbered));
      Object.assign(m, { resolvedKey: numbered, resolvedBy: "name", evidence: evidence ? spanOf(text, evidence.start, evidence.end) : null });
      return;
    }
    if (!c) {
      // Back-reference: the nearest earlier resolved mention of the same kind, in the same section.
      if (m.resolvedBy === null && BACK_TEST.test(m.text)) resolveBack(m, earlier.lastOfKind(m.kind), sectionOf);
      else if (m.resolvedKey === null) m.diagnostics.push(diagnostic("unresolved-reference", m.start, m.end, { text: m.text }));
      return;
    }
    const name = kindKey(m.kind, c.number);
    const defined = definitions.get(name);
    if (c.key && (!hasMismatch(c) || m.isDefinition)) {
      if (defined && defined.key !== c.key && hasMismatch(c)) Object.assign(m, { resolvedKey: defined.key, resolvedBy: "definition", evidence: defined.span });
      else Object.assign(m, { resolvedKey: c.key, resolvedBy: "identifier" });
      return;
    }
    if (c.key) {
      // The code contradicts the type word: read it as the text's own consistent form when there is one.
      const others = consistentKeys.get(`${name}|${c.issuer}`);
      const consistent = defined?.key ?? (others?.size === 1 ? [...others][0] : undefined);
      if (consistent && consistent !== c.key) {
        const evidence = defined?.span ?? firstByKey.get(consistent)?.citation;
        Object.assign(m, { resolvedKey: consistent, resolvedBy: defined ? "definition" : "consistent-citation", evidence: evidence ? spanOf(text, evidence.start, evidence.end) : null });
        const id = c.spans.identifier ?? m;
        m.diagnostics.push(diagnostic("inconsistent-citation", id.start, id.end, { cited: c.key, key: consistent }, consistent));
      } else Object.assign(m, { resolvedKey: c.key, resolvedBy: "identifier" });
      return;
    }
    // A number without its code: a definition made earlier, else the one full citation earlier in the text.
    if (defined && defined.span.start < m.start) {
      Object.assign(m, { resolvedKey: defined.key, resolvedBy: "definition", evidence: defined.span });
      return;
    }
    const found = earlier.fullCitations(name, c.typeCode);
    const keys = [...found.keys()];
    if (keys.length === 1) {
      const first = found.get(keys[0] as string) as Mention;
      Object.assign(m, { resolvedKey: keys[0], resolvedBy: "earlier-citation", evidence: spanOf(text, first.start, first.end) });
    } else if (keys.length > 1) {
      m.diagnostics.push(diagnostic("ambiguous-reference", m.start, m.end, { text: m.text, candidates: keys.join(", ") }));
    } else {
      m.diagnostics.push(diagnostic("unresolved-reference", m.start, m.end, { text: m.text }));
    }
  }
}

/** What the mentions read so far offer to the next: full citations by kind and number, the last resolved of each kind. */
class EarlierMentions {
  // `kind number|type code` (or `|*` for any) → each resolved key, in order, with the first mention resolved to it
  private readonly byName = new Map<string, Map<string, Mention>>();
  private readonly lastByKind = new Map<string, Mention>();

  add(m: Mention): void {
    const c = m.citation;
    if (m.resolvedKey && c?.key) {
      const name = kindKey(m.kind, c.number);
      for (const k of [`${name}|*`, `${name}|${c.typeCode}`]) {
        const keys = this.byName.get(k) ?? new Map<string, Mention>();
        if (!keys.has(m.resolvedKey)) keys.set(m.resolvedKey, m);
        this.byName.set(k, keys);
      }
    }
    if (m.resolvedKey && m.resolvedBy !== "self") this.lastByKind.set(foldKey(m.kind ?? ""), m);
  }

  /** Earlier full citations of this kind and number (of this type code, when the short form gives one), by key. */
  fullCitations(name: string, typeCode: string | null): ReadonlyMap<string, Mention> {
    return this.byName.get(`${name}|${typeCode ?? "*"}`) ?? new Map();
  }

  lastOfKind(kind: string | null): Mention | undefined {
    return this.lastByKind.get(foldKey(kind ?? ""));
  }
}

function resolveBack(m: Mention, nearest: Mention | undefined, sectionOf: (offset: number) => number): void {
  // The nearest of its kind: were it in an earlier section, so would all before it be.
  const target = nearest && sectionOf(nearest.start) === sectionOf(m.start) ? nearest : undefined;
  if (target) Object.assign(m, { resolvedKey: target.resolvedKey, resolvedBy: "back-reference", evidence: { text: target.text, start: target.start, end: target.end } });
  else m.diagnostics.push(diagnostic("unresolved-reference", m.start, m.end, { text: m.text }));
}

/** The index of the section (I., II -, Chương 2, Mục 3 …) an offset falls in. */
function sectionIndex(text: string): (offset: number) => number {
  const starts: number[] = [0];
  let at = 0;
  for (const line of text.split("\n")) {
    if (SECTION.test(line)) starts.push(at);
    at += line.length + 1;
  }
  // The last section start at or before `offset` (starts[0] is 0).
  return (offset) => Math.max(0, firstIndex(starts.length, (i) => (starts[i] as number) > offset) - 1);
}

/**
 * The relation of each mention, and the relations the text states between cited documents. In a clause, a
 * mention after another takes the verb between them; a verb right after the earlier citation (or its `về`)
 * states how that document relates to this one; with no verb, the two are coordinated.
 */
function relate(text: string, mentions: Mention[], quotes: readonly Quotation[]): StatedRelation[] {
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
