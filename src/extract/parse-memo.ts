/**
 * Parses remembered within one text. A text cites the same documents in the same words again and again (on the
 * shared corpus, 46% of the citations repeat an earlier one of their text word for word), and a parse reads
 * nothing but its tokens and the text between them: where the same tokens stand over the same text again, the
 * parse is the same, shifted. A parse that ran into a limit (the window's end, the token cap, the text's end)
 * depends on where that limit was, and is not remembered.
 *
 *   "… Nghị quyết số 20-NQ/TW ngày 01/11/2012 …" parsed at 120, read 9 tokens over 38 characters;
 *   the same 9 tokens over the same 38 characters at 5 400: the first parse, moved by 5 280.
 */
import type { IToken } from "chevrotain";
import type { Piece, RawCitation, RawDate, TokenStream } from "./parse.js";

/** How many tokens from a parse's start name its place in the memo (the rest is checked, token by token). */
const KEY_TOKENS = 4;
/** The parses kept under one key, the latest: one start followed by ever new words must not make a look-up long. */
const PER_KEY = 8;

interface Entry {
  /** Where the remembered parse started, and the text it read (from its first token to the end of its last). */
  base: number;
  read: string;
  /** The tokens it read, from its first: type, start (from `base`) and length. */
  types: number[];
  starts: number[];
  lengths: number[];
  result: RawCitation | null;
}

/** The parses of one text (the normalized text its tokens are lexed from). */
export class ParseMemo {
  private entries = new Map<string, Entry[]>();

  constructor(readonly text: string) {}

  /** The key of a parse from stream.tokens[from]: the text of its first few tokens (lexed here if need be). */
  keyAt(stream: TokenStream, from: number): string {
    const tokens = stream.tokens;
    while (tokens.length < from + KEY_TOKENS && stream.more());
    const last = tokens[Math.min(tokens.length, from + KEY_TOKENS) - 1] as IToken;
    return this.text.slice((tokens[from] as IToken).startOffset, last.startOffset + last.image.length);
  }

  /** The parse remembered under `key` whose tokens and text stand again at `from`, moved there; undefined if none. */
  recall(key: string, stream: TokenStream, from: number, end: number, maxTokens: number): RawCitation | null | undefined {
    const list = this.entries.get(key);
    if (!list) return undefined;
    const tokens = stream.tokens;
    const base = (tokens[from] as IToken).startOffset;
    for (const e of list) {
      const count = e.types.length;
      if (count > maxTokens) continue;
      while (tokens.length < from + count && stream.more());
      if (tokens.length < from + count || !this.text.startsWith(e.read, base)) continue;
      let same = true;
      for (let i = 0; i < count && same; i++) {
        const t = tokens[from + i] as IToken;
        same = t.tokenTypeIdx === e.types[i] && t.startOffset - base === e.starts[i] && t.image.length === e.lengths[i] && t.startOffset < end;
      }
      if (same) return e.result && moved(e.result, base - e.base);
    }
    return undefined;
  }

  /** Remembers the parse from tokens[from] that read tokens[from, to] and no further. */
  remember(key: string, stream: TokenStream, from: number, to: number, result: RawCitation | null): void {
    const tokens = stream.tokens.slice(from, to + 1);
    const base = (tokens[0] as IToken).startOffset;
    const last = tokens[tokens.length - 1] as IToken;
    const entry: Entry = {
      base,
      read: this.text.slice(base, last.startOffset + last.image.length),
      types: tokens.map((t) => t.tokenTypeIdx),
      starts: tokens.map((t) => t.startOffset - base),
      lengths: tokens.map((t) => t.image.length),
      result: result && moved(result, 0),
    };
    const list = this.entries.get(key);
    if (!list) this.entries.set(key, [entry]);
    else if (list.push(entry) > PER_KEY) list.shift();
  }
}

// Built field by field: an object spread here cost more than the parses the memo saves.
const at = (p: Piece, by: number): Piece => ({ start: p.start + by, end: p.end + by, text: p.text });
const maybe = (p: Piece | null, by: number): Piece | null => (p === null ? null : at(p, by));
const dateAt = (d: RawDate, by: number): RawDate => ({ start: d.start + by, end: d.end + by, text: d.text, day: d.day, month: d.month, year: d.year });

/** A copy of a parse, every offset moved by `by` (the extract stage changes what it is given). */
function moved(c: RawCitation, by: number): RawCitation {
  const id = c.identifier;
  const copy: RawCitation = {
    start: c.start + by,
    end: c.end + by,
    typeWord: maybe(c.typeWord, by),
    title: maybe(c.title, by),
    marker: maybe(c.marker, by),
    identifier: id && {
      start: id.start + by,
      end: id.end + by,
      text: id.text,
      number: at(id.number, by),
      separator: id.separator,
      year: maybe(id.year, by),
      groups: id.groups.map((g) => ({ code: at(g.code, by), sep: g.sep })),
    },
    shortNumber: maybe(c.shortNumber, by),
    shared: c.shared.map((p) => at(p, by)),
    dates: c.dates.map((d) => dateAt(d, by)),
    year: maybe(c.year, by),
    issuedBy: c.issuedBy.map((p) => at(p, by)),
    terms: c.terms.map((p) => at(p, by)),
  };
  if (c.form !== undefined) copy.form = c.form;
  return copy;
}
