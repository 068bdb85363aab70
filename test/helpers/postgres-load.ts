// A loader to kill (test/postgres.test.ts): loads synthetic documents 0 … n-1 into the database at argv[2], argv[4]
// documents a transaction, saying "batch" on stdout after each is committed and "done" at the end.
import { loadPostgres } from "../../src/node.js";
import { syntheticCorpus } from "../../bench/synthetic.mjs";

const [url, n, batchSize] = process.argv.slice(2) as [string, string, string];
await loadPostgres(url, syntheticCorpus(Number(n)), { batchSize: Number(batchSize), onBatch: () => process.stdout.write("batch\n") });
process.stdout.write("done\n");
