/**
 * parseDocument's stages hold offsets into the normalized text (what they read); the record gives offsets into
 * the caller's text. The two ways across, each taken once: the citations into normalized offsets as the stages
 * begin, every span of the record back to the original as they end. A stage's span may hold the normalized
 * words (odd spaces folded even where no offset moved): its text is sliced from the original at the end.
 *
 * Both ways move objects in place, and only objects the composer made (parseDocument's citations come from its
 * own extract call, resolve() copies those it is given): a large text's thousands of copies were a cost.
 */
import type { Source } from "../extract/source.js";
import type { Amendment, Citation, Diagnostic, Mention, Pinpoint, Span, StatedRelation } from "../schema.js";

/**
 * Moves the citations (and their spans) into the normalized text's offsets, their texts the original's; returns
 * the way back. Where no offset moved, nothing to do.
 */
export function citationsInNormalized(src: Source, citations: readonly Citation[]): () => void {
  if (src.clean) return () => {};
  moveCitations(citations, (i) => src.norm(i));
  return () => moveCitations(citations, (i) => src.orig(i));
}

function moveCitations(citations: readonly Citation[], to: (i: number) => number): void {
  const move = (s: Span | null) => {
    if (s === null) return;
    s.start = to(s.start);
    s.end = to(s.end);
  };
  for (const c of citations) {
    c.start = to(c.start);
    c.end = to(c.end);
    // Field by field (the fields of CitationSpans; each span is its citation's own object).
    const s = c.spans;
    move(s.typeWord);
    move(s.title);
    move(s.identifier);
    move(s.date);
    move(s.issuedBy);
    move(s.term);
    move(s.subject);
  }
}

/** A copy of a citation that owns its spans: it may be moved without moving the one given. */
export const ownCopy = (c: Citation): Citation => {
  const s = c.spans;
  const copy = (x: Span | null): Span | null => x && { ...x };
  return {
    ...c,
    spans: { typeWord: copy(s.typeWord), title: copy(s.title), identifier: copy(s.identifier), date: copy(s.date), issuedBy: copy(s.issuedBy), term: copy(s.term), subject: copy(s.subject) },
  };
};

/** What the stages give, in normalized offsets: the parts of the record that carry spans. */
export interface StagesOutput {
  mentions: Mention[];
  pinpoints: Pinpoint[];
  amendments: Amendment[];
  stated: StatedRelation[];
  /** The relations' diagnostics (a mention's own go with it). */
  diagnostics: Diagnostic[];
}

/**
 * The ways back to the caller's text of what the stages made: a span as a new object (one may be shared: a
 * definition is the evidence of each short name), texts sliced from the original; a pinpoint, a diagnostic or a
 * mention (its citation moved back already) in place.
 */
export function originalOf(src: Source) {
  const span = (s: Span): Span => src.span(s.start, s.end);
  const maybe = (s: Span | null): Span | null => s && span(s);
  const pinpoint = (p: Pinpoint): Pinpoint => Object.assign(p, span(p));
  const diagnostic = (d: Diagnostic): Diagnostic => {
    d.start = src.orig(d.start);
    d.end = src.orig(d.end);
    if (d.related) d.related = d.related.map(span);
    return d;
  };
  const mention = (m: Mention): Mention => {
    Object.assign(m, span(m));
    m.evidence = maybe(m.evidence);
    m.verb = maybe(m.verb);
    for (const p of m.pinpoints) pinpoint(p);
    for (const d of m.diagnostics) diagnostic(d);
    return m;
  };
  return { span, maybe, pinpoint, diagnostic, mention };
}

/** Every span of the stages' output in the original text (the citations moved back first). */
export function inOriginal(src: Source, out: StagesOutput): void {
  if (src.text === src.original) return; // most texts: nothing to map, no word to slice again
  const to = originalOf(src);
  for (const m of out.mentions) to.mention(m);
  for (const p of out.pinpoints) to.pinpoint(p);
  for (const a of out.amendments) {
    if (a.pinpoint) to.pinpoint(a.pinpoint);
    a.span = to.span(a.span);
  }
  for (const s of out.stated) s.evidence = to.span(s.evidence);
  for (const d of out.diagnostics) to.diagnostic(d);
}
