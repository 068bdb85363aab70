/**
 * The body's own acts, read by a grammar over the lines of a text with articles (chevrotain): an article or item
 * line that opens with an act verb acts on what it names; one ending `… sau:` that names nothing opens a list,
 * and its items are what it acts on; any other line may name documents and then what happens to them.
 *
 *   body = { act | ItemLine | Line }
 *   act  = ActLine [ ItemLine { ItemLine } ] [ Line ]   Điều 2. Bãi bỏ các quyết định sau: ⏎ 1. Quyết định số … ⏎ 2. …
 *                                                 Điều 1. Sửa đổi, bổ sung ⏎ điểm g khoản 1 Điều 9 Thông tư số …
 *   ItemLine | Line                               2. Nghị định số … hết hiệu lực kể từ ngày …
 *
 * The lines are the tokens: each is classified by its marker (`Điều 5.`, `1.`, `a)`, `-`) and first words. Blank
 * lines and quoted ones (another text's words) are none: a list goes on over them.
 */
import { createSyntaxDiagramsCode, createToken, EmbeddedActionsParser, type IToken, Lexer, type TokenType } from "chevrotain";
import documentJson from "../../grammar/document.json";
import type { Relation } from "../schema.js";
import type { Clause, Extent } from "./structure.js";
import { firstIndex } from "../text.js";
import { type Layout, type Line as LayoutLine, layoutProductions } from "./layout/grammar.js";
import { lineToken } from "./layout/lines.js";
import { ACT, LIST_JOIN, POSTPOSED_ANY, POSTPOSED_VERB, relationOfAct, relationOfPostposed, words } from "./verbs.js";

const ActLine = createToken({ name: "ActLine", pattern: Lexer.NA });
const ItemLine = createToken({ name: "ItemLine", pattern: Lexer.NA });
const Line = createToken({ name: "Line", pattern: Lexer.NA });
const LINE_TOKENS = [ActLine, ItemLine, Line];

/** A line as a token: where its words start (after its marker), where it ends, and its act verb if it opens with one. */
interface LineToken extends IToken {
  at: number;
  end: number;
  isItem: boolean;
  act: { relation: Relation; verbEnd: number; opensList: boolean; bare: boolean } | null;
}

const OPENS_LIST = new RegExp(`(?:${words(documentJson.layout.listOpeners)})\\s*:\\s*$`, "u");
const HAS_LETTER = /\p{L}/u;

type ExtentAt = (at: number) => Extent | undefined;

/** The lines of the layout from `from` on as tokens (quoted lines left out), each with its act verb if it opens with one. */
function actLines(text: string, from: number, layout: Layout, quoted: (at: number) => boolean, extentAt: ExtentAt): LineToken[] {
  const out: LineToken[] = [];
  const { lines } = layout;
  for (let i = firstIndex(lines.length, (k) => (lines[k] as LayoutLine).end > from); i < lines.length; i++) {
    // The articles may begin inside a line (`… Điều 1. …` of a page flattened onto one line): from there on.
    const l = lines[i] as LayoutLine;
    const { start, end, at, isItem } = l.start < from ? lineToken(text, from, l.end) : l;
    if (quoted(at)) continue;
    const line = text.slice(start, end);
    ACT.lastIndex = at;
    const verb = ACT.exec(text);
    let act: LineToken["act"] = null;
    if (verb && verb.index === at) {
      const verbEnd = at + verb[0].length;
      // `Bãi bỏ toàn bộ các quyết định sau:` names none itself: the items below are what it repeals.
      const named = extentAt(verbEnd);
      const names = named !== undefined && named.start < end;
      // `Điều 1. Sửa đổi, bổ sung ⏎ điểm g khoản 1 Điều 9 Thông tư số …`: a heading whose object is the next line.
      const bare = !names && !HAS_LETTER.test(text.slice(verbEnd, end));
      act = { relation: relationOfAct(verb[1] as string) as Relation, verbEnd, opensList: (OPENS_LIST.test(line) || bare) && !names, bare };
    }
    const tokenType = act ? ActLine : isItem ? ItemLine : Line;
    out.push({ image: line, startOffset: start, tokenType, tokenTypeIdx: tokenType.tokenTypeIdx as number, at, end, isItem, act } as LineToken);
  }
  return out;
}

class ActsParser extends EmbeddedActionsParser {
  text = "";
  extentAt: ExtentAt = () => undefined;
  /** Where the postposed verbs of the text stand, in order. */
  postposedAt: number[] = [];
  out: Clause[] = [];

