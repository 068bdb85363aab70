/**
 * `npx tsx scripts/page-keystroke.ts [checkout]`: the page in headless Chromium with a text of 1 MB, three
 * keystrokes, and for each the longest task of the page's thread until its analysis is drawn (PerformanceObserver
 * "longtask"). A measure to read beside another checkout's (run back to back; the machine's load matters), never
 * a test. Needs /usr/bin/chromium.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
const root = process.argv[2] ?? join(import.meta.dirname, "..");
const { buildPage } = await import(join(root, "page", "build.ts"));
const url = pathToFileURL((await buildPage()).file).href;
const text = readFileSync(join(import.meta.dirname, "..", "fixtures", "001_57220ce583489b87.txt"), "utf8");
const big = `${text}\n`.repeat(Math.ceil(1_000_000 / text.length));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
const page = await browser.newPage();
await page.goto(url);
await page.evaluate((v) => { const i = document.getElementById("input") as HTMLTextAreaElement; i.value = v; i.dispatchEvent(new Event("input")); }, big);
await page.waitForSelector(`#view[data-length="${big.length}"]`, { timeout: 300000 });
for (let k = 0; k < 3; k++) {
  await page.evaluate(() => { (window as unknown as { __tasks: number[] }).__tasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as unknown as { __tasks: number[] }).__tasks.push(e.duration); }).observe({ type: "longtask" }); });
  await page.focus("#input");
  await page.keyboard.press("End");
  await page.keyboard.type("x");
  await page.waitForSelector(`#view[data-length="${big.length + k + 1}"]`, { timeout: 300000 });
  await page.waitForTimeout(300);
  const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks as number[]);
  console.log(`keystroke ${k + 1}: longest main-thread task ${Math.round(Math.max(0, ...tasks))} ms, all long tasks ${tasks.map(Math.round).join(", ")}`);
}

await browser.close();
