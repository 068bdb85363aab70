// parseDocument: the seeds against hand-checked records, and one case per resolution and relation rule.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type DocumentRecord, type HeaderField, parseDocument } from "../src/index.js";
import { DocumentRecordSchema } from "../src/schema-entry.js";

const dir = join(import.meta.dirname, "..", "fixtures");
const t = (s: { text: string } | null | undefined) => s?.text ?? null;
/** A header field with its span as its text. */
const field = <T,>(f: HeaderField<T> | null) => f && { value: f.value, span: f.span.text };

/** The same compact shape as fixtures/<seed>.document.json. */
function compact(d: DocumentRecord) {
  return {
    key: d.key, identifier: field(d.identifier), type: field(d.type), place: field(d.place),
    issuer: d.issuer && { value: d.issuer.value, key: d.issuer.key, place: d.issuer.place?.key ?? null, span: d.issuer.span.text },
    date: d.date && { value: d.date.value, day: d.date.day, month: d.date.month, year: d.date.year, span: d.date.span.text },
    subject: field(d.subject), addressees: d.addressees.map(field), recipients: d.recipients.map(field),
    signature: { authority: field(d.signature.authority), title: field(d.signature.title), signer: field(d.signature.signer) },
    mentions: d.mentions.map((m) => ({
      text: m.text, key: m.key, resolvedKey: m.resolvedKey, resolvedBy: m.resolvedBy, relation: m.relation,
      verb: t(m.verb), isDefinition: m.isDefinition, diagnostics: m.diagnostics.map((x) => x.code),
    })),
    cited: d.cited,
    statedRelations: d.statedRelations.map((r) => ({ from: r.from, to: r.to, relation: r.relation, evidence: r.evidence.text })),
    diagnostics: d.diagnostics.map((x) => x.code),
  };
}

