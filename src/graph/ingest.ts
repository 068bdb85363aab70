/** Adding a parsed document to the graph: what of a record the graph reads, checked, then merged into the store. */
import type { KEY_SOURCES } from "../enums.js";
import { lawDisplayTitle } from "../extract/statute.js";
import type { DocumentRecord, Relation, RelationRule, Span, PinpointPath } from "../schema.js";
import { GraphError, recordProblem } from "./validate.js";
import { GraphStore, isString, occurrence, pathOf, ruleBit } from "./store.js";

const FORM = "form";
type KeySource = (typeof KEY_SOURCES)[number];

/** What the graph reads of a DocumentRecord: a DocumentRecord is one; `graphRecordOf` keeps only this. */
export interface GraphRecord {
  id: string | null;
  key: string | null;
  /** The document's header fields the graph reads: their values (HeaderField), the spans left out. */
  type: { value: string } | null;
  date: { value: string | null } | null;
  subject: { value: string } | null;
  mentions: {
    text: string;
    start: number;
    end: number;
    resolvedKey: string | null;
    resolvedBy: string | null;
    citation: {
      key: string | null;
      nameKey: string | null;
      kind: string | null;
      typeCode: string | null;
      issuedBy: string | null;
      /** The issuing body's key (bodyKeyOf), from the citation: bodies are compared by it in conflicts(). */
      issuedByKey?: string | null | undefined;
      /** A law's title (`Tổ chức Chính phủ`) and how its key was reached: the node's title and the alias's source. */
      title?: string | null | undefined;
      keySource?: KeySource | null | undefined;
      date: string | null;
      term: string | null;
      subject: string | null;
      spans: { identifier: Span | null };
    } | null;
  }[];
  cited: { key: string; relation: Relation; mentions: number; rule?: RelationRule | null | undefined }[];
  amendments: { action: "amends" | "replaces" | "repeals"; target: string; pinpoint: { paths: PinpointPath[] } | null; date: string | null; span: Span }[];
  statedRelations: { from: string; to: string; relation: Relation; evidence: Span; rule?: RelationRule | null | undefined }[];
}

const span = (s: Span): Span => ({ text: s.text, start: s.start, end: s.end });

/** The part of a record the graph reads, small enough to pass between threads by the thousand. */
export function graphRecordOf(r: DocumentRecord | GraphRecord): GraphRecord {
  return {
    id: r.id,
    key: r.key,
    type: r.type && { value: r.type.value },
    date: r.date && { value: r.date.value },
    subject: r.subject && { value: r.subject.value },
    mentions: r.mentions
      // The mentions add() reads: of another document, or giving a law's name with its number.
      .filter((m) => (m.resolvedKey && m.resolvedBy !== "self" && m.resolvedKey !== r.key) || (m.citation?.nameKey && m.citation.key && m.citation.key !== m.citation.nameKey))
      .map((m) => {
        const c = m.citation;
        return {
          text: m.text, start: m.start, end: m.end, resolvedKey: m.resolvedKey, resolvedBy: m.resolvedBy,
          citation: c && {
            key: c.key, nameKey: c.nameKey, kind: c.kind, typeCode: c.typeCode, issuedBy: c.issuedBy, issuedByKey: c.issuedByKey ?? null, title: c.title ?? null, keySource: c.keySource ?? null, date: c.date, term: c.term,
            subject: c.subject, spans: { identifier: c.spans.identifier && span(c.spans.identifier) },
          },
        };
      }),
    cited: r.cited.map((c) => ({ key: c.key, relation: c.relation, mentions: c.mentions, rule: c.rule ?? null })),
    amendments: r.amendments.map((a) => ({
      action: a.action, target: a.target, pinpoint: a.pinpoint && { paths: a.pinpoint.paths }, date: a.date, span: span(a.span),
    })),
    statedRelations: r.statedRelations.map((s) => ({ from: s.from, to: s.to, relation: s.relation, evidence: span(s.evidence), rule: s.rule ?? null })),
  };
}

/** Adding documents: `add()` and the check before it. */
export class GraphIngest extends GraphStore {
  /**
   * Throws a GraphError, before anything is changed, when a record lacks what the graph reads or holds what it
   * could not write and read back: the same checks as the graph's own lines read back (validate.ts).
   */
  protected checkRecord(record: GraphRecord, doc: string): void {
    const problem = recordProblem(record);
    if (problem) throw new GraphError(`CitationGraph.add: document "${doc}": ${problem}`);
  }

