/**
 * The layout of a document: one chevrotain grammar over its line tokens (lines.ts), giving a plain `Layout` in
 * normalized offsets that the document's readers take instead of finding lines and headings each its own way.
 *
 *   layout   = { division | article | outline | appendix | preamble | EnactingLine | clause | point | OmissionLine | TextLine }
 *   division = PartLine | ChapterLine | SectionLine
 *   preamble = PreambleLine { TextLine }                      Căn cứ Luật … (a basis broken over lines)
 *   article  = ArticleLine { clause | point | OmissionLine | TextLine }
 *   outline  = RomanLine { clause | point | TextLine }         I. MỤC ĐÍCH ⏎ 1. … ⏎ a) …
 *   clause   = ClauseLine { point | TextLine }
 *   point    = PointLine { TextLine }
 *   appendix = AppendixLine { TextLine }
 *
 * Every kind of line is also accepted at the top, so every text has a layout (a clause before any article, an
 * article inside a quotation: the readers decide what these mean).
 */
import { EmbeddedActionsParser } from "chevrotain";
import {
  AppendixLine, ArticleLine, ChapterLine, ClauseLine, EnactingLine, LINE_KINDS, lineTokens, type LineToken, OmissionLine, PartLine, PointLine,
  PreambleLine, RomanLine, SectionLine, TextLine, type InlineHeading,
} from "./lines.js";

/** A heading line: where its line starts (normalized offset) and its number (null after an omission: unknown). */
export interface Heading {
  start: number;
  number: string | null;
}

/** Where a line stands and what it is. */
export interface Line {
  start: number;
  end: number;
  /** Where its words begin, after its item marker (`Điều 5.`, `1.`, `2)`, `a)`, `-`), if any. */
  at: number;
  /** It opens with an item marker other than an article heading (`1.`, `a)`, `-`). */
  isItem: boolean;
  /** It opens with a section's number (`I.`, `1.`, `2)`, `3/`): where a plan's body may begin. */
  isNumbered: boolean;
  /** The number its marker gives (`5` of `Điều 5.`, `II` of `Chương II`), or null. */
  number: string | null;
  kind: "part" | "chapter" | "section" | "roman" | "article" | "clause" | "point" | "omission" | "preamble" | "enacting" | "appendix" | "text";
}

export interface Layout {
  /** Every non-blank line, in order. */
  lines: Line[];
  /** Parts, chapters, sections (`Mục`) and roman-numbered headings: where a new division starts. */
  divisions: Heading[];
  /** Article headings, and omissions (`[...]`, number null) after which the article is unknown. */
  articles: Heading[];
  /** Numbered lines (`1. …`): the clauses of an article, the items of a list. */
  clauses: Heading[];
  /** Lettered lines (`a) …`). */
  points: Heading[];
  /** The bases of the preamble (`Căn cứ …`), each from its line to the end of the lines it runs over. */
  preamble: { start: number; end: number }[];
  /** The enacting words (`QUYẾT ĐỊNH:`), if any. */
  enacting: number | null;
  appendices: Heading[];
  /**
   * Article headings inside a line, split off or not (`… GIA Điều 9. Nguyên tắc`, a page flattened onto one line
   * `… Điều 1. Phạm vi`), no letter before their word: a reference (`tại Điều 5. Nội dung`) reads the same, the
   * reader decides.
   */
  inlineArticles: InlineHeading[];
}

const KIND: Record<string, Line["kind"]> = {
  PartLine: "part", ChapterLine: "chapter", SectionLine: "section", RomanLine: "roman", ArticleLine: "article", ClauseLine: "clause",
  PointLine: "point", OmissionLine: "omission", PreambleLine: "preamble", EnactingLine: "enacting", AppendixLine: "appendix", TextLine: "text",
};

const emptyLayout = (): Layout => ({ lines: [], divisions: [], articles: [], clauses: [], points: [], preamble: [], enacting: null, appendices: [], inlineArticles: [] });

type Alternatives = Parameters<EmbeddedActionsParser["OR"]>[0];

class LayoutParser extends EmbeddedActionsParser {
  out: Layout = emptyLayout();
  // The alternatives of each OR, made once (an array of closures made at every line cost more than the choice).
  private alts: Record<string, Alternatives> = {};

