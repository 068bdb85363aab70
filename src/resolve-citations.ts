/**
 * Resolution on its own, for a caller who has extract()'s citations and wants each one's document key without
 * reading the whole document: short references (`Kết luận số 93` after `Kết luận số 93-KL/TW`), laws by name
 * (`Luật Doanh nghiệp` after `Luật Doanh nghiệp số 59/2020/QH14`, or the catalogue's version in force on a date)
 * and, given the text, short names it defines and back-references (`Nghị quyết nêu trên`).
 *
 *   const citations = extract(text);
 *   resolve(citations, { text }).citations[3]   // { resolvedKey: "93-KL/TW", resolvedBy: "earlier-citation", … }
 *
 * It runs parseDocument's own resolution stage (src/document/resolve.ts) on the same mentions parseDocument builds,
 * so the two agree; it returns new objects and changes none it is given.
 */
import { citationMentions, definitionsIn, wordMentions } from "./document/document.js";
import { citationsInNormalized, originalOf, ownCopy } from "./document/offsets.js";
import { readHeader } from "./document/header.js";
import { readLayout } from "./document/layout/grammar.js";
import { BACK, readDefinitions, resolveMentions } from "./document/resolve.js";
import { ArgumentError } from "./errors.js";
import { type Source, sourceOf } from "./extract/source.js";
import { versionsAtDate } from "./extract/statute.js";
import type { Citation, Diagnostic, Mention, Resolution, Span } from "./types.js";
import { addTo } from "./text.js";

export interface ResolveOptions {
  /**
   * The text the citations were extracted from. With it, short names the text defines (`(sau đây gọi tắt là
   * Kết luận số 93)`) and back-references (`Nghị quyết nêu trên`) resolve too, a back-reference only to a
   * document of its kind cited earlier in the same division, and `date` defaults to the header's date.
   * Without it, citations resolve by their identifiers, the names and the earlier citations alone.
   */
  text?: string | undefined;
  /**
   * The citing document's date, ISO `yyyy-mm-dd`: a law cited by name alone (`Luật Đất đai`) resolves to the
   * version of the statutes catalogue in force on that date. Null: none. Default: the date of the text's header.
   */
  date?: string | null | undefined;
}

/** One reference resolved: a citation given, or a back-reference of the text (`Nghị quyết nêu trên`). */
export interface ResolvedReference extends Span {
  /** The document type in words, where the reference gives one. */
  kind: string | null;
  /**
   * The citation resolved (a copy: its `key` is the catalogue's number, `keySource: "catalogue"`, when `date`
   * named the version of a law cited by name); null for a back-reference.
   */
  citation: Citation | null;
  /** The document it refers to; null when the text does not say, or says two things (then a diagnostic). */
  resolvedKey: string | null;
  /** How `resolvedKey` was found. */
  resolvedBy: Resolution | null;
  /** What the resolution rests on: the definition, the earlier citation, the consistent form. */
  evidence: Span | null;
  /** Why it is unresolved (`unresolved-reference`, `ambiguous-reference`) or read otherwise (`inconsistent-citation`). */
  diagnostics: Diagnostic[];
}

/** What resolve() returns. */
export interface Resolved {
  /** One per citation given, in the order given. */
  citations: ResolvedReference[];
  /** With `text`: its back-references (`Nghị quyết nêu trên`, a quoted `Luật này`), in text order. */
  backReferences: ResolvedReference[];
  /** Each document key and the references resolved to it, in text order; keys in the order first cited. */
  byKey: Map<string, ResolvedReference[]>;
}

/** Offsets a string can have: a citation past them is from no text. */
const MAX_OFFSET = 2 ** 29;
const BACK_WORDS = new RegExp(BACK.source, "iu");

/**
 * Each citation's document key, as parseDocument resolves its mentions (eyecite's `resolve_citations`): by its
 * identifier, a short name the text defines, a law's number given elsewhere, the one earlier full citation of its
 * type and number, or the consistent form of a contradicting code. Returns new data; mutates nothing.
 *
 * Text that is not a document's (no header) is fine; `Luật này` (the text itself) is left to parseDocument, which
 * reads the header that says what the text is. A citation that is not resolved has `resolvedKey: null` and a
 * diagnostic that says why.
 *
 * @throws {ArgumentError} `citations` is not an array of citations (objects with offsets), or an option has the wrong type.
 */