describe.each(readdirSync(dir).filter((f) => f.endsWith(".document.json")))("%s", (file) => {
  const id = file.replace(".document.json", "");
  const text = readFileSync(join(dir, `${id}.txt`), "utf8");
  const expected = JSON.parse(readFileSync(join(dir, file), "utf8"));
  const record = parseDocument(text, { id });
  const actual = compact(record);

  it("has the expected header", () => {
    for (const field of ["key", "identifier", "type", "place", "issuer", "date", "subject", "addressees", "recipients", "signature"] as const) {
      expect(actual[field], field).toEqual(expected[field]);
    }
  });
  const rows: [number, { text: string }][] = expected.mentions.map((m: { text: string }, i: number) => [i, m]);
  it.each(rows)("mention %i", (i, m) => {
    expect(actual.mentions[i], `mention ${i}: ${m.text}`).toEqual(m);
  });
  it("has the expected mentions, cited documents, stated relations and diagnostics", () => {
    expect(actual.mentions).toHaveLength(expected.mentions.length);
    expect(actual.cited).toEqual(expected.cited);
    expect(actual.statedRelations).toEqual(expected.statedRelations);
    expect(actual.diagnostics).toEqual(expected.diagnostics);
  });
  it("validates and keeps spans in the original text", () => {
    expect(() => DocumentRecordSchema.parse(record)).not.toThrow();
    for (const m of record.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const { identifier, type, place, issuer, date, subject, effective, addressees, recipients, signature } = record;
    const fields = [identifier, type, place, issuer, date, subject, effective, ...addressees, ...recipients, ...Object.values(signature)];
    for (const s of fields.map((f) => f?.span)) {
      if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

const doc = (text: string, id = "doc") => parseDocument(text, { id });
const mention = (d: DocumentRecord, text: string, nth = 0) => d.mentions.filter((m) => m.text.startsWith(text))[nth];

describe("resolution", () => {
  it("resolves a defined short name to the definition's document, with the definition as evidence", () => {
    const d = doc("Thực hiện Kết luận số 93-KL/TW của Ban Bí thư (sau đây gọi tắt là Kết luận số 93). Quán triệt Kết luận số 93 và Kết luận 93.");
    expect(mention(d, "Kết luận số 93", 2)).toMatchObject({ resolvedKey: "93-KL/TW", resolvedBy: "definition" });
    expect(mention(d, "Kết luận 93")).toMatchObject({ resolvedKey: "93-KL/TW", resolvedBy: "definition" });
    expect(mention(d, "Kết luận 93")?.evidence?.text).toBe("(sau đây gọi tắt là Kết luận số 93)");
  });

  it("reads a code that contradicts the defined short name as the defined document, with a diagnostic", () => {
    const d = doc("Thực hiện Kết luận số 93-KL/TW (sau đây gọi tắt là Kết luận số 93). Tuyên truyền Kết luận số 93-NQ/TW.");
    const m = mention(d, "Kết luận số 93-NQ/TW");
    expect(m).toMatchObject({ key: "93-NQ/TW", resolvedKey: "93-KL/TW", resolvedBy: "definition" });
    expect(m?.diagnostics.map((x) => x.code)).toEqual(["inconsistent-citation"]);
    expect(d.cited.map((c) => c.key)).toEqual(["93-KL/TW"]);
  });

  it("resolves a short mention to the one earlier full citation of the same type and number", () => {
    const d = doc("Căn cứ Kết luận số 69-KL/TW; quán triệt Kết luận số 69-KL và Kết luận 69.");
    expect(mention(d, "Kết luận số 69-KL", 1)).toMatchObject({ resolvedKey: "69-KL/TW", resolvedBy: "earlier-citation" });
    expect(mention(d, "Kết luận 69")).toMatchObject({ resolvedKey: "69-KL/TW", resolvedBy: "earlier-citation" });
  });

  it("abstains when two earlier citations fit", () => {
    const d = doc("Căn cứ Kết luận số 69-KL/TW và Kết luận số 69-KL/TU; thực hiện Kết luận số 69.");
    const m = mention(d, "Kết luận số 69", 2);
    expect(m?.resolvedKey).toBeNull();
    expect(m?.diagnostics[0]?.code).toBe("ambiguous-reference");
    expect(m?.diagnostics[0]?.message).toContain("69-KL/TW, 69-KL/TU");
  });

  it("leaves a short mention with nothing before it unresolved", () => {
    const d = doc("Quán triệt Kết luận số 93 của Ban Bí thư.");
    expect(mention(d, "Kết luận số 93")).toMatchObject({ resolvedKey: null, resolvedBy: null });
    expect(mention(d, "Kết luận số 93")?.diagnostics.map((x) => x.code)).toEqual(["unresolved-reference"]);
  });

  it("resolves self-references to the document's own key, else the caller's id", () => {
    const own = doc("Số: 25-KH/HU\n\nKẾ HOẠCH\n\nTổ chức thực hiện Kế hoạch này và Nghị quyết này.");
    expect(own.key).toBe("25-KH/HU");
    expect(mention(own, "Kế hoạch này")).toMatchObject({ resolvedKey: "25-KH/HU", resolvedBy: "self" });
    const byId = doc("Luật này có hiệu lực.", "luat-x");
    expect(mention(byId, "Luật này")).toMatchObject({ resolvedKey: "luat-x", resolvedBy: "self" });
    expect(byId.cited).toEqual([]);
  });

  it("resolves `nêu trên` to the nearest earlier citation of that type in the same section, and not across sections", () => {
    const text = "I. MỤC ĐÍCH\nCăn cứ Nghị quyết số 20-NQ/TW và Nghị quyết số 29-NQ/TW; Kết luận số 1-KL/TW.\nQuán triệt Nghị quyết nêu trên.\nII. NHIỆM VỤ\nThực hiện Nghị quyết nói trên.";
    const d = doc(text);
    expect(mention(d, "Nghị quyết nêu trên")).toMatchObject({ resolvedKey: "29-NQ/TW", resolvedBy: "back-reference" });
    expect(mention(d, "Nghị quyết nói trên")?.resolvedKey).toBeNull();
  });
});

describe("relations", () => {
  it.each([
    ["Căn cứ Nghị định số 30/2020/NĐ-CP;", "basedOn"],
    ["Thực hiện Kế hoạch số 116-KH/TU;", "implements"],
    ["Triển khai Kế hoạch số 116-KH/TU;", "implements"],
    ["tổ chức thực hiện Kế hoạch số 116-KH/TU;", "implements"],
    ["Tiếp tục thực hiện Chỉ thị số 42-CT/TW;", "continues"],
    ["Hướng dẫn thi hành Luật số 59/2020/QH14;", "guides"],
    ["quy định chi tiết Luật số 59/2020/QH14;", "guides"],
    ["sửa đổi, bổ sung Nghị định số 30/2020/NĐ-CP;", "amends"],
    ["thay thế Quyết định số 1013/QĐ-TLĐ;", "replaces"],
    ["bãi bỏ Thông tư số 01/2011/TT-BNV;", "repeals"],
    ["đính chính Nghị định số 30/2020/NĐ-CP;", "corrects"],
    ["Tuyên truyền nội dung Nghị quyết số 57-NQ/TW;", "mentions"],
    ["giải pháp thực hiện đã được xác định trong Nghị quyết số 57-NQ/TW.", "mentions"],
  ])("%s → %s", (text, relation) => {
    expect(doc(text).mentions[0]?.relation).toBe(relation);
  });

  it("coordinates a mention with the one before it when no verb stands between", () => {
    const d = doc("Căn cứ Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng (khóa XI) và Kết luận số 50-KL/TW;");
    expect(d.mentions.map((m) => m.relation)).toEqual(["basedOn", "basedOn"]);
  });

  it("states the relation between two cited documents, and takes the strongest for the document", () => {
    const d = doc("Thực hiện Kết luận số 69-KL/TW, ngày 11/01/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 20-NQ/TW. Căn cứ Kết luận số 69-KL/TW.");
    expect(d.statedRelations.map((r) => [r.from, r.relation, r.to, r.evidence.text])).toEqual([["69-KL/TW", "continues", "20-NQ/TW", "tiếp tục thực hiện"]]);
    expect(d.cited).toEqual([
      { key: "69-KL/TW", relation: "basedOn", mentions: 2, rule: "preamble" },
      { key: "20-NQ/TW", relation: "mentions", mentions: 1, rule: null },
    ]);
  });
});

describe("bad input", () => {
  it("rejects what is not a string", () => {
    expect(() => parseDocument(42 as unknown as string)).toThrow(TypeError);
    expect(() => parseDocument("x", { id: 7 as unknown as string })).toThrow(/options.id/);
  });
  it("gives an empty record for empty text", () => {
    const d = parseDocument("", { id: "empty" });
    expect(d).toMatchObject({ key: "empty", identifier: null, mentions: [], cited: [] });
  });
});

describe("the text itself, named without marks", () => {
  // The look back from `này` to its type word is tried only after a type word's last word: spelled as the type
  // words are matched, with their marks or without them.
  it("`Nghi dinh nay` is the decree itself, and its entry into force is read", () => {
    const text = "CHÍNH PHỦ\nSố: 15/2020/NĐ-CP\nNGHỊ ĐỊNH\nĐiều 1. Nghi dinh nay co hieu luc thi hanh ke tu ngay 01 thang 7 nam 2020.\nĐiều 2. Nghị định này có hiệu lực.";
    const record = parseDocument(text, { id: "x" });
    expect(record.mentions.map((m) => [m.text, m.resolvedBy, m.resolvedKey])).toEqual([
      ["Nghi dinh nay", "self", "15/2020/NĐ-CP"],
      ["Nghị định này", "self", "15/2020/NĐ-CP"],
    ]);
    expect(record.effective?.value).toBe("2020-07-01");
    expect(record.effective?.span.text).toBe("ngay 01 thang 7 nam 2020");
  });
});
