import type { GraphRecord } from "../src/index.js";
/** Document i of a synthetic corpus of the real shape (~10 cited documents, ~29 mentions). */
export function syntheticRecord(i: number, rand?: () => number): GraphRecord;
/** Documents 0 … n-1, one at a time. */
export function syntheticCorpus(n: number): Generator<GraphRecord>;
export function keyOf(i: number): string;
export function centralKey(c: number): string;
/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number;
