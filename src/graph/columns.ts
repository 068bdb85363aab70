/**
 * Compact storage for the citation graph: growable columns of 32-bit integers, and a table that gives each
 * distinct string (a key, a document id, a spelling) one small id, so that millions of occurrences hold
 * numbers instead of objects.
 */

/** A growable Int32Array: one row per index, doubled when full. */
export class IntColumn {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }

  /** Adds `by` to row i. */
  bump(i: number, by = 1): void {
    this.data[i] = (this.data[i] as number) + by;
  }

  /** Room for at least `size` rows. */
  grow(size: number): void {
    if (size <= this.data.length) return;
    const next = new Int32Array(Math.max(size, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }

  /** Drops the spare room (after a bulk load, the doubling can leave up to half the column empty). */
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, Math.max(this.length, 1));
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}

// A V8 Map holds at most 2^24 entries: strings are spread over several, by a cheap hash of the string.
const SHARDS = 16;
const shardOf = (s: string) => (s.length * 31 + (s.charCodeAt(s.length >> 1) || 0) + (s.charCodeAt(s.length - 1) || 0)) & (SHARDS - 1);

/** Distinct strings, each with an id from 0 in the order first seen. Any string is a valid entry (`__proto__` too). */
export class StringTable {
  private readonly ids: Map<string, number>[] = Array.from({ length: SHARDS }, () => new Map());
  readonly strings: string[] = [];

  /** The id of `s`, added when new. */
  intern(s: string): number {
    const shard = this.ids[shardOf(s)] as Map<string, number>;
    let id = shard.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      shard.set(s, id);
    }
    return id;
  }

  /** The id of `s`, or -1 when it was never added. */
  find(s: string): number {
    return (this.ids[shardOf(s)] as Map<string, number>).get(s) ?? -1;
  }

  get size(): number {
    return this.strings.length;
  }
}
