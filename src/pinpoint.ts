/**
 * Pinpoints: the part of a document a reference points at, as structured paths with lists and ranges expanded.
 *
 *   điểm a, b khoản 1 Điều 12      → { point: "a", clause: "1", article: "12" }, { point: "b", … }
 *   các khoản 1, 2 và 4 Điều 8      → clauses 1, 2, 4 of article 8
 *   Điều 5, Điều 6 và Điều 7        → articles 5, 6, 7;   từ Điều 5 đến Điều 7 → 5, 6, 7
 *   Chương II · Mục 3 · Phụ lục I
 *
 * A small grammar of its own (tokens, lexer and parser here), run on a window at each place the scan finds.
 */
import { createToken, EmbeddedActionsParser, type IToken, Lexer } from "chevrotain";
import type { Pinpoint, PinpointPath } from "./schema.js";
import { LETTER, quietly } from "./text.js";

type Level = keyof PinpointPath;
const LEVEL_OF: Record<string, Level> = { điểm: "point", khoản: "clause", điều: "article", mục: "section", chương: "chapter", "phụ lục": "appendix" };

const NOT_LETTER = `(?![${LETTER}])`;
const word = (source: string) => new RegExp(`(?:${source})${NOT_LETTER}`);
const WS = createToken({ name: "WS", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
const LevelWord = createToken({
  name: "LevelWord",
  pattern: word("[đĐ]iểm|[kK]hoản|[đĐ]iều|ĐIỀU|[mM]ục|MỤC|[cC]hương|CHƯƠNG|[pP]hụ[ \\t]+lục|PHỤ[ \\t]+LỤC"),
  start_chars_hint: [..."đĐkKmMcCpP"],
});
const Cac = createToken({ name: "Cac", pattern: word("các"), start_chars_hint: ["c"] });
const Tu = createToken({ name: "Tu", pattern: word("từ"), start_chars_hint: ["t"] });
const Va = createToken({ name: "Va", pattern: word("và"), start_chars_hint: ["v"] });
const Den = createToken({ name: "Den", pattern: word("đến"), start_chars_hint: ["đ"] });
const Item = createToken({ name: "Item", pattern: new RegExp(`(?:\\d{1,4}[a-zđ]?|[IVXL]{1,6}|[a-zđ])(?!\\d)${NOT_LETTER}`) });
const Comma = createToken({ name: "Comma", pattern: /,/ });
const Dash = createToken({ name: "Dash", pattern: /[-–]/ });
const Other = createToken({ name: "Other", pattern: /[^\s]+?/ });
const TOKENS = [WS, LevelWord, Cac, Tu, Va, Den, Item, Comma, Dash, Other];

interface Part {
  level: Level;
  items: string[];
}

class PinpointParser extends EmbeddedActionsParser {
  /** The last item consumed: where the pinpoint ends. */
  last: IToken | undefined;

  constructor() {
    super(TOKENS, { maxLookahead: 3, recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  /** pinpoint = [các|từ] level {[các] level} */
  public pinpoint = this.RULE("pinpoint", (): Part[] => {
    const parts: Part[] = [];
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(Cac) }, { ALT: () => this.CONSUME(Tu) }]));
    this.AT_LEAST_ONE(() => {
      this.OPTION1(() => this.CONSUME1(Cac));
      const part = this.SUBRULE(this.level);
      this.ACTION(() => parts.push(part));
    });
    return parts;
  });

  /** level = LevelWord item {(, | và) [LevelWord] item | (đến | -) [LevelWord] item} */
  private level = this.RULE("level", (): Part => {
    const word = this.CONSUME(LevelWord);
    const first = this.CONSUME(Item);
    const items: string[] = [];
    this.ACTION(() => {
      items.push(first.image);
      this.last = first;
    });
    this.MANY({
      GATE: () => this.continuesList(word.image),
      DEF: () => {
        const range = this.OR([
          { ALT: () => (this.CONSUME(Comma), false) },
          { ALT: () => (this.CONSUME(Va), false) },
          { ALT: () => (this.CONSUME(Den), true) },
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
    return { level: LEVEL_OF[word.image.toLowerCase().replace(/\s+/g, " ")] as Level, items };
  });

  /** After an item: a separator, then an item (or the same level word and an item). */
  private continuesList(word: string): boolean {
    const sep = this.LA(1).tokenType;
    if (sep !== Comma && sep !== Va && sep !== Den && sep !== Dash) return false;
    const next = this.LA(2);
    if (next.tokenType === Item) return true;
    return next.tokenType === LevelWord && next.image.toLowerCase() === word.toLowerCase() && this.LA(3).tokenType === Item;
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
const START = /(?<![\p{L}])(?:(?:các|từ)\s+)?(?:điểm|khoản|Điều|điều|Chương|Mục|Phụ lục)\s+(?:\d|[IVXL]+(?![\p{L}])|[a-zđ](?![\p{L}]))/gu;

/** Every pinpoint in `text`, in order. An article's own heading (`Điều 5. Hiệu lực`, at a line's start) is not one. */
export function findPinpoints(text: string): Pinpoint[] {
  lexer ??= new Lexer(TOKENS, { positionTracking: "onlyOffset" });
  parser ??= new PinpointParser();
  const out: Pinpoint[] = [];
  let coveredTo = 0;
  START.lastIndex = 0;
  for (let m = START.exec(text); m !== null; m = START.exec(text)) {
    if (m.index < coveredTo) continue;
    parser.input = lexer.tokenize(text.slice(m.index, Math.min(text.length, m.index + 200))).tokens;
    parser.last = undefined;
    const parts = quietly(() => (parser as PinpointParser).pinpoint());
    const last = parser.last as IToken | undefined;
    if (parser.errors.some((e) => e.name !== "NotAllInputParsedException") || !last || parts.length === 0) continue;
    const end = m.index + last.startOffset + last.image.length;
    coveredTo = end;
    const atLineStart = m.index === 0 || text[m.index - 1] === "\n";
    if (atLineStart && /^[.:]/.test(text.slice(end, end + 1))) continue;
    out.push({ text: text.slice(m.index, end), start: m.index, end, paths: paths(parts) });
  }
  return out;
}
