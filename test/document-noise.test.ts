// parseDocument and check read OCR-shaped text (decomposed diacritics, `Ð` for `Đ`, both) exactly as they read the
// clean text: every real text of fixtures/ and ../shared/corpus/, damaged as a whole, gives the same record, and
// every span slices the damaged text to its own text.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, checkDocument, type DocumentRecord, normalize, parseDocument } from "../src/index.js";
import { random } from "./noise.js";

const root = join(import.meta.dirname, "..");
const dirs = [join(root, "fixtures"), join(root, "..", "shared", "corpus")].filter(existsSync);
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => join(d, f)));

const NOISES = {
  nfd: (s: string) => s.normalize("NFD"),
  eth: (s: string) => s.replace(/Đ/g, "\u00D0").replace(/đ/g, "\u00F0"),
  both: (s: string) => s.replace(/Đ/g, "\u00D0").replace(/đ/g, "\u00F0").normalize("NFD"),
} as const;
type Noise = keyof typeof NOISES;

// What noise may change: a repaired `Ð` is reported (`ocr-repaired`) and lowers the citation's confidence.
const REPORTS_NOISE = (d: { code: string }) => d.code !== "ocr-repaired";
// A column counts the original text's code units, which decomposed letters add to.
const NOISE_FIELDS = new Set(["confidence", "column"]);

/** A string as the normalize stage reads it: what noise may not change. */
const clean = (s: string) => normalize(s).text;
const isSpan = (v: object): v is { text: string; start: number; end: number } =>
  "text" in v && "start" in v && "end" in v && typeof (v as { start: unknown }).start === "number";

/**
 * The record with every span checked against `text` (it must slice to its text), then without its offsets, and
 * every string as normalized: so two records of one text with and without character noise compare equal.
 */
