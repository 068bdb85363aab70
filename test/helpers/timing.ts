// Options for the suites that compare times (a ratio of times against a ratio of sizes, never an absolute time).
// Another process on the 2-core machine can stall one measurement; a cost that really grows faster than the text
// fails every try, so a retry takes away the noise without taking away the test.
export const TIMING = { retry: 2 } as const;
