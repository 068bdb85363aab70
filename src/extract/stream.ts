/**
 * extract over a stream of text chunks, in bounded memory: a reference split across two chunks is found once,
 * with offsets into the whole stream.
 *
 *   for await (const c of extractStream(createReadStream("archive.txt", "utf8"))) …
 *
 * Text is held until it is MARGIN characters behind the end of what has arrived (no citation, with its date,
 * issuing body and subject, is that long); then the citations that start before that point are emitted, and
 * OVERLAP characters before it are kept, so that the next citation still sees its type word.
 */
import { ArgumentError } from "../errors.js";
import { extract, type ExtractOptions } from "./extract.js";
import type { Citation } from "../schema.js";
import { lineEnds } from "../text.js";

const MARGIN = 4096;
const OVERLAP = 512;
/** Text is parsed once this much has arrived beyond the held part: big enough to amortize, small enough to bound memory. */
const BATCH = 1 << 20;

export type TextSource = AsyncIterable<string | Uint8Array> | Iterable<string>;

export async function* extractStream(source: TextSource, options: ExtractOptions = {}): AsyncGenerator<Citation> {
  if (source === null || typeof source !== "object" || !(Symbol.asyncIterator in source || Symbol.iterator in source)) {
    throw new ArgumentError("vncite.extractStream: expected a readable stream or an (async) iterable of text chunks");
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let buffer = ""; // the text from `base` on
  let base = 0; // offset of buffer[0] in the whole stream
  let emittedTo = 0; // citations starting before this offset were emitted
  const dropped = { lines: 0, lineStart: 0 }; // line breaks before `base`, and where the line at `base` starts

  function* flush(final: boolean): Generator<Citation> {
    const safeEnd = final ? base + buffer.length : base + buffer.length - MARGIN;
    if (safeEnd <= emittedTo) return;
    for (const c of extract(buffer, options)) {
      const start = base + c.start;
      if (start < emittedTo || start >= safeEnd) continue;
      yield shift(c, base, dropped);
    }
    emittedTo = safeEnd;
    if (!final) {
      let keepFrom = Math.max(0, safeEnd - OVERLAP - base);
      if (keepFrom > 0 && buffer.charCodeAt(keepFrom - 1) === 13 && buffer.charCodeAt(keepFrom) === 10) keepFrom--; // `\r\n` is one line end
      const { starts } = lineEnds(buffer.slice(0, keepFrom));
      dropped.lines += starts.length;
      if (starts.length > 0) dropped.lineStart = base + (starts[starts.length - 1] as number);
      buffer = buffer.slice(keepFrom);
      base += keepFrom;
    }
  }

  for await (const chunk of source as AsyncIterable<string | Uint8Array>) {
    buffer += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (buffer.length >= BATCH + MARGIN) yield* flush(false);
  }
  buffer += decoder.decode();
  yield* flush(true);
}

/**
 * A citation found in the buffer, at offsets (and diagnostics' lines and columns) of the whole stream: a copy, every
 * span a new value (two citations of a list share their issuing body's span: moved in place, it moved twice).
 */
function shift(c: Citation, by: number, dropped: { lines: number; lineStart: number }): Citation {
  if (by === 0) return c;
  const moved = <S extends { start: number; end: number }>(s: S): S => ({ ...s, start: s.start + by, end: s.end + by });
  const spans = {} as Citation["spans"];
  for (const [k, s] of Object.entries(c.spans) as [keyof Citation["spans"], Citation["spans"][keyof Citation["spans"]]][]) spans[k] = s && moved(s);
  const diagnostics = c.diagnostics.map((d) => {
    const out = moved(d);
    if (d.related) out.related = d.related.map(moved);
    if (d.line === 1 && d.column !== undefined) out.column = d.column + by - dropped.lineStart; // the line began before the buffer
    if (d.line !== undefined) out.line = d.line + dropped.lines;
    return out;
  });
  return { ...moved(c), spans, diagnostics };
}
