// Hostile input: a clear error or an empty result, never a crash or a hang (no timing asserted here: see bench).
import { describe, expect, it } from "vitest";
import { checkDocument, extract, parseDocument } from "../src/index.js";

describe("bad input", () => {
  it.each([undefined, null, 42, {}, ["Nghị quyết số 20-NQ/TW"], Buffer.from("x")])("rejects %s with a TypeError", (value) => {
    expect(() => extract(value as unknown as string)).toThrow(TypeError);
    expect(() => extract(value as unknown as string)).toThrow(/expected the text as a string/);
  });

  it.each(["", "   ", "\n\t\n", "\u00A0\u200B"])("returns [] for empty or blank text %j", (text) => {
    expect(extract(text)).toEqual([]);
  });

  it("survives binary garbage", () => {
    let seed = 7;
    const chars: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      chars.push(String.fromCharCode(seed % 0xffff));
    }
    expect(Array.isArray(extract(chars.join("")))).toBe(true);
  });

  it("handles a 10 MB line with no newline and still finds the reference in it", () => {
    const filler = "văn bản chỉ đạo ".repeat(10_000_000 / 16);
    const found = extract(`${filler}Nghị quyết số 20-NQ/TW ${filler}`);
    expect(found.map((c) => c.key)).toEqual(["20-NQ/TW"]);
  });

  it.each([
    ["100 000 digits", "1".repeat(100_000)],
    ["100 000 slashes", "/".repeat(100_000)],
    ["100 000 hyphens between digits", "1-".repeat(50_000)],
    ["digit-slash-capital runs", "1/A".repeat(40_000)],
    ["type words alone", "Nghị quyết ".repeat(20_000)],
    ["số markers", "số: ".repeat(30_000)],
    ["open quotes after về", `Kết luận số 1-KL/TW về “${"x ".repeat(50_000)}`],
  ])("completes on %s", (_name, text) => {
    expect(Array.isArray(extract(text))).toBe(true);
  });

  it("finds every reference in a long run of them", () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `Kế hoạch số ${i + 1}-KH/TU`).join(", ");
    const found = extract(text);
    expect(found).toHaveLength(5_000);
    expect(found[4_999]?.key).toBe("5000-KH/TU");
  });

  // Each of these took minutes once (work per mention that grew with the text): thousands of repeats, with
  // what each repeat must still yield. (The suite's time limit is the only clock here.)
  it("reads thousands of short-name definitions and their uses", () => {
    const record = parseDocument("Kết luận số 93-KL/TW (sau đây gọi tắt là Kết luận số 93). Kết luận số 93 ".repeat(5_000));
    expect(record.mentions).toHaveLength(15_000);
    expect(record.mentions.every((m) => m.resolvedKey === "93-KL/TW")).toBe(true);
  });

  it("reads thousands of amended articles quoting `Luật này`", () => {
    const unit = "Sửa đổi, bổ sung Điều 5 Luật Đất đai số 31/2024/QH15 như sau:\n“Điều 5. Luật này có hiệu lực”\n";
    const record = parseDocument(unit.repeat(5_000));
    const quoted = record.mentions.filter((m) => m.text === "Luật này");
    expect(quoted).toHaveLength(5_000);
    expect(quoted.every((m) => m.resolvedKey === "31/2024/QH15" && m.resolvedBy === "back-reference")).toBe(true);
  });

  it("reads thousands of bases on one line, and a hundred thousand `khoản 1 Điều này`", () => {
    expect(parseDocument("Căn cứ Nghị quyết số 1-NQ/TW; ".repeat(20_000)).mentions).toHaveLength(20_000);
    const record = parseDocument(`Điều 5. Phạm vi\n${"khoản 1 Điều này, ".repeat(100_000)}`);
    expect(record.pinpoints).toHaveLength(100_000);
    expect(record.pinpoints[99_999]?.paths).toEqual([{ clause: "1", article: "5" }]);
  });

  it("checks a text citing one law sixty thousand times", () => {
    const record = parseDocument("Luật Đất đai ".repeat(60_000));
    expect(record.mentions).toHaveLength(60_000);
    expect(checkDocument(record).filter((d) => d.code === "inconsistent-citation")).toEqual([]);
  });
});
