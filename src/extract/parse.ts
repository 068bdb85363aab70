/**
 * Stage 3: parse. The citation grammar, run from a candidate start token that the scan stage chose:
 *
 *   citation   = [typePhrase] [So [Colon]] [identifier] {tail}
 *   typePhrase = TypeWord [title] [Cua issuer]        Luật Doanh nghiệp … | Quyết định của Bộ Chính trị số …
 *   identifier = Num ( Dash Code [Slash groups]       20-NQ/TW, 69-KL
 *                    | Slash [Num Slash] groups       30/2020/NĐ-CP, 123/QĐ-UBND, 300/LĐLĐ
 *                    | Code Slash groups )            77 CT/TU (malformed)
 *   groups     = Code {Dash Code} [Slash Code {Dash Code}]   NĐ-CP, NQLT/CP-UBTUMTTQVN
 *   tail       = [Comma] Ngay date | [Comma] Cua issuer | [LParen] Khoa Roman [RParen]
 *
 * The parser reads a prefix of its input and stops where the citation ends; what follows is prose.
 */
import { createSyntaxDiagramsCode, createTokenInstance, EOF, type IOrAlt, type IToken, type TokenType } from "chevrotain";
import type { ParseMemo } from "./parse-memo.js";
import { PrefixParser, parsePrefix } from "./prefix-parser.js";
import { isUpper } from "../text.js";
import { isDocumentPart, matchBody } from "./body.js";
import { matchTitle, titleWords } from "./statute-catalogue.js";
import { COMMA_TITLES, foldName, ISSUER_MAX_WORDS, ISSUER_STOP_WORDS, isTitledWord, startsNoTitle, TITLE_MAX_WORDS, TITLE_STOP_WORDS, TITLE_TYPE_WORDS, TITLE_WORD_PAIRS, VERB_STARTS, kindOfWord, PINPOINT_WORDS, stripDiacritics } from "../tables.js";
import {
  ALL_TOKENS, Code, Colon, Comma, Cua, Dash, Khoa, LParen, Nam, Ngay, Num, OcrNum, Other, Period, RParen, Slash, So, Thang, TypeWord, Ve, Word,
} from "./tokens.js";

/** A piece of the citation: normalized offsets [start, end) and its text. */
export interface Piece {
  start: number;
  end: number;
  text: string;
}
export interface RawIdentifier extends Piece {
  number: Piece;
  /** What stands between the number and the first code group: `-` (Party), `/` (state) or ` ` (missing). */
  separator: "-" | "/" | " ";
  year: Piece | null;
  /** Code groups in order, each with the separator before it (`/` or `-`); the first one's is `separator`. */
  groups: { code: Piece; sep: "-" | "/" }[];
}
export interface RawDate extends Piece {
  day: string | null;
  month: string | null;
  year: string | null;
}
export interface RawCitation {
  start: number;
  end: number;
  typeWord: Piece | null;
  title: Piece | null;
  marker: Piece | null;
  identifier: RawIdentifier | null;
  /** Number of a type word with no code (`Kết luận số 93`). */
  shortNumber: Piece | null;
  /** Numbers before the identifier that share its code: `187` in `Kết luận số 187, 188-KL/TW`. */
  shared: Piece[];
  /** A form's number (`theo mẫu số 01/ĐK`), not a document's: set by the extract stage. */
  form?: boolean;
  dates: RawDate[];
  /** `năm 2020` after a named law. */
  year: Piece | null;
  issuedBy: Piece[];
  terms: Piece[];
}

// The lexer tracks start offsets only (the cheapest mode); a token ends where its image does.
const endOf = (t: IToken) => t.startOffset + t.image.length;
const piece = (t: IToken): Piece => ({ start: t.startOffset, end: endOf(t), text: t.image });
const span = (a: IToken, b: IToken, text: string): Piece => {
  const end = endOf(b);
  return { start: a.startOffset, end, text: text.slice(a.startOffset, end) };
};
const ROMAN = /^[IVXL]{1,6}$/;
/** The most numbers one code is read for (`1, 2, …, 200-KL/TW`). */
const MAX_SHARED = 200;
const isEllipsis = (t: IToken) => t.tokenType === Other && t.image === "…";
/** A blank left for a part of a date: a dot, an ellipsis, an underscore. */
const isBlank = (t: IToken) => t.tokenType === Period || (t.tokenType === Other && (t.image === "…" || t.image === "_"));
/** A bracket OCR reads for a digit or leaves beside one (`1[9]`). */
const isBracket = (t: IToken) => t.tokenType === Other && (t.image === "[" || t.image === "]" || t.image === "|");
/** Two tokens with nothing between them. */
const glued = (a: IToken, b: IToken) => a !== END && b !== END && endOf(a) === b.startOffset;
const isDateSep = (t: IToken) => t.tokenType === Slash || t.tokenType === Dash || t.tokenType === Period;
/** A word of a name: any word or code, and a capitalized `Nam` (`Việt Nam`). */
export const isNameToken = (t: IToken | undefined) =>
  t !== undefined && (t.tokenType === Word || t.tokenType === Code || (t.tokenType === Nam && isUpper(t.image)));

/** Tokens that may stand in a catalogued title, and how far a title is looked for (in words). */
const TITLE_TOKENS: ReadonlySet<TokenType> = new Set([Word, Code, Nam, Comma, Cua, TypeWord, So, Ve]);
const TITLE_WORDS_LOOKED_AT = 100;
const isSemicolon = (t: IToken) => t.tokenType === Other && t.image === ";";

/** Tokens lexed on demand: `more()` appends one to `tokens`, false at the text's end. */
export interface TokenStream {
  readonly tokens: IToken[];
  more(): boolean;
}

/** What the parser reads past its input's ends (chevrotain's own end-of-file token is not exported). */
const END = createTokenInstance(EOF, "", NaN, NaN, NaN, NaN, NaN, NaN);
/** chevrotain's cursor over its input (outside its typings; the version is pinned and bundled). */
interface Cursor {
  currIdx: number;
  tokVector: IToken[];
}

