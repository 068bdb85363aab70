/** Writing a large export a line at a time, in chunks, waiting whenever the stream asks to (no giant string). */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";

const CHUNK = 1 << 20;

/** Writes each line and a newline to `target` (a path, or a stream such as process.stdout, left open). */
export async function writeLines(lines: Iterable<string>, target: string | Writable): Promise<void> {
  const stream = typeof target === "string" ? createWriteStream(target) : target;
  const failed = new Promise<never>((_, reject) => stream.once("error", reject));
  failed.catch(() => {});
  let chunk = "";
  const flush = async () => {
    if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), failed]);
    chunk = "";
  };
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= CHUNK) await flush();
  }
  if (chunk) await flush();
  if (typeof target === "string") {
    stream.end();
    await Promise.race([once(stream, "finish"), failed]);
  }
}