  constructor(validate = false) {
    super(LINE_KINDS, { recoveryEnabled: false, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  public layout = this.RULE("layout", () => {
    this.MANY(() =>
      this.OR(this.alts.layout ??= [
        { ALT: () => this.SUBRULE(this.division) },
        { ALT: () => this.SUBRULE(this.article) },
        { ALT: () => this.SUBRULE(this.outline) },
        { ALT: () => this.SUBRULE(this.appendix) },
        { ALT: () => this.SUBRULE(this.preamble) },
        { ALT: () => this.record(this.CONSUME(EnactingLine) as LineToken) },
        { ALT: () => this.SUBRULE(this.clause) },
        { ALT: () => this.SUBRULE(this.point) },
        { ALT: () => this.record(this.CONSUME(OmissionLine) as LineToken) },
        { ALT: () => this.record(this.CONSUME(TextLine) as LineToken) },
      ]),
    );
  });

  private division = this.RULE("division", () => {
    this.record(this.OR(this.alts.division ??= [{ ALT: () => this.CONSUME(PartLine) }, { ALT: () => this.CONSUME(ChapterLine) }, { ALT: () => this.CONSUME(SectionLine) }]) as LineToken);
  });

  private preamble = this.RULE("preamble", () => {
    const first = this.CONSUME(PreambleLine) as LineToken;
    this.record(first);
    let last = first;
    this.MANY(() => {
      last = this.CONSUME2(TextLine) as LineToken;
      this.record(last);
    });
    this.ACTION(() => this.out.preamble.push({ start: first.start, end: last.end }));
  });

  private article = this.RULE("article", () => {
    this.record(this.CONSUME(ArticleLine) as LineToken);
    this.MANY(() =>
      this.OR(this.alts.article ??= [
        { ALT: () => this.SUBRULE(this.clause) },
        { ALT: () => this.SUBRULE(this.point) },
        { ALT: () => this.record(this.CONSUME2(OmissionLine) as LineToken) },
        { ALT: () => this.record(this.CONSUME2(TextLine) as LineToken) },
      ]),
    );
  });

  private outline = this.RULE("outline", () => {
    this.record(this.CONSUME(RomanLine) as LineToken);
    this.MANY(() =>
      this.OR(this.alts.outline ??= [
        { ALT: () => this.SUBRULE(this.clause) },
        { ALT: () => this.SUBRULE(this.point) },
        { ALT: () => this.record(this.CONSUME3(TextLine) as LineToken) },
      ]),
    );
  });

  private clause = this.RULE("clause", () => {
    this.record(this.CONSUME(ClauseLine) as LineToken);
    this.MANY(() => this.OR(this.alts.clause ??= [{ ALT: () => this.SUBRULE(this.point) }, { ALT: () => this.record(this.CONSUME4(TextLine) as LineToken) }]));
  });

  private point = this.RULE("point", () => {
    this.record(this.CONSUME(PointLine) as LineToken);
    this.MANY(() => this.record(this.CONSUME5(TextLine) as LineToken));
  });

  private appendix = this.RULE("appendix", () => {
    this.record(this.CONSUME(AppendixLine) as LineToken);
    this.MANY(() => this.record(this.CONSUME6(TextLine) as LineToken));
  });

  /** A line into the layout: every line into `lines`, a heading also into its own list. */
  private record(line: LineToken): void {
    this.ACTION(() => {
      const kind = KIND[line.tokenType.name] as Line["kind"];
      const { out } = this;
      out.lines.push({ start: line.start, end: line.end, at: line.at, isItem: line.isItem, isNumbered: line.isNumbered, number: line.number, kind });
      const heading = { start: line.start, number: line.number };
      if (kind === "part" || kind === "chapter" || kind === "section" || kind === "roman") out.divisions.push(heading);
      else if (kind === "article" || kind === "omission") out.articles.push(heading);
      else if (kind === "clause") out.clauses.push(heading);
      else if (kind === "point") out.points.push(heading);
      else if (kind === "appendix") out.appendices.push(heading);
      else if (kind === "enacting") out.enacting ??= line.start;
    });
  }
}

let parser: LayoutParser | undefined;

/** The layout of a normalized text. */
export function readLayout(text: string): Layout {
  parser ??= new LayoutParser();
  parser.out = emptyLayout();
  parser.input = lineTokens(text, parser.out.inlineArticles);
  parser.layout();
  const out = parser.out;
  // The parser lives on between documents: it keeps none of this one.
  parser.input = [];
  parser.out = emptyLayout();
  return out;
}

/** Builds the layout grammar with chevrotain's validations on: throws if it is broken or ambiguous. */
export function validateLayoutGrammar(): void {
  new LayoutParser(true);
}

/** The layout grammar's rules, to be drawn (`npm run diagram`). */
export function layoutProductions() {
  return (parser ??= new LayoutParser()).getSerializedGastProductions();
}