class CitationParser extends PrefixParser {
  /** The whole normalized text, to see line breaks between tokens. */
  text = "";
  /** Where the tokens come from, and the part of them a parse may read: indices [first, stopIndex), offsets before stopOffset. */
  private stream: TokenStream | null = null;
  private first = 0;
  private stopIndex = 0;
  private stopOffset = 0;
  /** What the last parse read: its tokens up to `furthest`, and whether it ran into a limit (`cut`). */
  furthest = 0;
  cut = false;
  /** Index of the number that carries the code of a list of numbers under way (`1, 2, …, 10-KL/TW`). */
  private sharedListEnd = -1;
  /** The citation being parsed is a law by name with no identifier yet (a bare year may follow its title). */
  private lastTitled = false;

  constructor(validate = false) {
    // Two tokens of lookahead settle every choice; the gates look further where a choice needs it.
    super(ALL_TOKENS, 2, validate);
    this.performSelfAnalysis();
  }

  public citation = this.RULE("citation", (): RawCitation => {
    const c: RawCitation = {
      start: 0, end: 0, typeWord: null, title: null, marker: null, identifier: null, shortNumber: null, shared: [],
      dates: [], year: null, issuedBy: [], terms: [],
    };
    this.ACTION(() => (this.lastTitled = false));
    this.current = c;
    let first: IToken | undefined;
    let last: IToken | undefined;
    const mark = (t: IToken) => {
      first ??= t;
      last = t;
    };

    // `(đề nghị) của Giám đốc Sở Tài chính tại Tờ trình số 326/TTr-STC`: the body before the citation. The scan
    // starts a parse at `của` only there (candidateStarts), so no gate needs to look for the `tại`.
    this.option(10, () => {
      this.CONSUME2(Cua);
      const by = this.SUBRULE3(this.nameWords, { ARGS: [true] });
      this.CONSUME4(Word);
      this.ACTION(() => c.issuedBy.push(by));
    });
    this.OPTION(() => {
      const tw = this.CONSUME(TypeWord);
      this.ACTION(() => {
        mark(tw);
        c.typeWord = piece(tw);
      });
      this.OPTION1({
        GATE: () => isTitledWord(tw.image) && this.startsTitle(tw),
        DEF: () => {
          const title = this.SUBRULE(this.title);
          this.ACTION(() => {
            c.title = title;
            mark(this.LA(0));
          });
        },
      });
      this.ACTION(() => (this.lastTitled = c.title !== null && this.LA(1).tokenType !== So));
      this.OPTION2(() => {
        this.CONSUME(Cua);
        const by = this.SUBRULE1(this.nameWords, { ARGS: [true] });
        this.ACTION(() => c.issuedBy.push(by));
      });
    });
    this.OPTION3(() => {
      const so = this.CONSUME(So);
      // `Số hiệu: 30-HĐBT`, a portal's metadata line.
      this.OPTION9({ GATE: () => isHieu(this.LA(1)) && this.LA(2).tokenType === Colon, DEF: () => this.CONSUME3(Word) });
      const colon = this.OPTION4(() => this.CONSUME(Colon));
      this.ACTION(() => {
        mark(so);
        c.marker = span(so, colon ?? so, this.text);
        last = colon ?? so;
      });
    });
    // A bare number that starts a new line after a type word is the next item's (`Luật Đấu thầu⏎1. Sửa đổi …`).
    this.OPTION5({ GATE: () => !this.bareYearAhead() && !(c.marker === null && this.breakBefore(1) && !this.identifierAhead(2)), DEF: () => {
      let num = this.CONSUME(Num);
      this.ACTION(() => mark(num));
      // `187, 188-KL/TW`, `12, 13/QĐ-UBND`: numbers that share the code after the last one.
      this.MANY2({ GATE: () => this.sharedCodeAhead(), DEF: () => {
        this.OR2([{ ALT: () => this.CONSUME2(Comma) }, { ALT: () => this.CONSUME(Word) }]);
        const next = this.CONSUME6(Num);
        this.ACTION(() => {
          c.shared.push(piece(num));
          num = next;
        });
      } });
      const id = this.OPTION6({ GATE: () => this.identifierAhead(), DEF: () => this.SUBRULE(this.identifierRest, { ARGS: [num] }) });
      this.ACTION(() => {
        if (id) {
          c.identifier = id;
          mark(this.LA(0));
        } else c.shortNumber = piece(num);
      });
    } });
    this.MANY({ GATE: () => this.tailAhead(), DEF: () => {
      this.OR((this.tailAlts ??= this.tailAlternatives()));
      this.ACTION(() => mark(this.LA(0)));
    } });
    this.ACTION(() => {
      if (first && last) {
        c.start = first.startOffset;
        c.end = endOf(last);
      }
    });
    return c;
  });

  /** Lets go of the last text and its tokens (the parser lives on between calls of extract). */
  forget(): void {
    this.input = [];
    this.stream = null;
    this.text = "";
  }

  /** Reads `stream` from its token `from` on, at most `maxTokens` and none starting at `end` or after. */
  readFrom(stream: TokenStream, from: number, end: number, maxTokens: number): void {
    this.input = stream.tokens;
    this.stream = stream;
    this.first = from;
    this.stopIndex = from + maxTokens;
    this.stopOffset = end;
    this.furthest = from - 1;
    this.cut = false;
    this.sharedListEnd = -1;
    (this as unknown as Cursor).currIdx = from - 1;
  }

  // The tokens are lexed as the parse asks for them, so that a window is lexed only as far as a parse reads.
  // chevrotain's own LA_FAST reads without bounds past sentinels it appends (onBeforeParse): none are appended here.
  override LA(howMuch: number): IToken {
    const cursor = this as unknown as Cursor;
    const i = cursor.currIdx + howMuch;
    if (i < this.first) return END;
    if (i < this.stopIndex) {
      const tokens = cursor.tokVector;
      while (i >= tokens.length && this.stream?.more());
      const t = tokens[i];
      if (t !== undefined && t.startOffset < this.stopOffset) {
        if (i > this.furthest) this.furthest = i;
        return t;
      }
    }
    this.cut = true;
    return END;
  }

  override LA_FAST(howMuch: number): IToken {
    return this.LA(howMuch);
  }

  onBeforeParse(): void {}

  onAfterParse(): void {}

  // The citation being read, for the tail alternatives: built once and reused (chevrotain would build them again
  // for every tail), they cannot hold it in a closure.
  private current: RawCitation | undefined;
  private tailAlts: IOrAlt<void>[] | undefined;

