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

describe("extractStream spans are values (issue 26)", () => {
  // After the first flush, the citations of a list that share one issuing body had that span moved once each.
  it("a list sharing one body, after the first MiB, in 64 KiB chunks", async () => {
    const text = `${"x\n".repeat(600_000)}Nghị định số 01/2020/NĐ-CP, 02/2020/NĐ-CP và 03/2020/NĐ-CP của Chính phủ;`;
    const streamed = await collect(chunks(text, 65_536));
    expect(streamed.map((c) => c.key)).toEqual(["1/2020/NĐ-CP", "2/2020/NĐ-CP", "3/2020/NĐ-CP"]);
    for (const c of streamed) expect(c.spans.issuedBy?.text).toBe("Chính phủ");
    for (const c of streamed) for (const s of Object.values(c.spans)) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(streamed).toEqual(extract(text));
  });

  it("no two spans of extract's answer are one object", () => {
    const found = extract("Nghị định số 01/2020/NĐ-CP, 02/2020/NĐ-CP và 03/2020/NĐ-CP của Chính phủ;");
    const spans = found.flatMap((c) => Object.values(c.spans).filter((s) => s !== null));
    expect(new Set(spans).size).toBe(spans.length);
  });

  // Every chunk size, over a text with lists, diagnostics and every kind of line end, past several flushes: the
  // same citations as extract on the whole text (lines and columns of diagnostics included).
  it("gives what extract gives at every chunk size and line end", async () => {
    const unit = [
      "Căn cứ Nghị định số 01/2020/NĐ-CP, 02/2020/NĐ-CP và 03/2020/NĐ-CP của Chính phủ;",
      "Kết luận số 1, 2, 3, 4, 5, 6, 7, 8, 9, 10-KL/TW ngày 31/02/2020 của Bộ Chính trị về việc x;",
      "Nghị quyết số 20-NQ/TW ngày 32/13/2012.",
    ];
    for (const end of ["\n", "\r\n", "\r", "\u2028"]) {
      const text = `${"văn bản\n".repeat(140_000)}${unit.join(end)}${end}`.split("\n").join(end);
      const whole = extract(text);
      expect(whole.length).toBe(14);
      for (const size of [65_536, 4_099, 777]) expect(await collect(chunks(text, size)), `${JSON.stringify(end)} ${size}`).toEqual(whole);
    }
  });
});
