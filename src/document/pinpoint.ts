/**
 * Pinpoints: the part of a document a reference points at, as structured paths with lists and ranges expanded.
 *
 *   điểm a, b khoản 1 Điều 12      → { point: "a", clause: "1", article: "12" }, { point: "b", … }
 *   các khoản 1, 2 và 4 Điều 8      → clauses 1, 2, 4 of article 8
 *   Điều 5, Điều 6 và Điều 7        → articles 5, 6, 7;   từ Điều 5 đến Điều 7 → 5, 6, 7
 *   Chương II · Mục 3 · Phụ lục I
 *   khoản 1 Điều này                → clause 1 of the article it stands in
 *
 * A small grammar of its own (tokens, lexer and parser here), run on a window at each place the scan finds.
 */
import documentJson from "../../grammar/document.json";
import { ArgumentError } from "../errors.js";
import { createToken, type IToken, Lexer, type TokenType } from "chevrotain";
import { buildLexer } from "../extract/lex.js";
import { type Source, sourceOf } from "../extract/source.js";
import type { Pinpoint, PinpointPath } from "../schema.js";
import { PrefixParser, parsePrefix } from "../extract/prefix-parser.js";
import { firstIndex, LETTER, quotationAt } from "../text.js";
import { type Heading, type Layout, readLayout } from "./layout/grammar.js";
import { fold, initialsOf, marksOptional, words, writtenAs } from "./verbs.js";

type Level = keyof PinpointPath;
// Every word of a pinpoint from grammar/document.json `pinpoint`.
const WORDS = documentJson.pinpoint;
// Keyed without marks: a pinpoint of a text that lost them (`khoan 2 Dieu 3`) reads the same.
const LEVEL_OF = new Map(WORDS.levels.map((l) => [fold(l.word), l.level as Level]));
/** The level words in the forms given (`written`: inside a pinpoint, `opens`: where one may start). */
const levelWords = (forms: "written" | "opens") => WORDS.levels.flatMap((l) => l[forms].map((form) => writtenAs(l.word, form)));
const POINT_LETTER = `[a-z${WORDS.pointLetters.join("")}]`;