function comparable(value: unknown, text: string, path = "$"): unknown {
  if (typeof value === "string") return clean(value);
  if (Array.isArray(value)) return value.filter((v) => !(v && typeof v === "object" && "code" in v && !REPORTS_NOISE(v))).map((v, i) => comparable(v, text, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  if (isSpan(value)) {
    if (text.slice(value.start, value.end) !== value.text) throw new Error(`${path}: span [${value.start}, ${value.end}) is not ${JSON.stringify(value.text)}`);
  }
  // A diagnostic has offsets and no text: it is compared by what it points at.
  const at = value as { start?: unknown; end?: unknown };
  const offsets = typeof at.start === "number" && typeof at.end === "number";
  if (offsets && !isSpan(value)) out.at = clean(text.slice(at.start as number, at.end as number));
  for (const [k, v] of Object.entries(value)) if (!NOISE_FIELDS.has(k) && !(offsets && (k === "start" || k === "end"))) out[k] = comparable(v, text, `${path}.${k}`);
  return out;
}

/** What the document layer itself gives as values: these must be equal as they are, not only once normalized. */
function values(d: DocumentRecord, codes: string[]) {
  return {
    key: d.key, type: d.type?.value ?? null, date: d.date && { ...d.date, span: null }, effective: d.effective?.value ?? null,
    // The header's printed values are clean (NFC, `Đ`): equal as they are.
    header: [d.identifier, d.place, d.issuer, d.subject, ...d.addressees, ...d.recipients, ...Object.values(d.signature)].map((f) => f?.value ?? null),
    mentions: d.mentions.map((m) => [m.key, m.kind, m.resolvedKey, m.resolvedBy, m.relation, m.isDefinition, m.pinpoints.map((p) => p.paths)]),
    pinpoints: d.pinpoints.map((p) => p.paths),
    amendments: d.amendments.map((a) => [a.action, a.target, a.date, a.phrase, a.pinpoint?.paths ?? null]),
    cited: d.cited,
    stated: d.statedRelations.map((r) => [r.from, r.relation, r.to]),
    diagnostics: d.diagnostics.filter(REPORTS_NOISE).map((x) => x.code),
    check: codes,
  };
}

const read = (text: string, id: string) => {
  const record = parseDocument(text, { id });
  return { record, check: checkDocument(record) };
};
// The clean reading of a seed, read once for its three noises.
const cleanReadings = new Map<string, { record: DocumentRecord; check: ReturnType<typeof checkDocument>; comparable: unknown }>();
const readClean = (path: string, text: string) => {
  let r = cleanReadings.get(path);
  if (!r) {
    const a = read(text, "doc");
    r = { ...a, comparable: comparable(a, text) };
    cleanReadings.set(path, r);
  }
  return r;
};

// The four seeds under every noise; every other text under one of them, in turn, so that each is read once noisy.
const seeds = files.filter((f) => f.includes(`${join("fixtures", "")}`) && !f.includes("corpus"));
const cases: [string, Noise][] = files.flatMap((f, i): [string, Noise][] =>
  seeds.includes(f) ? (Object.keys(NOISES) as Noise[]).map((n) => [f, n]) : [[f, (Object.keys(NOISES) as Noise[])[i % 3] as Noise]],
);

describe("parseDocument and check on noisy text", () => {
  it("covers every real text", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(new Set(cases.map(([f]) => f)).size).toBe(files.length);
  });

  it.each(cases.map(([f, n]) => [f.slice(root.length + 1), n, f] as const))("%s with %s", (_name, noise, path) => {
    const text = readFileSync(path, "utf8");
    const damaged = NOISES[noise](text);
    const a = readClean(path, text);
    const b = read(damaged, "doc");
    const codes = (ds: { code: string }[]) => ds.filter(REPORTS_NOISE).map((x) => x.code);
    expect(values(b.record, codes(b.check))).toEqual(values(a.record, codes(a.check)));
    expect(comparable(b, damaged)).toEqual(a.comparable);
  });
});

describe("parseDocument and check with diacritics stripped from half the words", () => {
  // OCR that loses marks: the cited documents' keys stay those of the clean text (the values in words are the
  // extraction stage's: compared here by key only).
  const strip = (w: string) => w.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  it.each(seeds.map((f) => [f.slice(root.length + 1), f] as const))("%s", (_name, path) => {
    const text = readFileSync(path, "utf8");
    const rng = random(13);
    const damaged = text.replace(/\p{L}+/gu, (w) => (rng() < 0.5 ? strip(w) : w));
    const keys = (d: DocumentRecord) => d.cited.map((c) => c.key).sort();
    expect(keys(parseDocument(damaged))).toEqual(keys(parseDocument(text)));
  });
});

describe("the normalize option", () => {
  // A caller's own normalization (here: mending one misspelt word, letter for letter: a word only without its marks
  // is read already) is what every stage reads.
  const restore = (t: string) => {
    const nt = normalize(t);
    return { ...nt, text: nt.text.replace(/Nghj quyet/g, "Nghị quyết") };
  };
  const text = "Thực hiện Nghị quyết số 20-NQ/TW của Bộ Chính trị. Nghj quyet nêu trên đã đề ra.";

  it("is read by parseDocument's stages, spans in the caller's text", () => {
    const back = (d: DocumentRecord) => d.mentions.find((m) => m.resolvedBy === "back-reference");
    expect(back(parseDocument(text))).toBeUndefined();
    const m = back(parseDocument(text, { normalize: restore }));
    expect(m?.resolvedKey).toBe("20-NQ/TW");
    expect(m?.text).toBe("Nghj quyet nêu trên");
    expect(text.slice(m?.start, m?.end)).toBe(m?.text);
  });

  it("is passed on by check", () => {
    expect(check(text).map((d) => d.code)).toEqual([]);
    expect(check(text, { normalize: restore }).map((d) => d.code)).toEqual([]);
    const unresolved = "Nghj quyet nêu trên đã đề ra.";
    expect(check(unresolved, { normalize: restore }).map((d) => d.code)).toEqual(["unresolved-reference"]);
    expect(check(unresolved).map((d) => d.code)).toEqual([]);
  });
});

describe("spans on generated noisy documents (fast-check, fixed seed)", () => {
  // Pieces of the document grammar and of the noise between them: every span must still slice the text to its text.
  const pieces = [
    "Điều 5. Phạm vi\n", "khoản 1 Điều này", "Điều 5của", "Luật này", "Nghị quyết nêu trên", "Nghị quyết số 20-NQ/TW",
    "Luật Đất đai số 31/2024/QH15", "(sau đây gọi tắt là Luật A)", "Căn cứ ", "Thực hiện ", "1. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:\n",
    "Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025.", "Hà Nội, ngày 5 tháng 3 năm 2024\n", "KẾ HOẠCH\n",
    "“", "”", "[Khoản này được hướng dẫn bởi Thông tư số 01/2011/TT-BNV]", "\n", " ", ", ", "; ", "\u0301", "\u0323", "\u00D0",
    "\u00F0", "\u200B", "\u00AD", "–", "\f", "của ", "tại ",
  ];
  it("parseDocument and check never throw, and every span is exact", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join("");
        const record = parseDocument(text, { id: "x" });
        comparable({ record, check: checkDocument(record) }, text);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
