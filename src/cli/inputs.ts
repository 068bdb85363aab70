/** What the CLI reads and writes: files under the directories named, their document ids, the --out path. */
import { VnciteError } from "../errors.js";
import { accessSync, constants, mkdirSync, readdirSync, statSync, type Dirent } from "node:fs";
import { basename, join, relative, sep } from "node:path";

/** A mistake in the command line or its input: one line on stderr, exit 2. */
export class UsageError extends VnciteError {
  constructor(message: string) {
    super("usage", message);
  }
}

export type IdFrom = "relative" | "name" | "path";
export const ID_FROM: readonly IdFrom[] = ["relative", "name", "path"];

export interface Input {
  /** Where to read it. */
  file: string;
  /** The document's id in the graph when its text gives no number of its own. */
  id: string;
}

/** Why a path cannot be used, from a Node error code. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  if (code === "ENOTDIR") return "a part of the path is not a directory";
  if (code === "ENOSPC") return "no space left on device";
  if (code === "EROFS") return "read-only file system";
  if (code === "ELOOP") return "too many symbolic links";
  if (code === "EDQUOT") return "disk quota exceeded";
  return e instanceof Error ? e.message : String(e);
}

/**
 * The files named, and the *.txt files under the directories named (in subdirectories too unless
 * `recursive` is false), sorted by path within each directory. Only files are taken: a directory named
 * `x.txt` is walked, never read as a text. `note` hears about a named directory that looks like a file;
 * `unreadable` about a directory under one that cannot be read (a `lost+found`), which is skipped.
 */
export function expandInputs(
  paths: string[],
  options: { recursive: boolean; idFrom: IdFrom; note: (line: string) => void; unreadable?: (line: string) => void },
): Input[] {
  const out: Input[] = [];
  const idOf = (file: string, under: string | null): string => {
    if (options.idFrom === "name") return basename(file).replace(/\.txt$/i, "");
    if (options.idFrom === "relative" && under !== null) return relative(under, file).split(sep).join("/");
    return file;
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      out.push({ file: p, id: idOf(p, null) }); // reported as unreadable when read
      continue;
    }
    if (!isDir) {
      out.push({ file: p, id: idOf(p, null) });
      continue;
    }
    if (/\.txt$/i.test(p)) options.note(`${p} is a directory: reading the .txt files under it`);
    const found = textFilesUnder(p, options.recursive, (dir, e) => (options.unreadable ?? options.note)(`${dir}: cannot read the directory (${reason(e)}); skipped`));
    for (const file of found.sort()) out.push({ file, id: idOf(file, p) });
  }
  return out;
}

/**
 * The .txt files under `root`, a directory at a time, so that one that cannot be read is reported (`skipped`) and
 * the walk goes on. A symbolic link to a directory is not followed (as readdirSync's own walk does not).
 */
function textFilesUnder(root: string, recursive: boolean, skipped: (dir: string, e: unknown) => void): string[] {
  const files: string[] = [];
  const dirs = [root];
  for (let dir = dirs.pop(); dir !== undefined; dir = dirs.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skipped(dir, e);
      continue;
    }
    for (const d of entries) {
      if (recursive && d.isDirectory()) dirs.push(join(dir, d.name));
      else if (/\.txt$/i.test(d.name) && isFileEntry(d, dir)) files.push(join(dir, d.name));
    }
  }
  return files;
}

function isFileEntry(d: Dirent, dir: string): boolean {
  if (d.isFile()) return true;
  if (!d.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, d.name)).isFile();
  } catch {
    return false;
  }
}

/** An --out directory exists (made now, with its parents) and can be written. */
export function prepareOutDirectory(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw new UsageError(`--out ${path}: not a directory`);
    accessSync(path, constants.W_OK);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--out ${path}: ${code === "EEXIST" || code === "ENOTDIR" ? "not a directory" : reason(e)}`);
  }
}
