/** What the CLI reads and writes: files under the directories named, their document ids, the --out path. */
import { VnciteError } from "../errors.js";
import { accessSync, constants, mkdirSync, readdirSync, statSync, type Dirent } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";

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
  return e instanceof Error ? e.message : String(e);
}

/**
 * The files named, and the *.txt files under the directories named (in subdirectories too unless
 * `recursive` is false), sorted by path within each directory. Only files are taken: a directory named
 * `x.txt` is walked, never read as a text. `note` hears about a named directory that looks like a file.
 */
export function expandInputs(paths: string[], options: { recursive: boolean; idFrom: IdFrom; note: (line: string) => void }): Input[] {
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
    const found = readdirSync(p, { recursive: options.recursive, withFileTypes: true })
      .filter((d) => /\.txt$/i.test(d.name) && isFileEntry(d))
      .map((d) => join(d.parentPath, d.name))
      .sort();
    for (const file of found) out.push({ file, id: idOf(file, p) });
  }
  return out;
}

function isFileEntry(d: Dirent): boolean {
  if (d.isFile()) return true;
  if (!d.isSymbolicLink()) return false;
  try {
    return statSync(join(d.parentPath, d.name)).isFile();
  } catch {
    return false;
  }
}

/** An --out file can be written: said before the work, not after it. */
export function checkOutFile(path: string): void {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw new UsageError(`--out ${path}: ${reason(e)}`);
  }
  if (isDir) throw new UsageError(`--out ${path}: is a directory`);
  const dir = dirname(path);
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--out ${path}: ${dir} is not a directory`);
    accessSync(dir, constants.W_OK);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--out ${path}: ${code === "ENOENT" ? `no directory ${dir}` : reason(e)}`);
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
