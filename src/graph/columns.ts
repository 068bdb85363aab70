/**
 * Compact storage for the citation graph: growable columns of 32-bit integers, and a table that gives each
 * distinct string (a key, a document id, a spelling) one small id, so that millions of occurrences hold
 * numbers instead of objects.
 */

/**
 * A growable Int32Array: one row per index, doubled when full. A `wide` column (a count, which can pass 2³¹
 * when summed over a corpus) is a Float64Array, exact to 2⁵³.
 */
export class IntColumn {
  data: Int32Array | Float64Array;
  length = 0;

  constructor(capacity = 1024, wide = false) {
    this.data = wide ? new Float64Array(capacity) : new Int32Array(capacity);
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
    const next = this.data instanceof Float64Array ? new Float64Array(Math.max(size, this.data.length * 2)) : new Int32Array(Math.max(size, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }

  /** Drops the spare room (after a bulk load, the doubling can leave up to half the column empty). */
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, Math.max(this.length, 1));
  }
}

// A V8 Map holds at most 2^24 entries: past MAP_SIZE strings a new Map is opened (lookups then try each).
const MAP_SIZE = 1 << 23;

/**
 * Distinct strings, each with an id from 0 in the order first seen. Any string is a valid entry (`__proto__`
 * too). A new string is stored as a copy: a string sliced out of a document's text would keep the whole text alive.
 */
export class StringTable {
  private readonly maps: Map<string, number>[] = [new Map()];
  readonly strings: string[] = [];

  /** The id of `s`, added when new. */
  intern(s: string): number {
    const id = this.find(s);
    if (id >= 0) return id;
    let last = this.maps[this.maps.length - 1] as Map<string, number>;
    if (last.size >= MAP_SIZE) this.maps.push((last = new Map()));
    const copy = (s + " ").slice(0, -1);
    last.set(copy, this.strings.length);
    return this.strings.push(copy) - 1;
  }

  /** The id of `s`, or -1 when it was never added. */
  find(s: string): number {
    for (const m of this.maps) {
      const id = m.get(s);
      if (id !== undefined) return id;
    }
    return -1;
  }

  get size(): number {
    return this.strings.length;
  }
}