  constructor(validate = false) {
    super(LINE_TOKENS as TokenType[], { recoveryEnabled: false, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  public body = this.RULE("body", () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.act) },
        { ALT: () => this.postposed(this.CONSUME(ItemLine) as LineToken) },
        { ALT: () => this.postposed(this.CONSUME(Line) as LineToken) },
      ]),
    );
  });

  private act = this.RULE("act", () => {
    const line = this.CONSUME(ActLine) as LineToken;
    const act = line.act as NonNullable<LineToken["act"]>; // (undefined while chevrotain records the grammar)
    this.ACTION(() => this.out.push({ verb: { start: line.at, end: act.verbEnd }, from: act.verbEnd, end: line.end, relation: act.relation, rule: "article" }));
    this.OPTION({
      GATE: () => act.opensList,
      DEF: () =>
        this.MANY(() => {
          const item = this.CONSUME2(ItemLine) as LineToken;
          this.ACTION(() => this.out.push({ verb: { start: line.at, end: act.verbEnd }, from: item.at, end: item.end, relation: act.relation, rule: "list-item" }));
        }),
    });
    this.OPTION2({
      GATE: () => act.bare,
      DEF: () => {
        const next = this.CONSUME2(Line) as LineToken;
        this.ACTION(() => this.out.push({ verb: { start: line.at, end: act.verbEnd }, from: next.at, end: next.end, relation: act.relation, rule: "article" }));
      },
    });
  });

  /**
   * `2. Nghị định số … hết hiệu lực kể từ ngày …`, `Kể từ ngày …, Nghị định số A … và Nghị định số B … hết hiệu
   * lực thi hành`: the act follows the documents it acts on, named first on the line or after a comma, and
   * coordinated with one another.
   */
  private postposed(line: LineToken): void {
    this.ACTION(() => {
      const { text, extentAt, postposedAt } = this;
      const verbAt = postposedAt[firstIndex(postposedAt.length, (i) => (postposedAt[i] as number) >= line.at)];
      if (verbAt === undefined || verbAt >= line.end) return;
      for (let e = extentAt(line.at); e && e.start < line.end; ) {
        const opens = e.start - line.at <= 2 || /,\s*$/u.test(text.slice(Math.max(line.at, e.start - 4), e.start));
        let last = e;
        for (let next = extentAt(last.reach); next && next.start < line.end && LIST_JOIN.test(text.slice(last.reach, next.start)); next = extentAt(next.reach)) last = next;
        const post = opens ? POSTPOSED_VERB.exec(text.slice(last.reach, Math.min(line.end, last.reach + 80))) : null;
        if (post) {
          const verb = { start: last.reach + post[0].length - (post[1] as string).length, end: last.reach + post[0].length };
          this.out.push({ verb, from: e.start - line.at <= 2 ? line.at : e.start, end: last.reach, relation: relationOfPostposed(post[1] as string) as Relation, rule: line.isItem ? "list-item" : "article" });
          return;
        }
        e = extentAt(Math.max(last.reach, e.start + 1));
      }
    });
  }
}

let parser: ActsParser | undefined;

/** The clauses of the body's own acts, text[from…] being the articles (normalized offsets). */
export function actsInBody(text: string, from: number, layout: Layout, quoted: (at: number) => boolean, extentAt: ExtentAt): Clause[] {
  parser ??= new ActsParser();
  parser.text = text;
  parser.extentAt = extentAt;
  parser.out = [];
  POSTPOSED_ANY.lastIndex = from;
  parser.postposedAt = [];
  for (let m = POSTPOSED_ANY.exec(text); m !== null; m = POSTPOSED_ANY.exec(text)) parser.postposedAt.push(m.index);
  parser.input = actLines(text, from, layout, quoted, extentAt);
  parser.body();
  const out = parser.out;
  // The parser lives on between documents: it keeps none of this one.
  parser.input = [];
  parser.text = "";
  parser.extentAt = () => undefined;
  parser.postposedAt = [];
  parser.out = [];
  return out;
}

/** Builds the acts grammar with chevrotain's validations on: throws if it is broken or ambiguous. */
export function validateActsGrammar(): void {
  new ActsParser(true);
}

/** The layout grammar and the acts grammar over its lines as one syntax diagram (HTML): `npm run diagram` writes it to grammar/layout-diagram.html. */
export function layoutDiagramHtml(): string {
  return createSyntaxDiagramsCode([...layoutProductions(), ...(parser ??= new ActsParser()).getSerializedGastProductions()]);
}
