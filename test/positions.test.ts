// Diagnostics say where they stand as a reader counts: line and column, 1-based, beside the offsets.
import { describe, expect, it } from "vitest";
import { check, extract } from "../src/index.js";
import { DiagnosticSchema } from "../src/schema-entry.js";
import { positionsIn } from "../src/positions.js";

describe("line and column of diagnostics", () => {
  const text = "Kính gửi: các đơn vị\r\nThực hiện Kết luận số 93-NQ/TW của Ban Bí thư,\nvà Kết luận số 93-KL/TW.";

  it("are set by extract, counted in UTF-16 code units from 1", () => {
    const [first] = extract(text);
    const mismatch = first?.diagnostics.find((d) => d.code === "type-code-mismatch");
    // Line 2 is `Thực hiện Kết luận …`: `Kết` is its 11th character.
    expect(mismatch).toMatchObject({ line: 2, column: 11 });
    expect(() => DiagnosticSchema.parse(mismatch)).not.toThrow();
  });

  it("are set by check on every diagnostic, and agree with the offsets", () => {
    const diagnostics = check(text);
    expect(diagnostics.length).toBeGreaterThan(1);
    const lines = text.split("\n");
    for (const d of diagnostics) {
      const lineStart = lines.slice(0, (d.line as number) - 1).reduce((n, l) => n + l.length + 1, 0);
      expect(lineStart + (d.column as number) - 1).toBe(d.start);
    }
  });

  it("are found by binary search: the first and last offsets of a line, and the end of the text", () => {
    const at = positionsIn("ab\ncd\n");
    expect([0, 2, 3, 5, 6].map((o) => [at(o).line, at(o).column])).toEqual([[1, 1], [1, 3], [2, 1], [2, 3], [3, 1]]);
    expect(at(4)).toEqual({ line: 2, column: 2, lineStart: 3, lineEnd: 5 });
  });
});
