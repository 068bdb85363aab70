/**
 * parseDocument's stages hold offsets into the normalized text (what they read); the record gives offsets into
 * the caller's text. The two ways across, each taken once: the citations into normalized offsets as the stages
 * begin, every span of the record back to the original as they end. A stage's span may hold the normalized
 * words (odd spaces folded even where no offset moved): its text is sliced from the original at the end.
 */
import type { Source } from "../extract/source.js";
import type { Amendment, Citation, Diagnostic, Mention, Pinpoint, Span, StatedRelation } from "../schema.js";

/** The citations as the stages read them (normalized offsets), and the caller's citation behind each. */
export interface CitationViews {
  views: Citation[];
  original: (view: Citation) => Citation;
}

/**
 * Copies of the citations with their offsets (and their spans') in the normalized text; the texts stay the
 * original's. Where no offset moved, the citations themselves.
 */
export function citationViews(src: Source, citations: Citation[]): CitationViews {
  if (src.clean) return { views: citations, original: (c) => c };
  const n = (s: Span | null): Span | null => s && { text: s.text, start: src.norm(s.start), end: src.norm(s.end) };
  // Field by field (the fields of CitationSpans): a loop over the keys cost more than the rest of the copy.
  const spans = (s: Citation["spans"]): Citation["spans"] => ({
    typeWord: n(s.typeWord), title: n(s.title), identifier: n(s.identifier), date: n(s.date), issuedBy: n(s.issuedBy), term: n(s.term), subject: n(s.subject),
  });
  const views = citations.map((c): Citation => ({ ...c, start: src.norm(c.start), end: src.norm(c.end), spans: spans(c.spans) }));
  const byView = new Map(views.map((v, i) => [v, citations[i] as Citation]));
  return { views, original: (v) => byView.get(v) ?? v };
}

/** What the stages give, in normalized offsets: the parts of the record that carry spans. */
export interface StagesOutput {
  mentions: Mention[];
  pinpoints: Pinpoint[];
  amendments: Amendment[];
  stated: StatedRelation[];
  /** The relations' diagnostics (a mention's own go with it). */
  diagnostics: Diagnostic[];
}

/** The ways back to the caller's text of what the stages make: new objects, texts sliced from the original. */
export function originalOf(src: Source, original: (view: Citation) => Citation) {
  const span = (s: Span): Span => src.span(s.start, s.end);
  const maybe = (s: Span | null): Span | null => s && span(s);
  const pinpoint = (p: Pinpoint): Pinpoint => ({ ...p, ...span(p) });
  const diagnostic = (d: Diagnostic): Diagnostic => {
    const o: Diagnostic = { ...d, start: src.orig(d.start), end: src.orig(d.end) };
    if (d.related) o.related = d.related.map(span);
    return o;
  };
  const mention = (m: Mention): Mention => ({
    ...m, ...span(m), evidence: maybe(m.evidence), verb: maybe(m.verb), pinpoints: m.pinpoints.map(pinpoint),
    citation: m.citation && original(m.citation), diagnostics: m.diagnostics.map(diagnostic),
  });
  return { span, maybe, pinpoint, diagnostic, mention };
}

/** Every span of the stages' output in the original text, each mention's citation the caller's. */
export function inOriginal(src: Source, out: StagesOutput, original: (view: Citation) => Citation): StagesOutput {
  if (src.text === src.original) return out; // most texts: nothing to map, no word to slice again
  const to = originalOf(src, original);
  return {
    mentions: out.mentions.map(to.mention),
    pinpoints: out.pinpoints.map(to.pinpoint),
    amendments: out.amendments.map((a) => ({ ...a, pinpoint: a.pinpoint && to.pinpoint(a.pinpoint), span: to.span(a.span) })),
    stated: out.stated.map((s) => ({ ...s, evidence: to.span(s.evidence) })),
    diagnostics: out.diagnostics.map(to.diagnostic),
  };
}
