// parseDocument's stages work in normalized offsets and map every span to the caller's text once, at the end
// (src/document/offsets.ts). Here a text whose normalization moves offsets (`Ð` for `Đ`, decomposed marks,
// `\r\n`): each kind of span the stages make (evidence, verb, pinpoint, amendment, stated relation, effective
// date) must point at the same words in it as in the clean text.
import { describe, expect, it } from "vitest";
import { type DocumentRecord, extract, normalize, parseDocument, resolve } from "../src/index.js";

const CLEAN = [
  "Số: 12/QĐ-UBND",
  "QUYẾT ĐỊNH",
  "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;",
  "Căn cứ Kết luận số 93-KL/TW ngày 01/02/2024 của Bộ Chính trị (sau đây gọi tắt là Kết luận số 93);",
  "QUYẾT ĐỊNH:",
  "Điều 1. Sửa đổi, bổ sung khoản 2 Điều 3 Thông tư số 01/2011/TT-BNV như sau:",
  "Điều 2. Thực hiện Kết luận số 93 và Nghị định nêu trên.",
  "Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15.",
  "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
].join("\n");
const DAMAGED = CLEAN.replace(/Đ/g, "\u00D0").normalize("NFD").replace(/\n/g, "\r\n");
/** Damaged words as the clean text writes them. */
const mended = (s: string) => s.replace(/\u00D0/g, "Đ").normalize("NFC").replace(/\r\n/g, "\n");

type Located = { text: string; start: number; end: number };
/** Every span of a record (anything with text, start and end), with where it stands in the record. */
function spansOf(value: unknown, path = "$", out: [string, Located][] = []): [string, Located][] {
  if (Array.isArray(value)) value.forEach((v, i) => spansOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") {
    const v = value as Partial<Located>;
    if (typeof v.text === "string" && typeof v.start === "number" && typeof v.end === "number") out.push([path, v as Located]);
    for (const [k, x] of Object.entries(value)) spansOf(x, `${path}.${k}`, out);
  }
  return out;
}

describe("parseDocument: spans in the original text, mapped once at the end", () => {
  const clean = parseDocument(CLEAN, { id: "x" });
  const damaged = parseDocument(DAMAGED, { id: "x" });
  const words = (r: DocumentRecord, text: string) => spansOf(r).map(([path, s]) => [path, mended(text.slice(s.start, s.end))]);

  it("every span slices the damaged text to its own text, and to the words it slices in the clean text", () => {
    const spans = spansOf(damaged);
    expect(spans.length).toBeGreaterThan(20);
    for (const [path, s] of spans) expect(DAMAGED.slice(s.start, s.end), path).toBe(s.text);
    // Span by span (the same paths in both records), the damaged record points at the words the clean one does.
    expect(words(damaged, DAMAGED)).toEqual(words(clean, CLEAN));
  });

  it("each kind of span the stages make points at the words read by hand", () => {
    const at = (s: Located | null | undefined) => (s ? mended(DAMAGED.slice(s.start, s.end)) : null);
    const short = damaged.mentions.filter((m) => m.resolvedBy === "definition");
    expect(short.map((m) => at(m.evidence))).toEqual(["(sau đây gọi tắt là Kết luận số 93)", "(sau đây gọi tắt là Kết luận số 93)"]);
    const back = damaged.mentions.find((m) => m.resolvedBy === "back-reference");
    expect([at(back), at(back?.evidence)]).toEqual(["Nghị định nêu trên", "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ"]);
    expect(damaged.mentions.filter((m) => m.relation === "basedOn").map((m) => at(m.verb))).toEqual(["Căn cứ", "Căn cứ"]);
    const amended = damaged.mentions.find((m) => m.resolvedKey === "1/2011/TT-BNV");
    expect([at(amended?.verb), at(amended?.pinpoints[0])]).toEqual(["Sửa đổi, bổ sung", "khoản 2 Điều 3"]);
    expect(damaged.amendments.map((a) => [a.action, a.target, at(a.span), at(a.pinpoint)])).toEqual([
      ["amends", "1/2011/TT-BNV", "Điều 1. Sửa đổi, bổ sung khoản 2 Điều 3 Thông tư số 01/2011/TT-BNV như sau:", "khoản 2 Điều 3"],
    ]);
    expect(damaged.statedRelations.map((r) => [r.from, r.relation, r.to, at(r.evidence)])).toEqual([
      ["43/2024/QH15", "amends", "31/2024/QH15", " được sửa đổi, bổ sung bởi "],
    ]);
    expect(at(damaged.effective?.span)).toBe("ngày ký");
    expect(at(damaged.mentions.find((m) => m.resolvedBy === "self"))).toBe("Quyết định này");
  });

  it("resolve(), composing the same stages, maps its references and evidence back the same way", () => {
    const { citations, backReferences } = resolve(extract(DAMAGED), { text: DAMAGED });
    const byStart = new Map([...citations, ...backReferences].map((r) => [r.start, r]));
    const compared = damaged.mentions.filter((m) => m.resolvedBy !== "self");
    expect(compared.filter((m) => m.evidence !== null)).toHaveLength(3); // the two short names and the back-reference
    for (const m of compared) {
      const r = byStart.get(m.start);
      expect([r?.text, r?.end, r?.resolvedKey, r?.evidence, r?.diagnostics]).toEqual([m.text, m.end, m.resolvedKey, m.evidence, m.diagnostics]);
    }
  });

  it("resolve() moves only its own copies: citations given frozen, spans and all, resolve as they do unfrozen", () => {
    const frozen = extract(DAMAGED).map((c) => {
      for (const span of Object.values(c.spans)) if (span) Object.freeze(span);
      Object.freeze(c.spans);
      return Object.freeze(c);
    });
    expect(resolve(frozen, { text: DAMAGED })).toEqual(resolve(extract(DAMAGED), { text: DAMAGED }));
  });

  it("changes nothing it did not make: the normalized text given by the normalize option is read, not written", () => {
    const given = normalize(DAMAGED);
    const frozen = Object.freeze({ ...given, repairs: Object.freeze([...given.repairs]), breaks: given.breaks && Object.freeze(given.breaks) });
    const record = parseDocument(DAMAGED, { id: "x", normalize: () => frozen as typeof given });
    expect(record).toEqual(damaged);
  });
});