const NOT_LETTER = `(?![${LETTER}])`;
// A table word in a token's pattern: the spaces between its words are spaces or tabs (a token ends at a line);
// each word also with no mark at all.
const spaced = (w: string) => marksOptional(w).replace(/ /g, "[ \\t]+");
const word = (source: string) => new RegExp(`(?:${source})${NOT_LETTER}`);
const firstChars = (list: readonly string[]) => [...initialsOf(list)];
const tableWord = (name: string, w: string) => createToken({ name, pattern: word(spaced(w)), start_chars_hint: firstChars([w]) });
const WS = createToken({ name: "WS", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
const LevelWord = createToken({ name: "LevelWord", pattern: word(levelWords("written").map(spaced).join("|")), start_chars_hint: firstChars(levelWords("written")) });
/** `các khoản 1, 2`: all the items listed. */
const All = tableWord("All", WORDS.all);
/** `từ Điều 5 đến Điều 7`: a range's start and end words. */
const From = tableWord("From", WORDS.from);
const To = tableWord("To", WORDS.to);
const And = tableWord("And", WORDS.and);
/** `này` in place of a number: the article (or clause) the pinpoint stands in. */
const Here = tableWord("Here", WORDS.here);
const Item = createToken({ name: "Item", pattern: new RegExp(`(?:\\d{1,4}${POINT_LETTER}?|[IVXL]{1,6}|${POINT_LETTER})(?!\\d)${NOT_LETTER}`) });
const Comma = createToken({ name: "Comma", pattern: /,/ });
const Dash = createToken({ name: "Dash", pattern: /[-–]/ });
// Anything else, from there to the window's end in one token: the grammar never reads past the first token
// that is none of its words (no rule or look-ahead takes `Other`), so lexing the prose after it is wasted.
// A custom pattern so that the lexer can still dispatch on the first character (chevrotain cannot for a negated
// class), with every character but whitespace as its first.
const REST = /[\s\S]+/y;
let tokens: TokenType[] | undefined;
/**
 * The vocabulary, made when the first pinpoint is read: listing the first characters of `Other` (~15 ms in a
 * fresh process) is not for every import of vncite, most of which never read a pinpoint.
 */
const vocabulary = (): TokenType[] => (tokens ??= [WS, LevelWord, All, From, And, To, Here, Item, Comma, Dash, createToken({
  name: "Other",
  pattern: {
    exec(text: string, offset: number) {
      REST.lastIndex = offset;
      return REST.exec(text);
    },
  },
  line_breaks: true, // the rest of the window may hold line ends
  start_chars_hint: Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => !/\s/.test(String.fromCharCode(c))),
})]);

type Here = Partial<Record<Level, string>>;

interface Part {
  level: Level;
  items: string[];
}

class PinpointParser extends PrefixParser {
  /** The last item consumed: where the pinpoint ends. */
  last: IToken | undefined;
  /** What `này` stands for at each level where the pinpoint stands; asked only when a `này` comes. */
  here: () => Here = () => ({});
  /** A `này` was read. */
  relative = false;

  constructor(validate = false) {
    super(vocabulary(), 3, validate);
    this.performSelfAnalysis();
  }

  /** pinpoint = [các|từ] level {[các] level}, each level at most once */
  public pinpoint = this.RULE("pinpoint", (): Part[] => {
    const parts: Part[] = [];
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(All) }, { ALT: () => this.CONSUME(From) }]));
    this.AT_LEAST_ONE({
      GATE: () => parts.length === 0 || this.anotherLevel(parts),
      DEF: () => {
        this.OPTION1(() => this.CONSUME1(All));
        const part = this.SUBRULE(this.level);
        this.ACTION(() => parts.push(part));
      },
    });
    // `điểm b khoản này`: this clause of this article (`khoản này` alone is no pinpoint, see findPinpoints).
    this.ACTION(() => {
      const levels = new Set(parts.map((p) => p.level));
      if (this.relative && parts.length > 1 && levels.has("clause") && !levels.has("article")) {
        parts.push({ level: "article", items: [this.here().article ?? "?"] });
      }
    });
    return parts;
  });

  /** level = LevelWord (này | list) */
  private level = this.RULE("level", (): Part => {
    const word = this.CONSUME(LevelWord);
    const level = this.ACTION(() => LEVEL_OF.get(fold(word.image)) as Level);
    const items = this.OR1([
      {
        ALT: () => {
          const nay = this.CONSUME(Here);
          return this.ACTION(() => {
            this.last = nay;
            this.relative = true;
            return [this.here()[level] ?? "?"];
          });
        },
      },
      { ALT: () => this.SUBRULE(this.list, { ARGS: [word.image] }) },
    ]);
    return { level, items };
  });

  /** list = item {(, | và) [LevelWord] item | (đến | -) [LevelWord] item} */
  private list = this.RULE("list", (word: string): string[] => {
    const first = this.CONSUME(Item);
    const items: string[] = [];
    this.ACTION(() => {
      items.push(first.image);
      this.last = first;
    });
    this.MANY({
      GATE: () => this.continuesList(word),
      DEF: () => {
        const range = this.OR([
          { ALT: () => (this.CONSUME(Comma), false) },
          { ALT: () => (this.CONSUME(And), false) },
          { ALT: () => (this.CONSUME(To), true) },
          { ALT: () => (this.CONSUME(Dash), true) },
        ]);
        this.OPTION(() => this.CONSUME1(LevelWord));
        const next = this.CONSUME1(Item);
        this.ACTION(() => {
          items.push(...(range ? expand(items.pop() as string, next.image) : [next.image]));
          this.last = next;
        });
      },
    });
    return items;
  });

  /**
   * A level the pinpoint does not hold yet comes next, with its number (`khoản 1 Điều 5`): not `Điều kiện`, and
   * not a second `khoản`, which starts the next pinpoint (so that `khoản 1 Điều này` repeated line after line
   * is read one pinpoint at a time, not as one growing without end).
   */
  private anotherLevel(parts: Part[]): boolean {
    const k = this.LA(1).tokenType === All ? 2 : 1;
    const word = this.LA(k);
    const next = this.LA(k + 1).tokenType;
    if (word.tokenType !== LevelWord || (next !== Item && next !== Here)) return false;
    const level = LEVEL_OF.get(fold(word.image));
    return !parts.some((p) => p.level === level);
  }

  /** After an item: a separator, then an item (or the same level word and an item). */
  private continuesList(word: string): boolean {
    const sep = this.LA(1).tokenType;
    if (sep !== Comma && sep !== And && sep !== To && sep !== Dash) return false;
    const next = this.LA(2);
    if (next.tokenType === Item) return true;
    return next.tokenType === LevelWord && fold(next.image) === fold(word) && this.LA(3).tokenType === Item;
  }
}

