/**
 * Stage 5b: resolve. Every mention of the citing text to a document key: by its identifier, a short name the
 * text defines, a name given with its number elsewhere, the one full citation before a short one, or (for
 * `Nghị quyết nêu trên`) the nearest earlier mention of its kind in the section.
 *
 *   Kết luận số 93-KL/TW (sau đây gọi tắt là Kết luận số 93) … Kết luận số 93  →  both 93-KL/TW
 */
import documentJson from "../../grammar/document.json";
import { diagnostic } from "../diagnostics.js";
import { words } from "./verbs.js";
import type { Source } from "../extract/source.js";
import { type Layout, readLayout } from "./layout/grammar.js";
import type { Citation, Mention, Span } from "../schema.js";
import { foldKey } from "../tables.js";
import { firstIndex, remembered, withoutLeadingZeros } from "../text.js";

/** `Nghị quyết nêu trên`: the words of a back-reference after a type word. */
export const BACK = new RegExp(`\\s(?:${words(documentJson.mentions.backReference)})(?![\\p{L}])`, "giu");
const BACK_TEST = new RegExp(BACK.source, "iu");
const DATED_NAME = new RegExp(` ${documentJson.dates.year} \\d{4}$`);
// A text's mentions use a few type words: each folded once.
const foldKind = remembered(foldKey, 1000);
const kindKey = (kind: string | null, number: string) => `${foldKind(kind ?? "")} ${withoutLeadingZeros(number)}`;
export const spanOf = (text: string, start: number, end: number): Span => ({ text: text.slice(start, end), start, end });
const hasMismatch = (c: Citation) => c.diagnostics.some((d) => d.code === "type-code-mismatch");

/** A short name the text defines, and the document it stands for. */
interface Definition {
  key: string;
  span: Span;
  /** kind + number of the short name: `kết luận 93`. */
  name: string;
}

/**
 * Short names: `(sau đây gọi tắt là Kết luận số 93)` stands for the nearest earlier citation with the same
 * type and number. When both carry a full key and the keys differ (`77-CT/TU` … `(viết tắt là … 77-CTr/TU)`),
 * the one whose code agrees with its type word is the document's key.
 */
export function readDefinitions(mentions: Mention[], spans: Span[]): Map<string, Definition> {
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

/** What resolving a mention gives it. */
export type Resolution = Pick<Mention, "resolvedKey" | "resolvedBy" | "evidence" | "diagnostics">;

/**
 * The resolution of each mention (in text order), one per mention in the order given; the mentions themselves
 * are left as they are (the stage reads a copy of each, which it fills in). Mentions, and the evidence and
 * diagnostics returned, are in the source's normalized offsets.
 */
export function resolveMentions(src: Source, mentions: readonly Mention[], definitions: Map<string, Definition>, layout: Layout = readLayout(src.text)): Resolution[] {
  const text = src.text;
  const sectionOf = sectionIndex(layout);
  // Laws the text gives by name and number (`Luật Doanh nghiệp số 59/2020/QH14`): the name stands for the number.
  const numberOfName = new Map<string, string>();
  for (const m of mentions) if (m.citation?.nameKey && m.citation.key && m.citation.key !== m.citation.nameKey) numberOfName.set(m.citation.nameKey, m.citation.key);
  // `Luật Hải quan` after `Luật Hải quan ngày 23 tháng 6 năm 2014`: the one dated law of that name in the text.
  const dated = new Map<string, Set<string>>();
  for (const m of mentions) {
    const n = m.citation?.nameKey;
    const bare = n?.replace(DATED_NAME, "");
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
  return mentions.map((given) => {
    const m: Mention = { ...given, diagnostics: [] };
    resolveOne(m);
    earlier.add(m);
    return { resolvedKey: m.resolvedKey, resolvedBy: m.resolvedBy, evidence: m.evidence, diagnostics: m.diagnostics };
  });

  function resolveOne(m: Mention): void {
    const c = m.citation;
    if (m.resolvedBy === "self") return;
    const numbered = c?.key && c.key === c.nameKey ? numberOfName.get(c.key) : undefined;
    if (numbered) {
      const first = firstOf.get(numbered);
      const evidence = first && first.start !== m.start ? first : mentions.find((o) => o.start !== m.start && (o.citation?.key === numbered || o.citation?.nameKey === numbered));
      Object.assign(m, { resolvedKey: numbered, resolvedBy: "name", evidence: evidence ? spanOf(text, evidence.start, evidence.end) : null });
      return;
    }
    if (!c) {
      // Back-reference: the nearest earlier resolved mention of the same kind, in the same section.
      if (m.resolvedBy === null && BACK_TEST.test(text.slice(m.start, m.end))) resolveBack(m, earlier.lastOfKind(m.kind), sectionOf);
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
    if (m.resolvedKey && m.resolvedBy !== "self") this.lastByKind.set(foldKind(m.kind ?? ""), m);
  }

  /** Earlier full citations of this kind and number (of this type code, when the short form gives one), by key. */
  fullCitations(name: string, typeCode: string | null): ReadonlyMap<string, Mention> {
    return this.byName.get(`${name}|${typeCode ?? "*"}`) ?? new Map();
  }

  lastOfKind(kind: string | null): Mention | undefined {
    return this.lastByKind.get(foldKind(kind ?? ""));
  }
}

function resolveBack(m: Mention, nearest: Mention | undefined, sectionOf: (offset: number) => number): void {
  // The nearest of its kind: were it in an earlier section, so would all before it be.
  const target = nearest && sectionOf(nearest.start) === sectionOf(m.start) ? nearest : undefined;
  if (target) Object.assign(m, { resolvedKey: target.resolvedKey, resolvedBy: "back-reference", evidence: { text: target.text, start: target.start, end: target.end } });
  else m.diagnostics.push(diagnostic("unresolved-reference", m.start, m.end, { text: m.text }));
}

/** The index of the division (Phần, Chương 2, Mục 3, I., II -) an offset falls in. */
function sectionIndex(layout: Layout): (offset: number) => number {
  const starts = [0, ...layout.divisions.map((d) => d.start)];
  // The last section start at or before `offset` (starts[0] is 0).
  return (offset) => Math.max(0, firstIndex(starts.length, (i) => (starts[i] as number) > offset) - 1);
}
