/** Writing a large export a line at a time, in chunks, waiting whenever the stream asks to (no giant string). */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";

const CHUNK = 1 << 20;

/** Something written to: a stream (its backpressure is waited for), or any sink with a write method. */
type Sink = Writable | { write(chunk: string): unknown };
const isStream = (s: Sink): s is Writable => typeof (s as Writable).once === "function";

/** Writes each line and a newline to `target` (a path, or a stream such as process.stdout, left open). */
export async function writeLines(lines: Iterable<string> | AsyncIterable<string>, target: string | Sink): Promise<void> {
  const stream = typeof target === "string" ? createWriteStream(target) : target;
  const failed = isStream(stream) ? new Promise<never>((_, reject) => stream.once("error", reject)) : new Promise<never>(() => {});
  failed.catch(() => {});
  let chunk = "";
  const flush = async () => {
    if (stream.write(chunk) === false && isStream(stream)) await Promise.race([once(stream, "drain"), failed]);
    chunk = "";
  };
  const add = (line: string) => (chunk += `${line}\n`).length >= CHUNK;
  // A generator of lines awaited only when it is asynchronous: a microtask per line would slow millions of them.
  if (Symbol.asyncIterator in lines) {
    for await (const line of lines) if (add(line)) await flush();
  } else for (const line of lines) if (add(line)) await flush();
  if (chunk) await flush();
  if (typeof target === "string" && isStream(stream)) {
    stream.end();
    await Promise.race([once(stream, "finish"), failed]);
  }
}