/** `5` to `7` → 5, 6, 7 (Arabic numbers only; anything else is kept as its two ends). */
function expand(from: string, to: string): string[] {
  const a = Number(from);
  const b = Number(to);
  if (!Number.isInteger(a) || !Number.isInteger(b) || b < a || b - a > 200) return [from, to];
  return Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
}

/** Every combination of the levels' items, smallest level last: `điểm a, b khoản 1` → (1, a), (1, b). */
function paths(parts: Part[]): PinpointPath[] {
  let out: PinpointPath[] = [{}];
  for (const part of parts) {
    out = out.flatMap((p) => (part.level in p ? [p] : part.items.map((item) => ({ ...p, [part.level]: item }))));
  }
  return out;
}

let lexer: Lexer | undefined;
let parser: PinpointParser | undefined;
// Where a pinpoint may start.
// (Not inside a word: checked in code, as a look-behind at every position of the text costs more than the rest.)
const START = new RegExp(
  `(?:(?:${words([WORDS.all, WORDS.from])})\\s+)?(?:${words(levelWords("opens"))})\\s+(?:\\d|[IVXL]+(?![\\p{L}])|${POINT_LETTER}(?![\\p{L}]))`,
  "gu",
);
// A heading flattened after a chapter's title (`… GIA Điều 9.`) is no reference either.
const AFTER_CAPITALS = /\p{Lu}{2}[ \t]+$/u;

/** The last heading before `at`, by binary search. */
function lastBefore(list: readonly Heading[], at: number): Heading | null {
  return list[firstIndex(list.length, (i) => (list[i] as Heading).start >= at) - 1] ?? null;
}

/**
 * What `Điều này` and `khoản này` stand for in `text` at an offset: the article heading above (`?` after text left
 * out, `[...]`), the clause in it; from the text's layout (read on first need when none is given).
 */
function locator(text: string, given?: Layout): (at: number) => Here {
  let layout = given;
  return (at) => {
    layout ??= readLayout(text);
    const article = lastBefore(layout.articles, at);
    if (!article) return {};
    const number = article.number ?? "?";
    const clause = lastBefore(layout.clauses, at);
    return clause && clause.start > article.start ? { article: number, clause: clause.number as string } : { article: number };
  };
}

const HEADING_AFTER = /^(?:[.:]|[ \t]*(?:\r?\n|$)|[ \t]+\p{Lu}{2})/u;
/**
 * The commonest heading, `Điều 5.` / `Chương II:`, as the lexer and grammar would read it (level word, spaces, one
 * number, then `.` or `:`, where the list stops): known without lexing or parsing it. Read on first need.
 */
let plainHeading: RegExp | undefined;
const plainHeadingAt = (text: string, at: number): number | null => {
  plainHeading ??= new RegExp(`(?=(?<level>${(LevelWord.PATTERN as RegExp).source}))\\k<level>[ \\t\\r\\n]+(?:\\d{1,4}|[IVXL]{1,6})(?=[.:])`, "y");
  plainHeading.lastIndex = at;
  return plainHeading.test(text) ? plainHeading.lastIndex : null;
};

/** Builds the pinpoint lexer and grammar with chevrotain's validations on: throws if either is broken. */
export function validatePinpointGrammar(): void {
  buildLexer(vocabulary(), true);
  new PinpointParser(true);
}