  /**
   * Adds one parsed document (a DocumentRecord, or the smaller GraphRecord). Returns false (and changes
   * nothing) when a document with its id was added before; throws a GraphError (and changes nothing) when the
   * record lacks what the graph reads.
   */
  add(record: DocumentRecord | GraphRecord): boolean {
    const docKey = record?.id ?? record?.key;
    if (!isString(docKey)) throw new GraphError("CitationGraph.add: the record needs an id or a key");
    const known = this.strings.find(docKey);
    if (known >= 0 && this.documents.has(known)) return false;
    this.checkRecord(record, docKey);
    const doc = this.strings.intern(docKey);
    this.documents.add(doc);
    for (const m of record.mentions) {
      const c = m.citation;
      // A number the catalogue gave, or one the text printed beside the name (the corpus joins them).
      if (c?.nameKey && c.key && c.key !== c.nameKey) this.alias(c.nameKey, c.key, c.keySource === "catalogue" ? "catalogue" : "corpus");
    }
    // Each key once per record in the big string table: a document names each cited document ~3 times.
    const local = new Map<string, number>();
    const nodeFor = (key: string) => {
      let n = local.get(key);
      if (n === undefined) local.set(key, (n = this.node(this.canonical(key))));
      return n;
    };
    const self = isString(record.key) ? nodeFor(record.key) : -1;
    if (self >= 0) {
      this.addValue(self, "texts", docKey);
      this.addValue(self, "kinds", record.type?.value);
      this.addValue(self, "dates", record.date?.value);
      const subject = record.subject?.value;
      if (isString(subject)) this.addValue(self, "subjects", subject.replace(/\s+/g, " "));
    }
    for (const m of record.mentions) {
      // A form's number (`Mẫu số 01`) is no document.
      if (!m.resolvedKey || m.resolvedBy === "self" || m.resolvedKey === record.key || m.citation?.kind === FORM) continue;
      const n = nodeFor(m.resolvedKey);
      const c = m.citation;
      this.nodeMentions.bump(n);
      const spelled = c?.spans.identifier ?? m;
      this.addVariant(n, doc, spelled.start, spelled.end, this.spellingId(n, spelled.text));
      if (c) {
        this.addValue(n, "kinds", c.kind);
        this.addValue(n, "typeCodes", c.typeCode);
        this.addValue(n, "issuedBy", c.issuedBy);
        if (isString(c.issuedBy) && isString(c.issuedByKey)) this.noteBodyKey(c.issuedBy, c.issuedByKey);
        this.addValue(n, "dates", c.date);
        this.addValue(n, "terms", c.term);
        this.addValue(n, "subjects", c.subject);
        // By the key the text resolved (as the PostgreSQL facts), not the node's: the same whatever came before.
        const title = lawDisplayTitle(m.resolvedKey, c);
        if (title) this.noteTitle(n, title);
      }
    }
    if (self >= 0) {
      // The mentions of each cited key, its evidence (one pass, not one per cited document).
      const byKey = new Map<string, GraphRecord["mentions"]>();
      for (const m of record.mentions) {
        if (!m.resolvedKey) continue;
        const list = byKey.get(m.resolvedKey);
        if (list) list.push(m);
        else byKey.set(m.resolvedKey, [m]);
      }
      for (const cited of record.cited) {
        const e = this.edge(self, nodeFor(cited.key), cited.relation);
        this.edgeCount.bump(e, cited.mentions);
        this.edgeRules.data[e] = (this.edgeRules.data[e] as number) | ruleBit(cited.rule);
        for (const m of byKey.get(cited.key) ?? []) this.addEvidence(e, doc, m.start, m.end, this.mentionTextId(this.edgeTo.data[e] as number, m.text));
      }
    }
    for (const a of record.amendments) {
      const n = this.node(this.canonical(a.target));
      const list = this.amended.get(n) ?? [];
      // Strings from the table: a span's text sliced out of the document would keep the whole text alive (with
      // one amending text in four, `vncite graph` on 50 000 files held over a GB of texts).
      const docId = this.strings.strings[doc] as string;
      const evidence = occurrence(docId, { text: this.own(a.span.text), start: a.span.start, end: a.span.end });
      list.push({ by: self >= 0 ? this.key(self) : docId, action: a.action, paths: (a.pinpoint?.paths ?? []).map(pathOf), date: a.date ?? null, evidence });
      this.amended.set(n, list);
    }
    for (const s of record.statedRelations) {
      const e = this.edge(this.node(this.canonical(s.from)), this.node(this.canonical(s.to)), s.relation);
      this.addStatedBy(e, doc);
      this.edgeRules.data[e] = (this.edgeRules.data[e] as number) | ruleBit(s.rule);
      this.addEvidence(e, doc, s.evidence.start, s.evidence.end, this.strings.intern(s.evidence.text));
    }
    return true;
  }

}