  /** `, ngày …` · `của <Name>` · `năm 2020` · a bare year after a title · `(khóa XI)`. */
  private tailAlternatives(): IOrAlt<void>[] {
    const c = () => this.current as RawCitation;
    return [
      {
        ALT: () => {
          this.OPTION7(() => this.CONSUME(Comma));
          const d = this.SUBRULE(this.date);
          this.ACTION(() => c().dates.push(d));
        },
      },
      {
        GATE: () => this.startsName(this.LA(1).tokenType === Comma ? 3 : 2),
        ALT: () => {
          this.OPTION8(() => this.CONSUME1(Comma));
          this.CONSUME1(Cua);
          const by = this.SUBRULE2(this.nameWords, { ARGS: [true] });
          this.ACTION(() => c().issuedBy.push(by));
        },
      },
      {
        // `Luật Doanh nghiệp năm 2020`
        GATE: () => this.LA(1).tokenType === Nam,
        ALT: () => {
          const nam = this.CONSUME1(Nam);
          const y = this.CONSUME1(Num);
          this.ACTION(() => (c().year ??= span(nam, y, this.text)));
        },
      },
      {
        // `Luật Kiến trúc 2019`: a bare year, right after a title
        GATE: () => c().title !== null && c().identifier === null && c().year === null && /^(?:19|20)\d\d$/.test(this.LA(1).image),
        ALT: () => {
          const y = this.CONSUME2(Num);
          this.ACTION(() => (c().year = piece(y)));
        },
      },
      {
        GATE: () => ROMAN.test(this.LA(this.LA(1).tokenType === LParen ? 3 : 2).image),
        ALT: () => {
          const term = this.SUBRULE(this.term);
          this.ACTION(() => c().terms.push(term));
        },
      },
    ];
  }

