/// <reference lib="dom" />
// The page in a real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): it opens from
// disk, highlights exactly the citations extract() finds in Node, lists the diagnostics and selects their place,
// checks against a registry file, switches language, and makes no network request.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { parse as parseCsv } from "csv-parse/sync";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPage } from "../page/build.js";
import { type Citation, checkDocument, extract, parseDocument } from "../src/index.js";
import { Registry } from "../src/node.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const fixtures = join(import.meta.dirname, "..", "fixtures");
const text = readFileSync(join(fixtures, "001_57220ce583489b87.txt"), "utf8");

if (!hasChromium) console.warn(`test/browser.test.ts skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

describe.skipIf(!hasChromium)(`the page in headless Chromium${hasChromium ? "" : ` (skipped: ${CHROMIUM} is absent)`}`, () => {
  let context: BrowserContext;
  let page: Page;
  let url: string;
  let profile: string;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    // Built every run (a second or two): the page under test is the one these sources make.
    url = pathToFileURL((await buildPage()).file).href;
    profile = mkdtempSync(join(tmpdir(), "vncite-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 1000 },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await context.newPage();
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(url);
    await page.fill("#input", text);
    await page.waitForSelector(`#view[data-length="${text.length}"]`);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("highlights exactly the citations extract() returns in Node", async () => {
    const marked = await page.$$eval("#view mark.cite", (marks) => {
      // A mark may come in pieces (where a diagnostic crosses it): join them by citation.
      const byCitation = new Map<string, { start: number; end: number; text: string }>();
      for (const m of marks as HTMLElement[]) {
        const i = m.dataset.i as string;
        const seen = byCitation.get(i) ?? { start: Number(m.dataset.start), end: Number(m.dataset.end), text: "" };
        seen.text += m.textContent;
        byCitation.set(i, seen);
      }
      return [...byCitation.values()];
    });
    const expected = extract(text).map((c) => ({ start: c.start, end: c.end, text: c.text }));
    expect(expected.length).toBeGreaterThan(40);
    expect(marked).toEqual(expected);
    expect(await page.$eval("#view", (v) => v.textContent)).toBe(text);
  });

  it("colours each reference by its worst problem", async () => {
    const colour = (c: { start: number }) => page.$eval(`mark.cite[data-start="${c.start}"]`, (m) => m.className);
    const citations = extract(text);
    const first = citations[0];
    const contradicting = citations.find((c) => c.text.startsWith("Chương trình hành động số 77-CT/TU"));
    const shortened = citations.find((c) => c.text === "Kết luận số 69-KL");
    expect([first?.text, contradicting?.text, shortened?.text]).toEqual([
      "Kết luận số 69-KL/TW, ngày 11/01/2024 của Bộ Chính trị", "Chương trình hành động số 77-CT/TU của Ban Thường vụ Tỉnh ủy", "Kết luận số 69-KL",
    ]);
    expect(await colour(first as Citation)).toBe("cite ok"); // no diagnostic
    expect(await colour(contradicting as Citation)).toBe("cite error"); // type-code-mismatch: CT is Chỉ thị
    expect(await colour(shortened as Citation)).toBe("cite warning"); // incomplete-identifier
  });

  it("shows the document's header, the documents it cites with their relations, and their graph", async () => {
    const record = parseDocument(text);
    expect(await page.$$eval("#header dt", (dts) => dts.map((d) => d.textContent))).toContain("Trích yếu");
    expect(await page.$$eval("#header dd", (dds) => dds.map((d) => d.textContent))).toContain(record.subject?.value);
    const cited = await page.$$eval("#cited li", (items) => items.map((li) => [li.querySelector("code")?.textContent, li.querySelector(".rel")?.className.replace("rel rel-", "")]));
    expect(cited).toEqual(record.cited.map((c) => [c.key, c.relation]));
    expect(await page.$$eval("#graph svg g.node text", (labels) => labels.map((t) => t.textContent))).toEqual(["document.txt", ...record.cited.map((c) => c.key)]);
    expect(await page.locator("#graph svg line.edge:not(.stated)").count()).toBe(record.cited.length);
  });

  it("lists the 77-CT/TU warning, and clicking it selects its place in the text box where the clerk edits", async () => {
    const warning = checkDocument(parseDocument(text)).find((d) => d.severity === "warning" && text.slice(d.start, d.end) === "77-CT/TU");
    expect(warning?.code).toBe("inconsistent-citation");
    const item = page.locator(`li.diagnostic.warning[data-start="${warning?.start}"][data-end="${warning?.end}"]`);
    await expect(item.locator("q").textContent()).resolves.toBe("77-CT/TU");
    await expect(item.locator(".fix code").textContent()).resolves.toBe("77-CTr/TU");
    await item.click();
    const selected = await page.evaluate(() => {
      const input = document.getElementById("input") as HTMLTextAreaElement;
      return { focused: document.activeElement === input, start: input.selectionStart, text: input.value.slice(input.selectionStart, input.selectionEnd) };
    });
    expect(selected).toEqual({ focused: true, text: "77-CT/TU", start: warning?.start });
    expect(await page.inputValue("#input")).toBe(text);
    // By keyboard too: Enter on the focused item.
    await page.focus(`li.diagnostic[data-code="type-code-mismatch"]`);
    await page.keyboard.press("Enter");
    const error = checkDocument(parseDocument(text)).find((d) => d.code === "type-code-mismatch") as { start: number; end: number };
    expect(await page.evaluate(() => [(document.getElementById("input") as HTMLTextAreaElement).selectionStart, (document.getElementById("input") as HTMLTextAreaElement).selectionEnd])).toEqual([error.start, error.end]);
    expect(await page.inputValue("#input")).toBe(text); // the Enter did not go on into the box
  });

  it("shows in the hover card how this document relates to the one cited, and the date as dd/mm/yyyy", async () => {
    const record = parseDocument(text);
    const relationOf = new Map(record.cited.map((c) => [c.key, c.relation]));
    const related = record.mentions.find((m) => m.citation && m.resolvedKey && relationOf.get(m.resolvedKey) !== "mentions" && m.citation.date);
    expect(related?.resolvedKey).toBeDefined();
    const relation = relationOf.get(related?.resolvedKey as string) as string;
    await page.hover(`mark.cite[data-start="${related?.start}"]`);
    const card = await page.$$eval("#card dt", (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])));
    const vi: Record<string, string> = { basedOn: "căn cứ", implements: "thực hiện", continues: "tiếp tục", guides: "hướng dẫn", amends: "sửa đổi" };
    expect(card["Quan hệ"]).toBe(vi[relation] ?? relation);
    expect(card["Quan hệ"]).not.toBe("nhắc đến");
    const [y, m, d] = (related?.citation?.date as string).split("-");
    expect(card.Ngày).toBe(`${d}/${m}/${y}`);
    await page.mouse.move(0, 0);
  });

  it("reaches each highlight by Tab, with its card", async () => {
    await page.focus("#export-sarif");
    let focused = "";
    for (let i = 0; i < 12 && focused !== "MARK"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.tagName ?? "");
    }
    expect(focused).toBe("MARK");
    const [markText, cardTitle, hidden] = await page.evaluate(() => [document.activeElement?.textContent, document.querySelector("#card .card-title")?.textContent, (document.getElementById("card") as HTMLElement).hidden]);
    expect(hidden).toBe(false);
    expect(cardTitle?.startsWith(markText as string)).toBe(true);
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => (document.getElementById("card") as HTMLElement).hidden)).toBe(true);
  });

  it("gives long law names a legible graph label (wrapped, cut) and the full name on hover", async () => {
    const long = "Căn cứ Luật Tổ chức chính quyền địa phương và quản lý hành chính nhà nước ở cấp cơ sở năm 2015;\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;\n";
    await page.fill("#input", long);
    await page.waitForSelector(`#view[data-length="${long.length}"]`);
    const labels = await page.$$eval("#graph svg g.node", (nodes) => nodes.map((g) => ({
      title: g.querySelector("title")?.textContent ?? "", lines: Array.from(g.querySelectorAll("text tspan"), (t) => t.textContent ?? ""),
    })));
    const law = labels.find((l) => l.title.startsWith("Luật"));
    // The label is the name people read (type word, printed title, year); the hover adds the key (issue 24).
    const key = parseDocument(long).cited.find((c) => c.key.startsWith("Luật"))?.key;
    expect(law?.title).toBe(`Luật Tổ chức chính quyền địa phương và quản lý hành chính nhà nước ở cấp cơ sở 2015 (${key})`);
    expect(law?.lines[0]).toBe("Luật Tổ chức chính");
    expect(law?.lines.length).toBeGreaterThan(1);
    expect(law?.lines.length).toBeLessThanOrEqual(3);
    for (const line of law?.lines ?? []) expect(line.length).toBeLessThanOrEqual(22);
    expect(law?.lines.at(-1)?.endsWith("…")).toBe(true);
    await page.fill("#input", text);
    await page.waitForSelector(`#view[data-length="${text.length}"]`);
  });

  it("adds the registry's diagnostics when fixtures/registry.csv is loaded", async () => {
    const listed = () => page.$$eval("li.diagnostic", (items) => (items as HTMLElement[]).map((li) => `${li.dataset.code} ${li.dataset.start}-${li.dataset.end}`));
    const asListed = (ds: { code: string; start: number; end: number }[]) => ds.map((d) => `${d.code} ${d.start}-${d.end}`);
    const record = parseDocument(text);
    expect(await listed()).toEqual(asListed(checkDocument(record)));
    const withRegistry = checkDocument(record, Registry.load(join(fixtures, "registry.csv")));
    expect(withRegistry.filter((d) => d.code === "not-in-registry").length).toBeGreaterThan(0);
    await page.setInputFiles("#registry", join(fixtures, "registry.csv"));
    await page.waitForFunction(() => document.getElementById("registry-status")?.textContent?.startsWith("registry.csv"));
    expect(await listed()).toEqual(asListed(withRegistry));
    expect(await page.textContent("#registry-status")).toBe("registry.csv: 5 văn bản");
  });

  it("exports the citations as JSON and CSV and the diagnostics as SARIF, as the library gives them", async () => {
    const saved = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
      return { name: download.suggestedFilename(), content: readFileSync((await download.path()) as string, "utf8") };
    };
    const citations = extract(text);
    const json = await saved("#export-json");
    expect(json.name).toBe("document.citations.json");
    expect(JSON.parse(json.content)).toEqual(JSON.parse(JSON.stringify(citations)));
    const csv = (await saved("#export-csv")).content;
    // A byte-order mark first, so that spreadsheet programs read the Vietnamese as UTF-8.
    expect(csv.startsWith("\uFEFFstart,end,text,")).toBe(true);
    const rows = parseCsv(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => [Number(r.start), Number(r.end), r.text, r.key, r.date])).toEqual(citations.map((c) => [c.start, c.end, c.text, c.key ?? "", c.date ?? ""]));
    const sarif = JSON.parse((await saved("#export-sarif")).content);
    const diagnostics = checkDocument(parseDocument(text), Registry.load(join(fixtures, "registry.csv")));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { region: { charOffset: number; charLength: number } } }[] }) =>
      [r.ruleId, r.locations[0]?.physicalLocation.region.charOffset, r.locations[0]?.physicalLocation.region.charLength]))
      .toEqual(diagnostics.map((d) => [d.code, d.start, d.end - d.start]));
  });

  it("opens a .txt file, read in the page, and names the exports after it", async () => {
    const other = join(fixtures, "004_174a28dc88bcd672.txt");
    const content = readFileSync(other, "utf8");
    await page.setInputFiles("#open", other);
    await page.waitForSelector(`#view[data-length="${content.length}"]`);
    expect(await page.$$eval("#view mark.cite", (marks) => new Set(marks.map((m) => (m as HTMLElement).dataset.i)).size)).toBe(extract(content).length);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
    expect(download.suggestedFilename()).toBe("004_174a28dc88bcd672.citations.json");
    expect(await page.textContent("#notice")).toBe("");
    // Windows-1258 bytes for "Nghị định": not UTF-8, which the page says instead of hiding.
    await page.setInputFiles("#open", { name: "cp1258.txt", mimeType: "text/plain", buffer: Buffer.from([0x4e, 0x67, 0x68, 0x69, 0xf2, 0x20, 0xf0, 0x69, 0x6e, 0x68]) });
    await page.waitForSelector('#view[data-length="10"]');
    expect(await page.textContent("#notice")).toMatch(/^cp1258\.txt không phải UTF-8/);
  });

  it("says the registry with one word, the library's own (danh mục văn bản)", async () => {
    await page.fill("#input", text);
    await page.waitForSelector(`#view[data-length="${text.length}"]`);
    const body = await page.textContent("body");
    expect(body).not.toContain("sổ đăng ký");
    expect(await page.textContent("label span[data-t=registry]")).toBe("Nạp danh mục văn bản (CSV hoặc JSON)");
    const diagnostics = await page.$$eval("li.diagnostic", (items) => items.map((li) => li.textContent ?? ""));
    expect(diagnostics.some((d) => d.includes("không có trong danh mục văn bản"))).toBe(true);
  });

  it("switches to English: every message, the dates as ISO", async () => {
    await page.click("#lang");
    expect(await page.textContent("section h2[data-t=diagnostics]")).toBe("Diagnostics");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    const messages = await page.$$eval("li.diagnostic", (items) => items.map((li) => li.textContent ?? ""));
    const record = parseDocument(await page.inputValue("#input"));
    expect(messages.length).toBeGreaterThan(0);
    const expected = checkDocument(record, Registry.load(join(fixtures, "registry.csv")));
    expect(messages).toHaveLength(expected.length);
    for (const [i, d] of expected.entries()) {
      expect(messages[i]).toContain(d.message);
      expect(messages[i]).not.toContain(d.messageVi);
    }
    expect(await page.textContent("#registry-status")).toMatch(/documents$/);
    const dated = extract(await page.inputValue("#input")).find((c) => c.date);
    await page.hover(`mark.cite[data-start="${dated?.start}"]`);
    const card = await page.$$eval("#card dt", (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])));
    expect(card.Date).toBe(dated?.date);
    await page.mouse.move(0, 0);
    await page.click("#lang");
  });

  it("analyses in a Web Worker: the page answers and takes typing while a 1 MB text is read", async () => {
    expect(page.workers().length).toBeGreaterThanOrEqual(1);
    const big = `${text}\n`.repeat(Math.ceil(1_000_000 / text.length));
    await page.evaluate((value) => {
      const input = document.getElementById("input") as HTMLTextAreaElement;
      input.value = value;
      input.dispatchEvent(new Event("input"));
    }, big);
    await page.waitForFunction(() => document.body.dataset.analysing === "1");
    // Were the analysis on this thread, nothing here could run until it ended (and analysing were "0" again).
    await page.focus("#input");
    await page.keyboard.press("End");
    await page.keyboard.type("x");
    const during = await page.evaluate(() => new Promise<[string, boolean]>((resolve) =>
      requestAnimationFrame(() => resolve([document.body.dataset.analysing as string, (document.getElementById("input") as HTMLTextAreaElement).value.endsWith("x")]))));
    expect(during).toEqual(["1", true]);
    // The latest text is the one read in the end.
    await page.waitForSelector(`#view[data-length="${big.length + 1}"]`, { timeout: 120_000 });
    await page.fill("#input", text);
    await page.waitForSelector(`#view[data-length="${text.length}"]`, { timeout: 120_000 });
  }, 180_000);

  it("is usable 420 px wide: nothing wider than the screen", async () => {
    await page.setViewportSize({ width: 420, height: 800 });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      input: (document.getElementById("input") as HTMLElement).getBoundingClientRect().right,
      view: (document.getElementById("view") as HTMLElement).getBoundingClientRect().right,
      diagnostics: (document.getElementById("diagnostics") as HTMLElement).getBoundingClientRect().right,
    }));
    for (const [what, right] of Object.entries(widths)) expect(right, what).toBeLessThanOrEqual(420);
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it("made no network request and threw nothing", () => {
    // blob: URLs are the exports, made in the page.
    expect(requests.filter((r) => r !== url && !r.startsWith("blob:"))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("runs as a <script type=\"module\"> importing dist/browser.js and its chunks (a bundle of src/ before a build)", async () => {
    // dist/browser.js imports the library's chunks beside it; with no dist/ yet, one bundle of the source stands in.
    const dist = join(import.meta.dirname, "..", "dist");
    const bundled = existsSync(join(dist, "browser.js")) ? null : await build({
      entryPoints: [join(import.meta.dirname, "..", "src", "index.ts")],
      bundle: true, format: "esm", platform: "browser", target: "es2022", minify: true, write: false, logLevel: "error",
    });
    const served = (file: string) => (bundled ? (bundled.outputFiles[0] as { text: string }).text : readFileSync(join(dist, file), "utf8"));
    const html = `<!doctype html><meta charset="utf-8"><script type="module">
      import { annotate, extract } from "./vncite/browser.js";
      const text = "Căn cứ Nghị định số 30/2020/NĐ-CP & <mật>.";
      document.body.dataset.out = annotate(text, extract(text), { before: "<mark>", after: "</mark>" });
    </script>`;
    const modulePage = await context.newPage();
    // Served by the test itself: the route answers, no server and no network.
    await modulePage.route("http://vncite.test/**", (route) =>
      route.request().url().startsWith("http://vncite.test/vncite/")
        ? route.fulfill({ contentType: "text/javascript", body: served(route.request().url().slice("http://vncite.test/vncite/".length)) })
        : route.fulfill({ contentType: "text/html", body: html }));
    await modulePage.goto("http://vncite.test/index.html");
    await modulePage.waitForFunction(() => document.body.dataset.out !== undefined);
    expect(await modulePage.evaluate(() => document.body.dataset.out)).toBe("Căn cứ <mark>Nghị định số 30/2020/NĐ-CP</mark> &amp; &lt;mật&gt;.");
    await modulePage.close();
  });
});