export function resolve(citations: readonly Citation[], options: ResolveOptions = {}): Resolved {
  checkArguments(citations, options);
  const text = options.text;
  const src = sourceOf(text ?? textOf(citations));
  // Text order (resolution reads what comes before), kept stable for citations that start together.
  const order = citations.map((_, i) => i).sort((a, b) => (citations[a] as Citation).start - (citations[b] as Citation).start || a - b);
  const copies = order.map((i) => ownCopy(citations[i] as Citation));
  const date = options.date !== undefined ? options.date : text !== undefined ? (readHeader(src).date?.value ?? null) : null;
  versionsAtDate(copies, date);
  // The stages read normalized offsets: the copies move into them, and back with what the stages give (offsets.ts).
  const copiesBack = citationsInNormalized(src, copies);
  const back = originalOf(src);

  const definitionSpans = text !== undefined ? definitionsIn(src) : [];
  const words = text !== undefined ? wordMentions(src, copies, null, []).filter((m) => isBackReference(src, m)) : [];
  const mentions = [...citationMentions(copies, definitionSpans, null, null), ...words].sort((a, b) => a.start - b.start);
  const layout = readLayout(text !== undefined ? src.text : "");
  const resolutions = resolveMentions(src, mentions, readDefinitions(mentions, definitionSpans), layout);
  copiesBack();

  const references = mentions.map((m, i): ResolvedReference => {
    const r = resolutions[i] as (typeof resolutions)[number];
    return {
      text: m.text, start: src.orig(m.start), end: src.orig(m.end), kind: m.kind, citation: m.citation, resolvedKey: r.resolvedKey, resolvedBy: r.resolvedBy,
      evidence: back.maybe(r.evidence), diagnostics: r.diagnostics.map(back.diagnostic),
    };
  });
  const ofCopy = new Map(references.filter((r) => r.citation).map((r) => [r.citation, r]));
  const inOrder: ResolvedReference[] = new Array(citations.length);
  order.forEach((given, k) => void (inOrder[given] = ofCopy.get(copies[k] as Citation) as ResolvedReference));

  const byKey = new Map<string, ResolvedReference[]>();
  for (const r of references) if (r.resolvedKey !== null) addTo(byKey, r.resolvedKey, r);
  return { citations: inOrder, backReferences: references.filter((r) => r.citation === null), byKey };
}

/** A word mention that points back (`Nghị quyết nêu trên`, or `Luật này` quoted from a law cited before). */
function isBackReference(src: Source, m: Mention): boolean {
  return m.resolvedBy === "back-reference" || BACK_WORDS.test(src.text.slice(m.start, m.end));
}

/** Without the text: one with each citation at its offsets (evidence spans quote it), blanks between. */
function textOf(citations: readonly Citation[]): string {
  const sorted = [...citations].sort((a, b) => a.start - b.start);
  let out = "";
  for (const c of sorted) {
    if (c.start < out.length) continue; // overlaps the one before: its offsets are still read, its words not
    const length = c.end - c.start;
    out += " ".repeat(c.start - out.length) + String(c.text ?? "").slice(0, length).padEnd(length, " ");
  }
  return out;
}

// The spans a citation carries (CitationSpans), each a span or null: the stages read and move every one.
const SPAN_FIELDS = ["typeWord", "title", "identifier", "date", "issuedBy", "term", "subject"] as const;
const hasSpans = (spans: unknown): boolean =>
  typeof spans === "object" && spans !== null && SPAN_FIELDS.every((f) => {
    const s = (spans as Record<string, unknown>)[f];
    return s === null || (typeof s === "object" && s !== null && Number.isSafeInteger((s as Span).start) && Number.isSafeInteger((s as Span).end));
  });

function checkArguments(citations: unknown, options: unknown): void {
  if (!Array.isArray(citations)) throw new ArgumentError(`vncite.resolve: expected extract()'s citations as an array, got ${citations === null ? "null" : typeof citations}`);
  for (const [i, c] of citations.entries()) {
    const ok = typeof c === "object" && c !== null && Number.isSafeInteger(c.start) && Number.isSafeInteger(c.end) && c.start >= 0 && c.end >= c.start && c.end <= MAX_OFFSET;
    if (!ok || typeof c.number !== "string" || !Array.isArray(c.diagnostics) || !hasSpans(c.spans)) {
      throw new ArgumentError(`vncite.resolve: citations[${i}] is not a citation of extract() (offsets, number, spans, diagnostics)`);
    }
  }
  if (typeof options !== "object" || options === null) throw new ArgumentError("vncite.resolve: options must be an object");
  const { text, date } = options as ResolveOptions;
  if (text !== undefined && typeof text !== "string") throw new ArgumentError("vncite.resolve: options.text must be a string");
  if (date !== undefined && date !== null && (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date))) {
    throw new ArgumentError("vncite.resolve: options.date must be an ISO date (yyyy-mm-dd) or null");
  }
}