// A pinpoint is read from a window this long, and again from one four times wider while the last may have cut
// it (a list of twenty articles).
const NEAR = 60;
const IS_LETTER = /\p{L}/u;

/** The pinpoint at `at`, read from text[at, at + width); "edge" when that window may have cut it short. */
function readAt(text: string, at: number, start: number, width: number, hereAt: (at: number) => Here): { parts: Part[]; end: number; relative: boolean } | null | "edge" {
  const p = parser as PinpointParser;
  const to = Math.min(text.length, at + width);
  p.last = undefined;
  p.here = () => hereAt(at);
  p.relative = false;
  const parts = parsePrefix(p, (lexer as Lexer).tokenize(text.slice(at, to)).tokens, () => p.pinpoint());
  const last = p.last as IToken | undefined;
  const end = last ? at + last.startOffset + last.image.length : at;
  // A list or range may go on past the window, or have failed where the window cut it. (A parse fails only in its
  // first level, `Điều 5của`: when the window holds that level's start, a wider one fails the same way.)
  if (to < text.length && (parts ? end > to - 20 : start > to - 20)) return "edge";
  return parts && last && parts.length > 0 ? { parts, end, relative: p.relative } : null;
}

/**
 * Every pinpoint in `text`, in order, with spans into `text`. It is read normalized (NFD marks composed, odd
 * spaces folded). An article's own heading (`Điều 5. Hiệu lực`, at a line's start) is not one.
 */
export function findPinpoints(original: string): Pinpoint[] {
  if (typeof original !== "string") throw new ArgumentError(`vncite.findPinpoints: expected the text as a string, got ${original === null ? "null" : typeof original}`);
  return pinpointsIn(sourceOf(original));
}

/** findPinpoints over a source (parseDocument normalizes once for all its stages, and reads its layout once). */
export function pinpointsIn(src: Source, layout?: Layout): Pinpoint[] {
  lexer ??= buildLexer(vocabulary());
  parser ??= new PinpointParser();
  const { text } = src;
  const out: Pinpoint[] = [];
  const hereAt = locator(text, layout);
  const quoted = (at: number) => quotationAt(src.quotes, src.orig(at)) !== undefined;
  let coveredTo = 0;
  START.lastIndex = 0;
  for (let m = START.exec(text); m !== null; m = START.exec(text)) {
    if (m.index < coveredTo) continue;
    if (m.index > 0 && IS_LETTER.test(text[m.index - 1] as string)) {
      START.lastIndex = m.index + 1; // inside a word: a pinpoint may still start further on
      continue;
    }
    const at = m.index;
    const atLineStart = at === 0 || /[\n“]/.test(text[at - 1] as string) || AFTER_CAPITALS.test(text.slice(Math.max(0, at - 8), at));
    // A heading is no reference: `Điều 5. Hiệu lực`, `Chương II TẬP HỢP …`, `Mục 3` alone on its line, and a
    // flattened `… GIA Điều 9. Nguyên tắc`. The plain ones are dropped before they are read.
    const headingEnd = atLineStart ? plainHeadingAt(text, at) : null;
    if (headingEnd !== null) {
      coveredTo = headingEnd;
      continue;
    }
    const startEnd = at + m[0].length;
    let read = readAt(text, at, startEnd, NEAR, hereAt);
    for (let width = 4 * NEAR; read === "edge"; width *= 4) read = readAt(text, at, startEnd, width, hereAt);
    if (!read) continue;
    const { parts, end, relative } = read;
    // `Điều này` alone is the article itself; `này` with no article around it, or inside a quoted new wording
    // (where it means the amended law's article), points nowhere we know.
    if (relative && (parts.length === 1 || parts.some((part) => part.items.includes("?")) || quoted(at))) continue;
    coveredTo = end;
    if (atLineStart && HEADING_AFTER.test(text.slice(end, end + 4))) continue;
    out.push({ ...src.span(m.index, end), paths: paths(parts) });
  }
  return out;
}
