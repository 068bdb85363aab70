/**
 * The errors vncite throws, each with a `code` a program can branch on (`switch (e.code)`) without reading the
 * message. Text never throws: these are for a value of the wrong type, a graph or registry that does not hold
 * together, and the command line's usage mistakes.
 */

/** What went wrong, one word per kind of error. */
export type VnciteErrorCode =
  /** A graph's JSON, JSON Lines or record does not hold together ({@link GraphError}). */
  | "invalid-graph"
  /** A registry's rows or file are wrong ({@link RegistryError}). */
  | "invalid-registry"
  /** Every array delimiter Neo4j could use occurs in a value. */
  | "no-array-delimiter"
  /** A mistake in the command line or its input (the CLI prints it and exits with 2). */
  | "usage"
  /** An argument of the wrong type, such as text that is not a string ({@link ArgumentError}). */
  | "invalid-argument"
  /** PostgreSQL cannot be used: its optional driver is not installed, the server refuses, no vncite graph is there (`PostgresError`, `vncite/node`). */
  | "postgres";

/** The base of every error vncite throws but {@link ArgumentError}, which is a `TypeError` as built-ins throw. */
export class VnciteError extends Error {
  constructor(
    /** What went wrong. */
    readonly code: VnciteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An argument of the wrong type: a `TypeError`, as JavaScript's own functions throw, with the `code` of the rest. */
export class ArgumentError extends TypeError {
  /** Always `invalid-argument`. */
  readonly code = "invalid-argument" satisfies VnciteErrorCode;
  override name = "ArgumentError";
}
