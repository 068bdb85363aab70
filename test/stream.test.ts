// extractStream: the same citations as extract on the whole text, whatever the chunking, with global offsets.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type Citation, extract, extractStream } from "../src/index.js";

const seed = readFileSync(join(import.meta.dirname, "..", "fixtures", "001_57220ce583489b87.txt"), "utf8");
const collect = async (source: Parameters<typeof extractStream>[0]) => {
  const out: Citation[] = [];
  for await (const c of extractStream(source)) out.push(c);
  return out;
};
function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe("extractStream", () => {
  const big = Array.from({ length: 200 }, () => seed).join("\n\n"); // about 2.9 MB: several flushes
  const whole = extract(big);

  it.each([1, 7, 1000, 65_536, 3_000_000])("gives what extract gives, in chunks of %i characters", async (size) => {
    const text = size === 1 ? seed : big;
    const streamed = await collect(chunks(text, size));
    expect(streamed).toEqual(size === 1 ? extract(seed) : whole);
    for (const c of streamed) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it("finds a reference split across two chunks once", async () => {
    const text = `${"văn bản ".repeat(200_000)}Căn cứ Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng.`;
    const cut = text.indexOf("20-NQ") + 3;
    const found = await collect([text.slice(0, cut), text.slice(cut)]);
    expect(found.map((c) => [c.key, c.start, c.date])).toEqual([["20-NQ/TW", text.indexOf("Nghị quyết số 20"), "2012-11-01"]]);
  });

  it("reads a Node stream of bytes, even when a character is split between chunks", async () => {
    const bytes = Buffer.from(seed, "utf8");
    const parts = [...chunks(bytes.toString("latin1"), 333)].map((s) => Buffer.from(s, "latin1"));
    const found = await collect(Readable.from(parts));
    expect(found).toEqual(extract(seed));
  });

  it("rejects what is not a stream and gives nothing for nothing", async () => {
    await expect(collect(42 as unknown as Iterable<string>)).rejects.toThrow(TypeError);
    expect(await collect([])).toEqual([]);
  });
});
