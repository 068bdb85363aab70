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
      const keepFrom = Math.max(0, safeEnd - OVERLAP - base);
      for (let i = buffer.indexOf("\n"); i >= 0 && i < keepFrom; i = buffer.indexOf("\n", i + 1)) {
        dropped.lines++;
        dropped.lineStart = base + i + 1;
      }
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
 * A citation found in the buffer, moved to offsets (and diagnostics' lines and columns) of the whole stream, in
 * place: extract made it for us alone.
 */
function shift(c: Citation, by: number, dropped: { lines: number; lineStart: number }): Citation {
  if (by === 0) return c;
  const move = (s: { start: number; end: number }) => {
    s.start += by;
    s.end += by;
  };
  move(c);
  for (const s of Object.values(c.spans)) if (s) move(s);
  for (const d of c.diagnostics) {
    move(d);
    for (const r of d.related ?? []) move(r);
    if (d.line === 1 && d.column !== undefined) d.column += by - dropped.lineStart; // the line began before the buffer
    if (d.line !== undefined) d.line += dropped.lines;
  }
  return c;
}
