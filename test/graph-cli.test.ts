// The CLI's way to a graph, in process: files in batches over worker threads, each result added as it comes,
// the graph written as JSON Lines and read back equal; a file whose parsing throws is reported, not fatal.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eachResult } from "../src/cli/parallel.js";
import { runBatch } from "../src/cli/tasks.js";
import { writeLines } from "../src/graph/write.js";
import { CitationGraph, parseDocument } from "../src/index.js";

const dir = join(import.meta.dirname, "..", "fixtures");
const SEEDS = ["000_1db0ab688705c645", "001_57220ce583489b87", "002_279a46a1877946ee", "004_174a28dc88bcd672"];
// 16 files (the seeds, four times over): two batches, so that two workers share them.
const files = Array.from({ length: 16 }, (_, i) => join(dir, `${SEEDS[i % 4]}.txt`));

async function graphOf(jobs: number) {
  const g = new CitationGraph();
  const order: number[] = [];
  for await (const r of eachResult(files, "graph", { jobs })) {
    order.push(r.index);
    if (r.ok && r.record) g.add(r.record);
  }
  return { g, order };
}

describe("vncite graph's pipeline", () => {
  it("gives the same graph from worker threads as in one thread, in input order, as from whole records", async () => {
    const [one, two] = [await graphOf(1), await graphOf(2)];
    expect(two.order).toEqual(files.map((_, i) => i));
    expect(two.g.toJSON()).toEqual(one.g.toJSON());
    const whole = new CitationGraph();
    for (const f of files) whole.add(parseDocument(readFileSync(f, "utf8"), { id: f }));
    expect(one.g.toJSON()).toEqual(whole.toJSON());
  }, 60_000);

  it("writes JSON Lines to a file that reads back to the same graph", async () => {
    const { g } = await graphOf(1);
    const out = mkdtempSync(join(tmpdir(), "vncite-cli-"));
    try {
      const file = join(out, "g.jsonl");
      await writeLines(g.toJSONLines(), file);
      const text = readFileSync(file, "utf8");
      expect(text.endsWith("\n")).toBe(true);
      const back = await CitationGraph.fromJSONLines(text.split("\n"));
      expect(back.toJSON()).toEqual(g.toJSON());
    } finally {
      rmSync(out, { recursive: true });
    }
  });

  it("reports a file that cannot be read with its path, and goes on", async () => {
    const results = await runBatch([
      { index: 0, file: join(dir, "missing.txt"), kind: "graph" },
      { index: 1, file: files[0] as string, kind: "graph" },
    ]);
    expect(results[0]).toEqual({ index: 0, ok: false, error: `${join(dir, "missing.txt")}: no such file` });
    expect(results[1]?.ok && results[1].record?.id).toBe(files[0]);
    // Only what the graph reads crosses from a worker: no text, no diagnostics, no signature.
    expect(results[1]?.ok && results[1].text).toBe("");
    expect(Object.keys((results[1]?.ok && results[1].record) || {}).sort()).toEqual(
      ["amendments", "cited", "date", "id", "key", "mentions", "statedRelations", "subject", "type"],
    );
  });
});
