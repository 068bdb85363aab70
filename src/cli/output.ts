/**
 * Where a command's output goes. A file named by --out is checked before the work (it can be made, is no input,
 * no directory), written to a temporary file beside it and renamed over it only when complete: an interrupted run
 * leaves the previous file whole, never a shorter one. A device or pipe (`/dev/full`, `/dev/stdout`) is written
 * in place. A failure while writing (a full disk) is an OutputError: one line, exit 1.
 */
import { chmodSync, closeSync, lstatSync, openSync, readlinkSync, renameSync, statSync, unlinkSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Writable } from "node:stream";
import { reason, UsageError } from "./inputs.js";

/** writeLines, loaded when first written with (a command that writes no lines loads no graph module). */
const writeLinesTo: (typeof import("../graph/write.js"))["writeLines"] = async (lines, target) => (await import("../graph/write.js")).writeLines(lines, target);

/** The output could not be written (after the work): one line on stderr, exit 1. */
export class OutputError extends Error {}

/** Symbolic links followed by hand: a link to a file not made yet is written through, as a shell's `>` does. */
const MAX_LINKS = 40;

/** The path a link leads to (the path itself when it is none), whether or not the file at the end exists. */
function followLinks(path: string): string {
  let at = path;
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    let link: Stats;
    try {
      link = lstatSync(at);
    } catch {
      return at;
    }
    if (!link.isSymbolicLink()) return at;
    at = resolve(dirname(at), readlinkSync(at));
  }
  throw new UsageError(`--out ${path}: too many symbolic links`);
}

const statOrNull = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new UsageError(`--out ${path}: ${reason(e)}`);
  }
};

/** A file the command will write, made ready before the work: write() once, then it is in place. */
export interface OutFile {
  /** The path given. */
  readonly path: string;
  /** Writes the lines (each with a newline) and puts the file in place; an OutputError says why it could not. */
  write(lines: Iterable<string> | AsyncIterable<string>): Promise<void>;
  /** Removes what write() did not finish (nothing after a write). */
  discard(): void;
}

/**
 * The --out file, checked now: a usage error (exit 2, before any work) when it is a directory, an input of the
 * run (`vncite graph a.txt --out a.txt`), in a directory that is missing or cannot be written to, or a file
 * that cannot be replaced. The temporary file is made now, so that the check is the real thing.
 */
export function prepareOutFile(path: string, inputs: readonly string[] = []): OutFile {
  const target = followLinks(path);
  const existing = statOrNull(target);
  if (existing?.isDirectory()) throw new UsageError(`--out ${path}: is a directory`);
  if (existing) {
    for (const input of inputs) {
      const s = input === "-" ? null : statOrNullQuiet(input);
      if (s && s.ino === existing.ino && s.dev === existing.dev) throw new UsageError(`--out ${path}: is an input of this run (${input}); name another file`);
    }
  }
  if (existing && !existing.isFile()) return inPlace(path, target); // a device, a pipe
  const dir = dirname(target);
  const dirStat = statOrNullQuiet(dir);
  if (!dirStat) throw new UsageError(`--out ${path}: no directory ${dir}`);
  if (!dirStat.isDirectory()) throw new UsageError(`--out ${path}: ${dir} is not a directory`);
  if (existing) {
    try {
      closeSync(openSync(target, "r+")); // opened for writing, not truncated: a read-only file is said now
    } catch (e) {
      throw new UsageError(`--out ${path}: cannot be written (${reason(e)})`);
    }
  }
  const temporary = join(dir, `.${basename(target)}.vncite-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    closeSync(openSync(temporary, "wx"));
  } catch (e) {
    throw new UsageError(`--out ${path}: cannot write in ${dir} (${reason(e)})`);
  }
  let done = false;
  return {
    path,
    async write(lines) {
      try {
        await writeLinesTo(lines, temporary);
        if (existing) chmodSync(temporary, existing.mode & 0o7777);
        renameSync(temporary, target);
        done = true;
      } catch (e) {
        throw new OutputError(`--out ${path}: cannot write (${reason(e)})`);
      }
    },
    discard() {
      if (done) return;
      try {
        unlinkSync(temporary);
      } catch {
        // gone already
      }
    },
  };
}

const statOrNullQuiet = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

/** A device or a pipe: written where it is (no rename), failures said in one line. */
function inPlace(path: string, target: string): OutFile {
  return {
    path,
    async write(lines) {
      try {
        await writeLinesTo(lines, target);
      } catch (e) {
        throw new OutputError(`--out ${path}: cannot write (${reason(e)})`);
      }
    },
    discard() {},
  };
}

/** Writes the lines to a stream (standard output); a failure (a full disk, `> /dev/full`) is an OutputError. */
export async function writeOut(lines: Iterable<string> | AsyncIterable<string>, stream: Writable | { write(chunk: string): unknown }): Promise<void> {
  try {
    await writeLinesTo(lines, stream);
  } catch (e) {
    throw new OutputError(`cannot write the output (${reason(e)})`);
  }
}
