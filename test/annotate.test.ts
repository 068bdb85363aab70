// annotate(): markup around each citation's exact span, the rest escaped for HTML; balanced whatever the spans.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annotate, check, type Diagnostic, escapeHtml, extract } from "../src/index.js";
import { TIMING } from "./helpers/timing.js";

describe("annotate", () => {
  it("wraps each citation's exact span and escapes the rest for HTML", () => {
    const text = "Căn cứ Nghị định số 30/2020/NĐ-CP & Chỉ thị số 42-CT/TW <mật>.";
    const html = annotate(text, extract(text), (c) => [`<a href="#${c.key}">`, "</a>"]);
    expect(html).toBe(
      'Căn cứ <a href="#30/2020/NĐ-CP">Nghị định số 30/2020/NĐ-CP</a> &amp; <a href="#42-CT/TW">Chỉ thị số 42-CT/TW</a> &lt;mật&gt;.',
    );
    expect(annotate(text, extract(text), { before: "[", after: "]" }, { escape: false })).toBe(
      "Căn cứ [Nghị định số 30/2020/NĐ-CP] & [Chỉ thị số 42-CT/TW] <mật>.",
    );
  });

  it("marks diagnostics inside the citation that holds them", () => {
    const text = "Chương trình hành động số 77-CTr/TU của Ban Thường vụ Tỉnh ủy. Kế hoạch thực hiện Chương trình hành động số 77-CT/TU.";
    expect(annotate(text, extract(text), { before: "<mark>", after: "</mark>" }, { diagnostics: check(text) })).toBe(
      "<mark>Chương trình hành động số 77-CTr/TU của Ban Thường vụ Tỉnh ủy</mark>. Kế hoạch thực hiện " +
        '<mark><span class="vncite-error" data-code="type-code-mismatch">Chương trình hành động số ' +
        '<span class="vncite-warning" data-code="inconsistent-citation">77-CT/TU</span></span></mark>.',
    );
  });

  it("keeps markup balanced where spans touch, nest, cross or are empty, and clips spans out of the text", () => {
    const text = "a<b>c&d efgh";
    const spans = [{ start: 1, end: 4 }, { start: 2, end: 6 }, { start: 6, end: 8 }, { start: 3, end: 3 }, { start: 0, end: 12 }, { start: 9, end: 99 }, { start: 5, end: 2 }];
    expect(annotate(text, spans, (s) => [`(${s.start}`, `${s.start})`])).toBe("(0a(1&lt;(2b(33)&gt;2)1)(2c&amp;2)(6d 6)e(9fgh9)0)");
  });

  // Each span i opens as \uE000 i \uE002 and closes as \uE001 i \uE002: reading the output back, every
  // character of the text must sit inside exactly the spans that cover it, and nothing else may change.
  it("gives every character exactly the markup of the spans over it (property)", () => {
    const textArb = fc.string({ unit: fc.constantFrom("a", "b", " ", "<", "&", ">", '"', "đ", "\n"), maxLength: 40 });
    const spanArb = fc.record({ start: fc.integer({ min: -3, max: 45 }), end: fc.integer({ min: -3, max: 45 }) });
    fc.assert(
      fc.property(textArb, fc.array(spanArb, { maxLength: 12 }), fc.boolean(), (text, spans, escape) => {
        const items = spans.map((s, i) => ({ ...s, i }));
        const out = annotate(text, items, (s) => [`\uE000${s.i}\uE002`, `\uE001${s.i}\uE002`], { escape });
        const open = new Set<number>();
        let plain = "";
        const covering: string[] = [];
        for (let k = 0; k < out.length; k++) {
          const c = out[k] as string;
          if (c === "\uE000" || c === "\uE001") {
            const close = out.indexOf("\uE002", k);
            const i = Number(out.slice(k + 1, close));
            if (c === "\uE000") expect(open.has(i)).toBe(false), open.add(i);
            else expect(open.delete(i)).toBe(true);
            k = close;
          } else {
            plain += c;
            covering.push([...open].sort((a, b) => a - b).join(","));
          }
        }
        expect(open.size).toBe(0);
        const written = escape ? escapeHtml(text) : text;
        expect(plain).toBe(written);
        if (!escape) {
          const clip = (n: number) => Math.max(0, Math.min(n, text.length));
          const expected = [...text].map((_, p) => items.filter((s) => clip(s.start) <= p && p < clip(s.end)).map((s) => s.i).join(","));
          expect(covering).toEqual(expected);
        }
      }),
      { seed: 17, numRuns: 500 },
    );
  });
});

describe("annotate scales with what it writes", TIMING, () => {
  /** The fastest of five runs, in ms. */
  const fastest = (run: () => void) => Math.min(...Array.from({ length: 5 }, () => ((t) => (run(), performance.now() - t))(performance.now())));
  const nested = (n: number) => Array.from({ length: n }, (_, i) => ({ start: i, end: 2 * n - i }));
  const crossing = (n: number) => Array.from({ length: n }, (_, i) => ({ start: 10 * i, end: 10 * i + 15 }));

  // A search of the whole stack at each end (as a first version did) makes 4× the nested spans take 16× the time.
  it.each([["nested", nested], ["crossing their neighbours", crossing]] as const)("%s spans: 4× the spans take about 4× the time, not 16×", (_, spans) => {
    const markup = { before: "<b>", after: "</b>" };
    const input = (n: number) => ({ text: "đ<&>".repeat(5 * n), spans: spans(n) });
    const [small, large] = [input(3_000), input(12_000)];
    const time = ({ text, spans }: ReturnType<typeof input>) => fastest(() => annotate(text, spans, markup));
    time(small), time(large); // warm up
    expect(time(large) / time(small)).toBeLessThan(10);
  });
});

describe("annotate's default diagnostic markup (issue 26, item 22)", () => {
  it("escapes the severity in the class attribute, as it does the code", () => {
    const text = "Căn cứ Nghị định số 30/2020/NĐ-CP.";
    const hostile = {
      code: "<x>", severity: 'error" onmouseover="alert(1)', message: "", messageVi: "", start: 7, end: 19, fix: null,
    } as unknown as Diagnostic;
    const html = annotate(text, [], { before: "", after: "" }, { diagnostics: [hostile] });
    expect(html).toContain('<span class="vncite-error&quot; onmouseover=&quot;alert(1)" data-code="&lt;x&gt;">');
    expect(html).not.toContain('" onmouseover="');
  });
});