  /** After the number: `-NQ/TW`, `/2020/NĐ-CP`, `/LĐLĐ`, ` CT/TU`. */
  private identifierRest = this.RULE("identifierRest", (num: IToken): RawIdentifier => {
    let separator: RawIdentifier["separator"] = "/";
    let year: Piece | null = null;
    let groups: RawIdentifier["groups"] = [];
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Dash);
          const type = this.CONSUME(Code);
          const rest = this.OPTION(() => {
            this.CONSUME(Slash);
            return this.SUBRULE(this.codeGroups);
          });
          this.ACTION(() => {
            separator = "-";
            groups = [{ code: piece(type), sep: "-" }, ...(rest ?? []).map((g, i) => (i === 0 ? { code: g.code, sep: "/" as const } : g))];
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME1(Slash);
          this.OPTION1({
            GATE: () => /^\d{4}$/.test(this.LA(1).image),
            DEF: () => {
              const y = this.CONSUME(Num);
              this.CONSUME2(Slash);
              this.ACTION(() => (year = piece(y)));
            },
          });
          const g = this.SUBRULE1(this.codeGroups);
          this.ACTION(() => (groups = g));
        },
      },
      {
        ALT: () => {
          const type = this.CONSUME1(Code);
          this.CONSUME3(Slash);
          const rest = this.SUBRULE2(this.codeGroups);
          this.ACTION(() => {
            separator = " ";
            groups = [{ code: piece(type), sep: "-" }, ...rest.map((g, i) => (i === 0 ? { code: g.code, sep: "/" as const } : g))];
          });
        },
      },
    ]);
    return this.ACTION(() => {
      const lastGroup = groups[groups.length - 1]!.code;
      return {
        start: num.startOffset, end: lastGroup.end, text: this.text.slice(num.startOffset, lastGroup.end),
        number: piece(num), separator, year, groups,
      };
    });
  });

  /** `NĐ-CP`, `MTTQ-BTT`, `NQLT/CP-UBTUMTTQVN`: code groups joined by `-`, at most one `/` inside. */
  private codeGroups = this.RULE("codeGroups", (): RawIdentifier["groups"] => {
    const groups: RawIdentifier["groups"] = [];
    const head = this.CONSUME(Code);
    this.ACTION(() => groups.push({ code: piece(head), sep: "/" }));
    this.MANY(() => {
      this.CONSUME(Dash);
      const g = this.CONSUME1(Code);
      this.ACTION(() => groups.push({ code: piece(g), sep: "-" }));
    });
    this.OPTION(() => {
      this.CONSUME(Slash);
      const g = this.CONSUME2(Code);
      this.ACTION(() => groups.push({ code: piece(g), sep: "/" }));
      this.MANY1(() => {
        this.CONSUME1(Dash);
        const h = this.CONSUME3(Code);
        this.ACTION(() => groups.push({ code: piece(h), sep: "-" }));
      });
    });
    return groups;
  });

  /**
   * `ngày 11/5/2022`, `ngày 01-10-1997`, `ngày 11.5.2022`, `ngày 01 tháng 11 năm 2012`, `ngày 3 tháng 5, năm 2024`,
   * and damaged or blank ones, which never cost the citation its body or subject: `ngày   tháng 02 năm 2025`,
   * `ngày … tháng … năm 20…`, `ngày __/__/2024`, `ngày 5/4/ của`, `ngày 20/xx/2020`, `ngày l9/4/2021`, `tháng l1`,
   * `ngày 1[9]/4/2021` (the build stage reads what it can and says what it could not).
   */
  private date = this.RULE("date", (): RawDate => {
    const ngay = this.CONSUME(Ngay);
    let day: string | null = null;
    let month: string | null = null;
    let year: string | null = null;
    let last: IToken = ngay;
    this.OPTION({ GATE: () => this.pieceEnd(1) > 1, DEF: () => {
      const p = this.SUBRULE(this.datePiece);
      this.ACTION(() => ([day, last] = p));
    } });
    this.OR([
      {
        // `ngày 5/3/2024`, and a draft's blanks: `ngày   /  /2024`, `ngày …/…/2024`, `ngày ../../2024`, `ngày 5/ /2020`.
        ALT: () => {
          last = this.SUBRULE(this.dateSep);
          this.OPTION1({ GATE: () => this.pieceEnd(1) > 1, DEF: () => {
            const p = this.SUBRULE1(this.datePiece);
            this.ACTION(() => ([month, last] = p));
          } });
          // The year, or a slash left where it was to be written (`ngày 5/4/ của …`).
          this.OPTION2({ GATE: () => isDateSep(this.LA(1)) && (this.pieceEnd(2) > 2 || this.LA(1).tokenType === Slash), DEF: () => {
            last = this.SUBRULE1(this.dateSep);
            this.OPTION3({ GATE: () => this.pieceEnd(1) > 1, DEF: () => {
              const p = this.SUBRULE2(this.datePiece);
              this.ACTION(() => ([year, last] = p));
            } });
          } });
        },
      },
      {
        ALT: () => {
          last = this.CONSUME(Thang);
          this.OPTION4({ GATE: () => this.pieceEnd(1) > 1, DEF: () => {
            const p = this.SUBRULE3(this.datePiece);
            this.ACTION(() => ([month, last] = p));
          } });
          // `năm` (a draft may leave it bare: `ngày  tháng  năm  của …`), after a comma at times.
          this.OPTION5({ GATE: () => this.yearWordAhead(1) || (this.LA(1).tokenType === Comma && this.yearWordAhead(2)), DEF: () => {
            this.OPTION6(() => this.CONSUME(Comma));
            last = this.CONSUME(Nam);
            this.OPTION7({ GATE: () => this.pieceEnd(1) > 1, DEF: () => {
              const p = this.SUBRULE4(this.datePiece);
              this.ACTION(() => ([year, last] = p));
            } });
          } });
        },
      },
    ]);
    return this.ACTION(() => {
      const { start, end, text } = span(ngay, last, this.text);
      return { start, end, text, day, month, year };
    });
  });

  /**
   * A day, month or year as printed: a number, a short word OCR or a draft left there (`l1`, `xx`), with what
   * is glued to it (`1[9]`), or a blank (`…`, `..`, `__`, `20…`). Its text (null for a blank) and its last token.
   */
  private datePiece = this.RULE("datePiece", (): [string | null, IToken] => {
    let stop = 0; // the index of the token after the piece
    let first: IToken | undefined;
    let last: IToken | undefined;
    this.ACTION(() => (stop = this.cursor + this.pieceEnd(1)));
    this.AT_LEAST_ONE({ GATE: () => this.cursor + 1 < stop, DEF: () => {
      const t = this.OR((this.pieceAlts ??= [Num, Word, Code, Period, Other].map((type) => ({ ALT: () => this.CONSUME(type) }))));
      this.ACTION(() => {
        first ??= t;
        last = t;
      });
    } });
    return this.ACTION(() => {
      const text = this.text.slice((first as IToken).startOffset, endOf(last as IToken));
      return [/[.…_]/.test(text) ? null : text, last as IToken];
    });
  });
  private pieceAlts: IOrAlt<IToken>[] | undefined;

  /** The index of the last token read. */
  private get cursor(): number {
    return (this as unknown as Cursor).currIdx;
  }

  /**
   * Where a piece of a date that starts at LA(k) ends: the k of the first token after it (k itself when none
   * starts there). A number, or a short word before what follows a part of a date (`l1 năm`, `xx/`), with the
   * digits, look-alike letters and brackets glued to it (`202l`, `1[9]`, `[9`) and a blank glued after it (`20…`,
   * `20..`); or a run of blanks (`…`, `. . .`, `__`).
   */
  private pieceEnd(k: number): number {
    let j = k;
    if (isBlank(this.LA(j))) {
      while (isBlank(this.LA(j))) j++;
      return j;
    }
    if (isBracket(this.LA(j)) && glued(this.LA(j), this.LA(j + 1))) j++;
    if (!this.datePartAt(j)) return k;
    // A whole year ends its piece: what is glued to it is the sentence's (`năm 2021.`, `ngày 19/4/2021…`).
    if (/^\d{4}$/.test(this.LA(j).image)) return j + 1;
    for (j++; glued(this.LA(j - 1), this.LA(j)); j++) {
      const t = this.LA(j);
      if (t.tokenType === Num || t.tokenType === OcrNum || isBracket(t) || isEllipsis(t) || t.image === "_") continue;
      // Letters OCR reads for digits, glued to them (`202l`, `2O21`): the build reads them as digits.
      if ((t.tokenType === Word || t.tokenType === Code) && /^[\dlIoO]+$/.test(t.image)) continue;
      // A period glued to a number ends the sentence; two of them are a blank (`20..`).
      if (t.tokenType === Period && (isBlank(this.LA(j - 1)) || (isBlank(this.LA(j + 1)) && glued(t, this.LA(j + 1))))) continue;
      break;
    }
    return j;
  }

  /** A number at LA(k), or a word of at most 3 characters that stands for one before what follows a part of a date. */
  private datePartAt(k: number): boolean {
    const t = this.LA(k);
    if (t.tokenType === Num || t.tokenType === OcrNum) return true;
    if ((t.tokenType !== Word && t.tokenType !== Code) || t.image.length > 3 || !/\d|^[xX.]+$|^[lIoO]+$/.test(t.image)) return false;
    const after = this.LA(k + 1).tokenType;
    return after === Slash || after === Dash || after === Period || after === Nam || after === Thang || after === Comma || after === Cua;
  }

  /** `năm`, in lower case or before a year: the word of a date's year. */
  private yearWordAhead(k: number): boolean {
    const t = this.LA(k);
    return t.tokenType === Nam && (!isUpper(t.image) || this.pieceEnd(k + 1) > k + 1);
  }

  private dateSep = this.RULE("dateSep", (): IToken =>
    this.OR([{ ALT: () => this.CONSUME(Slash) }, { ALT: () => this.CONSUME(Dash) }, { ALT: () => this.CONSUME(Period) }]),
  );

  /** `(khóa XI)`, `khoá X`, `(Khoá XIII)`. */
  private term = this.RULE("term", (): Piece => {
    const open = this.OPTION(() => this.CONSUME(LParen));
    const khoa = this.CONSUME(Khoa);
    const roman = this.CONSUME(Code, { ERR_MSG: "a Roman numeral" });
    const close = this.OPTION1(() => this.CONSUME(RParen));
    return this.ACTION(() => span(open ?? khoa, close ?? roman, this.text));
  });

  /**
   * A law's title: `Doanh nghiệp`, `Tổ chức chính quyền địa phương`, and an amending law's, which holds the
   * names it amends: `sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức …`.
   */
  // The title being read: its first word, and whether it is an amending law's. Fields, not locals, so that the
  // choice of a title word is built once: chevrotain would build its ten alternatives again for every word.
  private titleFirst: IToken | undefined;
  private titleAmending = false;
  private titleWordAlts: IOrAlt<IToken>[] | undefined;

  private title = this.RULE("title", (): Piece => {
    let last: IToken | undefined;
    this.ACTION(() => {
      this.titleFirst = undefined;
      this.titleAmending = false;
      this.titleCount = 0;
      this.titleNumbers = new Set();
      // A title the catalogue knows is read whole first; the rules below may read on past it.
      this.titleCatalogue = this.catalogueTitleTokens(this.LA(0));
      this.titleNumbers = this.catalogueNumbers;
    });
    this.AT_LEAST_ONE({
      GATE: () =>
        this.titleFirst === undefined || this.inCatalogueTitle() || (this.titleCount < TITLE_MAX_WORDS && this.continuesTitle(this.titleAmending, this.titleFirst)),
      DEF: () => {
        const w = this.OR(
          (this.titleWordAlts ??= [
            { ALT: () => this.CONSUME(Word) },
            { ALT: () => this.CONSUME(Code) },
            { GATE: () => this.inCatalogueTitle() || isUpper(this.LA(1).image), ALT: () => this.CONSUME(Nam) },
            { GATE: () => this.inCatalogueTitle() || this.titleAmending || this.commaInName(this.titleFirst), ALT: () => this.CONSUME(Comma) },
            { GATE: () => this.inCatalogueTitle() || this.titleAmending, ALT: () => this.CONSUME(Cua) },
            { GATE: () => this.inCatalogueTitle() || this.titleAmending || !isUpper(this.LA(1).image), ALT: () => this.CONSUME(TypeWord) },
            { ALT: () => this.CONSUME(So) },
            { GATE: () => this.inCatalogueTitle(), ALT: () => this.CONSUME(Ve) },
            // `Pháp lệnh Chi phí giám định, định giá; chi phí cho người làm chứng, …`: a semicolon of a known title.
            { GATE: () => this.inCatalogueTitle() && isSemicolon(this.LA(1)), ALT: () => this.CONSUME(Other) },
            { ALT: () => this.CONSUME(Thang) },
            { ALT: () => this.CONSUME(Ngay) },
            // Inside an amending law's title, the inner laws' identifiers: `… của Luật Đất đai số 31/2024/QH15, …`.
            { GATE: () => this.titleAmending || this.inCatalogueTitle(), ALT: () => this.CONSUME(Num) },
            { GATE: () => this.titleAmending, ALT: () => this.CONSUME(Slash) },
            { GATE: () => this.titleAmending, ALT: () => this.CONSUME(Dash) },
          ]),
        );
        this.ACTION(() => {
          if (this.titleFirst === undefined) this.titleAmending = /^s[ửu]a$/i.test(w.image);
          this.titleFirst ??= w;
          last = w;
          this.titleCount++;
          // A law named inside an amending law's title is read whole too: `… của Luật Chứng khoán và Luật Phòng, chống thiên tai`.
          if (this.titleAmending && w.tokenType === TypeWord && !this.inCatalogueTitle()) {
            this.titleCatalogue = this.titleCount + this.catalogueTitleTokens(w);
          }
        });
      },
    });
    return this.ACTION(() => span(this.titleFirst as IToken, last as IToken, this.text));
  });

  // How many tokens of the title being read the catalogue knows, and how many have been read.
  private titleCatalogue = 0;
  private titleCount = 0;
  /** The numbers of the catalogued title's versions. */
  private titleNumbers: ReadonlySet<string> = new Set();

  /** The state number from LA(k) as vncite keys it (`21/2012/QH13`), or "" when none starts there. */
  private numberAhead(k: number): string {
    const [n, s1, y, s2] = [this.LA(k), this.LA(k + 1), this.LA(k + 2), this.LA(k + 3)];
    if (n.tokenType !== Num || s1.tokenType !== Slash || y.tokenType !== Num || s2.tokenType !== Slash) return "";
    // The code groups: `QH13`, `PL-UBTVQH12`.
    let code = this.LA(k + 4).image;
    for (let i = k + 5; this.LA(i).tokenType === Dash && this.LA(i + 1).tokenType === Code; i += 2) code += `-${this.LA(i + 1).image}`;
    return `${Number(n.image)}/${y.image}/${code.toUpperCase()}`;
  }
  private inCatalogueTitle(): boolean {
    return this.titleCount < this.titleCatalogue;
  }

  /**
   * The tokens after a type word that make the longest title the catalogue knows (grammar/statutes.json), with
   * a bounded repair of OCR damage; 0 when it knows none. Commas, `và`, `của` and ordinary words inside a known
   * title never cut it (`Luật Thi đua, khen thưởng`, `Luật An toàn thực phẩm`, `Luật Luật sư`).
   */
  private catalogueTitleTokens(typeWord: IToken): number {
    // Asked twice for each title (does one start here, how long is it): the last answer is kept.
    if (this.catalogueAsked !== typeWord) {
      this.catalogueAsked = typeWord;
      this.catalogueNumbers = new Set();
      this.catalogueAnswer = this.catalogueTitleAt(typeWord);
    }
    return this.catalogueAnswer;
  }
  private catalogueAsked: IToken | undefined;
  private catalogueAnswer = 0;
  private catalogueNumbers: ReadonlySet<string> = new Set();

  private catalogueTitleAt(typeWord: IToken): number {
    const kind = kindOfWord(typeWord.image)?.kind;
    if (!kind || !isTitledWord(kind)) return 0;
    const words: { word: string; token: number }[] = titleWords(kind).map((word) => ({ word, token: 0 }));
    // The words after the type word, read as far as the search asks (most titles end in a few words).
    let k = 1;
    const wordAt = (i: number): string | undefined => {
      while (words.length <= i && k > 0 && words.length < TITLE_WORDS_LOOKED_AT) {
        const t = this.LA(k);
        // `Pháp lệnh sửa đổi Điều 10 của …` holds a number; `số 31/2024/QH15` and a date end the words looked at.
        const next = this.LA(k + 1).tokenType;
        const inTitle = TITLE_TOKENS.has(t.tokenType) || isSemicolon(t) || (t.tokenType === Num && next !== Slash && next !== Dash && next !== Period);
        if (!inTitle || (t.tokenType === So && (next === Num || next === OcrNum))) k = 0;
        else {
          for (const word of titleWords(t.image)) words.push({ word, token: k });
          k++;
        }
      }
      return words[i]?.word;
    };
    const match = matchTitle(wordAt);
    if (!match) return 0;
    wordAt(match.words);
    this.catalogueNumbers = new Set(match.versions.map((v) => v.number));
    // A match that ends inside a token (a type word of two words) is none.
    const lastToken = words[match.words - 1]?.token ?? 0;
    return words[match.words]?.token === lastToken ? 0 : lastToken;
  }

  /**
   * A title starts with a capital (`Luật Doanh nghiệp`), or is an amending law's (`Luật sửa đổi, …`), or the
   * constitution's; after a capital type word, also two lower-case words (`Luật hải quan`, not `Luật này`).
   */
  private startsTitle(typeWord: IToken): boolean {
    if (this.catalogueTitleTokens(typeWord) > 0) return true;
    const t = this.LA(1);
    if (!isNameToken(t) || startsNoTitle(t.image)) return false;
    if (isUpper(t.image) || /^(?:s[ửu]a|n[ưu][ớo]c)$/i.test(t.image)) return true;
    const next = this.LA(2);
    if (!isUpper(typeWord.image) || t.tokenType !== Word) return false;
    // `Luật giá ngày 19 tháng 6 năm 2023`: one lower-case word, then the law's date or year.
    if ((next.tokenType === Ngay && this.dateAhead(3)) || (next.tokenType === Nam && /^\d{4}$/.test(this.LA(3).image))) return true;
    return next.tokenType === Word && !isUpper(next.image) && !TITLE_STOP_WORDS.has(next.image) && !this.breakBetween(t, next);
  }

  private continuesTitle(amending: boolean, first: IToken | undefined): boolean {
    const t = this.LA(1);
    if (this.breakBetween(this.LA(0), t) && !this.continuesLine()) return false;
    if (t.tokenType === Nam && /^\d{4}$/.test(this.LA(2).image) && !isUpper(t.image)) return false;
    // `Luật sửa đổi … của Luật quản lý thuế số 21/2012/QH13`: a number the catalogue gives the amending law is its own.
    if (amending && this.titleCatalogue > 0 && t.tokenType === So && this.titleNumbers.has(this.numberAhead(2))) return false;
    if (amending && this.innerIdentifierAhead()) return true;
    // `Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch`.
    if (amending && t.tokenType === Num && this.LA(2).tokenType === TypeWord) return true;
    // `một số điều`, `Luật Tần số`: a `số` that no number follows is a word of the title.
    if (t.tokenType === So) return this.LA(2).tokenType !== Num && this.LA(2).tokenType !== Colon && this.LA(2).tokenType !== OcrNum;
    if (amending) {
      // `…, bổ sung …` and `…, Luật Nhà ở …`: an amending title's list goes on after its commas.
      if (t.tokenType === Comma) return /^b[ổo]$/i.test(this.LA(2).image) || this.titledWordAt(2) || this.nextLawAfterWords(2);
      if (t.tokenType === Cua) return true;
      if (t.tokenType === TypeWord) return isTitledWord(t.image);
    }
    if (t.tokenType === Comma) return this.commaInName(first);
    // `Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13`: a few type words in lower case are words of a title.
    if (t.tokenType === TypeWord) return !isUpper(t.image) && TITLE_TYPE_WORDS.has(kindOfWord(t.image)?.kind ?? "");
    if (!isNameToken(t)) return false;
    if (!amending && !isUpper(t.image) && TITLE_STOP_WORDS.has(t.image) && !TITLE_WORD_PAIRS.has(foldName(`${t.image} ${this.LA(2).image}`))) return false;
    // `Luật Khoa học và Công nghệ` goes on; `Luật Đất đai và các văn bản …` ends before its `và`.
    if (!amending && t.image.toLowerCase() === "và") {
      const next = this.LA(2);
      // `Luật Đất đai và Điều 7 Nghị định …`, `… và khoản 1`: a pinpoint is no word of the name, in any case.
      const lower = next.image.toLowerCase();
      return isNameToken(next) && !PINPOINT_WORDS.has(lower) && !(TITLE_STOP_WORDS.has(lower) && !isUpper(next.image));
    }
    // `Luật A và Luật B` are two citations; inside an amending law's title they are part of it.
    return amending || !(t.image.toLowerCase() === "và" && this.LA(2).tokenType === TypeWord);
  }

  /** A title with a comma of its own (grammar/phrases.json): `Luật Quản lý, sử dụng tài sản công`. */
  private commaInName(first: IToken | undefined): boolean {
    if (!first || this.LA(1).tokenType !== Comma || this.LA(2).tokenType !== Word) return false;
    const before = this.text.slice(first.startOffset, this.LA(1).startOffset);
    if (COMMA_TITLES.has(foldName(`${before}, ${this.LA(2).image}`))) return true;
    // `Luật An toàn, vệ sinh lao động số 84/2015/QH13`: lower-case words after the comma that run on to the
    // law's number or date belong to its name.
    for (let k = 2; k < 9; k++) {
      const t = this.LA(k);
      if (t.tokenType === So) return k > 2 && this.LA(k + 1).tokenType === Num && this.LA(k + 2).tokenType === Slash;
      if (t.tokenType === Ngay) return k > 2 && this.dateAhead(k + 1);
      if (t.tokenType !== Word || isUpper(t.image) || TITLE_STOP_WORDS.has(t.image)) return false;
    }
    return false;
  }

  /**
   * After a line break, the next line goes on the phrase (PDF and portal text break lines anywhere: `Chính⏎phủ`,
   * `địa⏎phương`) when it starts with a lower-case word that is no list marker (`a)`, `b.`). A new item (a
   * heading, `-`, `1.`, `Căn cứ`) starts with a capital, a digit or a dash. Known bodies read across breaks
   * on their own (`Bộ⏎Chính trị`).
   */
  private continuesLine(): boolean {
    const t = this.LA(1);
    if (t.tokenType !== Word || isUpper(t.image)) return false;
    const after = this.LA(2).tokenType;
    return !(t.image.length <= 2 && (after === RParen || after === Period));
  }

  private titledWordAt(k: number): boolean {
    return this.LA(k).tokenType === TypeWord && isTitledWord(this.LA(k).image);
  }

  /**
   * A name with a comma of its own inside an amending law's list: `…, Luật Quản lý, sử dụng tài sản công, Luật
   * Quản lý thuế, …`: a few words from LA(k), then the next law of the list (`, Luật …`, `và Luật …`).
   */
  private nextLawAfterWords(k: number): boolean {
    for (let i = k; i < k + 6; i++) {
      const t = this.LA(i);
      if ((t.tokenType === Comma || t.image.toLowerCase() === "và") && i > k) return this.titledWordAt(i + 1);
      if (t.tokenType !== Word) return false;
    }
    return false;
  }

  /**
   * A name in words: an issuing body (`Ban Thường vụ Tỉnh ủy`) or a law's title (`Các tổ chức tín dụng`). It
   * runs until a keyword, punctuation or a line break, and an issuing body also until a stop word.
   */
  // The choice of a name's word, built once (chevrotain would build its alternatives again for every word).
  private nameWordAlts: IOrAlt<IToken>[] | undefined;

  private nameWords = this.RULE("nameWords", (useStopWords: boolean): Piece => {
    let first: IToken | undefined;
    let last: IToken | undefined;
    let count = 0;
    // The tokens of the known bodies ahead (grammar/bodies.json), read whole whatever they hold (`Ban Tổ chức
    // Trung ương`, `Ban Chỉ đạo 35 Huyện ủy`, `Bộ Chính trị, Ban Bí thư`); after them only an open unit's name
    // goes on (`Giám đốc Sở Tài chính`).
    let known = 0;
    let open = true;
    this.ACTION(() => {
      const m = matchBody((k) => this.LA(k), this.text);
      known = m.tokens;
      open = known === 0 || m.open;
    });
    this.AT_LEAST_ONE({
      // Every word passes isNameToken here, which takes `Nam` only capitalized: `Việt Nam`, not `năm`. (A gate
      // here rather than on the choice below, which then needs no predicates: chevrotain allocates for those.)
      GATE: () =>
        count < known || (count === 0 ? isNameToken(this.LA(1)) : open && (this.continuesName(count, useStopWords) || this.ofKnownBodyAhead())),
      DEF: () => {
        const w = this.OR(
          (this.nameWordAlts ??= [
            { ALT: () => this.CONSUME(Word) },
            { ALT: () => this.CONSUME(Code) },
            { ALT: () => this.CONSUME(Nam) },
            { ALT: () => this.CONSUME(Num) },
            { ALT: () => this.CONSUME(Comma) },
            { ALT: () => this.CONSUME(Dash) },
            { ALT: () => this.CONSUME(Cua) },
            // Only inside a known body: `UBND TP.HCM`, `Huyện ủy Ea H'leo`.
            { ALT: () => this.CONSUME(Period) },
            { ALT: () => this.CONSUME(Other) },
            { ALT: () => this.CONSUME(So) },
            { ALT: () => this.CONSUME(Thang) },
            { ALT: () => this.CONSUME(Ngay) },
          ]),
        );
        this.ACTION(() => {
          // `Đoàn giám sát của Quốc hội`: the known body after `của` is part of the name.
          if (w.tokenType === Cua) [known, open] = [count + 1 + this.bodyAfterOf.tokens, this.bodyAfterOf.open];
          first ??= w;
          last = w;
          count++;
        });
      },
    });
    return this.ACTION(() => span(first as IToken, last as IToken, this.text));
  });

  /** The known body after the `của` ahead, set by ofKnownBodyAhead. */
  private bodyAfterOf = { tokens: 0, open: false };

  /** `của` + a known body, inside an unknown name (`Đoàn giám sát của Quốc hội`). */
  private ofKnownBodyAhead(): boolean {
    if (this.LA(1).tokenType !== Cua || this.LA(0).tokenType === Cua) return false;
    const m = matchBody((k) => this.LA(k + 1), this.text);
    this.bodyAfterOf = { tokens: m.tokens, open: m.open };
    return m.tokens > 0;
  }

  // MANY and OPTION choose on one token of lookahead; these gates look as far as the choice needs, so the
  // parser never enters a branch it cannot finish (`2020-2025`, `, Kế hoạch`, `ngày làm việc`).

  /** After a number: `-NQ/…`, `/2020/NĐ…`, `/LĐLĐ`, ` CT/…` (from the k-th next token). */
  private identifierAhead(k = 1): boolean {
    const a = this.LA(k).tokenType;
    const b = this.LA(k + 1);
    if (a === Dash) return b.tokenType === Code;
    if (a === Code) return b.tokenType === Slash;
    if (a !== Slash) return false;
    if (b.tokenType === Code) return true;
    return /^\d{4}$/.test(b.image) && this.LA(k + 2).tokenType === Slash && this.LA(k + 3).tokenType === Code;
  }

  /** A line break between the k-th next token and the one before it (none before the first token read). */
  private breakBefore(k: number): boolean {
    return this.breakBetween(this.LA(k - 1), this.LA(k));
  }

  /** A line break between two tokens: the parse reads no text outside the tokens it reads, and between them. */
  private breakBetween(a: IToken, b: IToken): boolean {
    return a !== END && b !== END && this.text.slice(endOf(a), b.startOffset).includes("\n");
  }

  /**
   * `, 188-KL/TW` or `và 13/QĐ-UBND` after a number: numbers joined by `,` or `và`, the last with the code
   * (`Kết luận số 1, 2, …, 10-KL/TW`). The list is read to its end even past the tokens and text a parse reads
   * (up to MAX_SHARED numbers), and the parse reads on from there as far as it would from its start; the list's
   * end, once found, is kept, so that each number of it is not read to the end again.
   */
  private sharedCodeAhead(): boolean {
    const cursor = this.cursor;
    if (cursor < this.sharedListEnd) return true;
    const [cap, offsetCap] = [this.stopIndex, this.stopOffset];
    this.stopIndex = Math.max(cap, cursor + 2 * MAX_SHARED + 4);
    this.stopOffset = Infinity;
    for (let k = 1; k < 2 * MAX_SHARED; k += 2) {
      const join = this.LA(k);
      if (!(join.tokenType === Comma || (join.tokenType === Word && join.image.toLowerCase() === "và")) || this.LA(k + 1).tokenType !== Num) break;
      if (this.identifierAhead(k + 2)) {
        this.sharedListEnd = cursor + k + 1;
        this.stopIndex = Math.max(cap, this.sharedListEnd + (cap - this.first));
        this.stopOffset = offsetCap + (this.LA(k + 1).startOffset - this.LA(0).startOffset);
        return true;
      }
    }
    [this.stopIndex, this.stopOffset] = [cap, offsetCap];
    return false;
  }

  /** A tail: `[,] ngày <date>`, `[,] của <Name>`, `[(]khóa <Roman>`, `năm <year>`. */
  private tailAhead(): boolean {
    if (this.bareYearAhead()) return true;
    if (this.LA(1).tokenType === Nam && /^\d{4}$/.test(this.LA(2).image) && !isUpper(this.LA(1).image)) return true;
    const k = this.LA(1).tokenType === Comma ? 2 : 1;
    const t = this.LA(k).tokenType;
    if (t === Ngay) return this.dateAhead(k + 1);
    if (t === Cua) return this.startsName(k + 1);
    if (k === 1 && t === LParen) return this.LA(2).tokenType === Khoa;
    return t === Khoa;
  }

  private dateAhead(k: number): boolean {
    // A day (or a blank for it: `ngày …/…/2024`, `ngày   /  /2024`), then `tháng` or a separator.
    const j = this.pieceEnd(k);
    const a = this.LA(j).tokenType;
    return a === Thang || a === Slash || a === Dash || (a === Period && j > k);
  }

  /**
   * In an amending title, the identifier of a law it names: `số 31/2024/QH15` once the inner `Luật …` has begun.
   * Only a `số` + number, or the pieces of the identifier already under way (`/`, `-`, digits, codes after them).
   */
  private innerIdentifierAhead(): boolean {
    const t = this.LA(1).tokenType;
    const prev = this.LA(0).tokenType;
    if (t === So) return this.LA(2).tokenType === Num;
    if (t === Num) return prev === So || prev === Slash || prev === Dash;
    if (t === Slash || t === Dash) return prev === Num || prev === Code;
    if (t === Code) return prev === Slash || prev === Dash;
    return false;
  }

  /** `Luật Kiến trúc 2019`: after a title with no `số`, a year standing alone is the law's year, not its number. */
  private bareYearAhead(): boolean {
    const t = this.LA(2).tokenType;
    return this.lastTitled && /^(?:19|20)\d\d$/.test(this.LA(1).image) && t !== Slash && t !== Dash && t !== Code;
  }

  private isWord(t: IToken): boolean {
    return isNameToken(t);
  }

  /** The k-th next token begins a name: a capitalized word. */
  private startsName(k: number): boolean {
    const t = this.LA(k);
    // A known body in lower case too (`của tỉnh ủy Nghệ An`), and `So` for `Sở` without its marks (`cua So Tai chinh`).
    if (!this.isWord(t) && !(t.tokenType === So && t.image === "So")) return false;
    if (isDocumentPart((j) => this.LA(k - 1 + j))) return false;
    return (isUpper(t.image) && t.tokenType !== So) || matchBody((j) => this.LA(k - 1 + j), this.text).tokens > 0;
  }

  private continuesName(count: number, useStopWords: boolean): boolean {
    const t = this.LA(1);
    if (!this.isWord(t) || count >= ISSUER_MAX_WORDS) return false;
    if (this.breakBetween(this.LA(0), t) && !this.continuesLine()) return false;
    // `… của Chính phủ Sửa đổi, bổ sung …`: a verb capitalised at random still ends the body.
    if (VERB_STARTS.has(foldName(`${t.image} ${this.LA(2).image}`))) return false;
    return !useStopWords || isUpper(t.image) || !ISSUER_STOP_WORDS.has(t.image);
  }
}

