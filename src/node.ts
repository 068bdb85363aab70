/**
 * vncite for Node: everything of the main entry, and `Registry.load(path)` (or `await Registry.loadAsync(path)`),
 * which reads a registry file.
 * The main entry (`vncite`) touches nothing of Node, so it bundles for a browser; what reads files is here.
 *
 * @module vncite/node
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Registry as CoreRegistry, RegistryError } from "./check/registry.js";

export * from "./index.js";

export class Registry extends CoreRegistry {
  /** Reads a `.json` or `.csv` registry file; any failure, reading included, is a RegistryError saying why. */
  static load(path: string): CoreRegistry {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new RegistryError([`${path}: cannot read the registry (${readFailure(e)})`]);
    }
    return CoreRegistry.fromFile(path, bytes);
  }

  /** `load` without blocking the thread while the file is read: the same registry, or the same RegistryError. */
  static async loadAsync(path: string): Promise<CoreRegistry> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (e) {
      throw new RegistryError([`${path}: cannot read the registry (${readFailure(e)})`]);
    }
    return CoreRegistry.fromFile(path, bytes);
  }
}

function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return (e as Error).message;
}

// The graph in PostgreSQL (the optional packages pg and pg-copy-streams, imported only when used).
export {
  isPostgresUrl, loadPostgres, type PgClient, PostgresError, PostgresGraph, type PostgresLoadOptions, type PostgresLoadResult, SCHEMA_SQL, sqlDumpLines,
} from "./graph/postgres/index.js";