/** `tại` (at) in lower case, OCR's `tai` too (`Tài` is a name's): `của Sở Nội vụ tại Văn bản số …`. */
export const isTai = (t: IToken | undefined) => t !== undefined && t.tokenType === Word && (t.image === "tại" || t.image === "tai");

/** `hiệu` of `Số hiệu:`, in any case or diacritics. */
export const isHieu = (t: IToken | undefined) => t !== undefined && t.tokenType === Word && stripDiacritics(t.image) === "hieu";

let parser: CitationParser | undefined;

export interface ParseLimits {
  /** No token starting at this text offset or after is read. */
  end?: number;
  /** At most this many tokens are read. */
  maxTokens?: number;
  /** Parses remembered in this text, to reuse (and add to). */
  memo?: ParseMemo;
}

/** Parses one citation from stream.tokens[from…], within `limits`; null when no citation starts there. */
export function parseCitationAt(text: string, stream: TokenStream, from: number, limits: ParseLimits = {}): RawCitation | null {
  const { end = Infinity, maxTokens = 80, memo } = limits;
  const key = memo?.keyAt(stream, from);
  const known = key === undefined ? undefined : memo?.recall(key, stream, from, end, maxTokens);
  if (known !== undefined) return known;
  parser ??= new CitationParser();
  parser.text = text;
  const p = parser;
  const c = parsePrefix(p, () => p.readFrom(stream, from, end, maxTokens), () => p.citation());
  const result = c && c.end !== 0 && isCitation(c) ? c : null;
  if (key !== undefined && !p.cut && p.furthest >= from) memo?.remember(key, stream, from, p.furthest, result);
  return result;
}

/** Lets the parser let go of the last text it read (called when a text is done). */
export function forgetText(): void {
  parser?.forget();
}

/**
 * A complete identifier stands on its own; a partial one (`69-KL`, a number alone) only after a type word or
 * `số`, so that `Qwen2.5-VL` or `COVID-19` never become citations.
 */
function isCitation(c: RawCitation): boolean {
  const id = c.identifier;
  // A law cited by name: `Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015`, `Bộ luật Dân sự năm 2015`.
  if (!id && c.title !== null && c.shortNumber === null) return true;
  if (!id) return c.typeWord !== null && c.shortNumber !== null;
  const complete = id.separator === "/" || id.groups.length > 1;
  return complete || c.typeWord !== null || c.marker !== null;
}

/** Builds the citation grammar with chevrotain's validations on: throws on an ambiguous or broken grammar. */
export function validateCitationGrammar(): void {
  new CitationParser(true);
}

/** The grammar as an HTML railroad diagram (grammar/diagram.html is generated from it). */
export function syntaxDiagramHtml(): string {
  parser ??= new CitationParser();
  return createSyntaxDiagramsCode(parser.getSerializedGastProductions());
}
