// vncite check as a reviewer and a CI job use it (severities, ignored codes, a config file, a summary, colour,
// Vietnamese, an excerpt with its caret), and one CLI shape (directories, JSON, header rows, several docs).
// In-process: main(argv, io).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "vncite-cli-check-"));
const root = join(import.meta.dirname, "..");
const seed = join(root, "fixtures", "004_174a28dc88bcd672.txt");

/** A text with one error (type-code-mismatch), one warning (malformed-identifier) and notes. */
const TEXT = "Thực hiện Kết luận số 93-NQ/TW của Bộ Chính trị;\nCăn cứ Nghị định số 30/2020/NĐ- CP ngày 05 tháng 3 năm 2020 của Chính phủ;\nDẫn theo số 12/QĐ-XYZ.\n";
const file = join(tmp, "draft.txt");
writeFileSync(file, TEXT);

async function run(args: string[], io: { env?: Record<string, string>; stdoutIsTTY?: boolean; cwd?: string } = {}) {
  let stdout = "";
  let stderr = "";
  const status = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: () => "",
    stdinIsTTY: true,
    env: io.env ?? {},
    stdoutIsTTY: io.stdoutIsTTY ?? false,
    cwd: io.cwd ?? tmp,
  });
  return { status, stdout, stderr };
}
const codesIn = (stdout: string) => [...stdout.matchAll(/^\S+:\d+:\d+: \S+ ([a-z-]+):/gm)].map((m) => m[1]);

describe("vncite check for a reviewer and a CI job", () => {
  it("shows everything by default, ending with a summary line, and exits 1 on an error", async () => {
    const r = await run(["check", file]);
    expect(r.status).toBe(1);
    expect(codesIn(r.stdout)).toEqual(expect.arrayContaining(["type-code-mismatch", "malformed-identifier", "unknown-issuer"]));
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^1 error, 1 warning, \d+ notes? in 1 file$/);
  });

  it("shows the least severity asked for with --severity", async () => {
    expect(codesIn((await run(["check", file, "--severity", "warning"])).stdout)).toEqual(["type-code-mismatch", "malformed-identifier"]);
    const errors = await run(["check", file, "--severity", "error"]);
    expect(codesIn(errors.stdout)).toEqual(["type-code-mismatch"]);
    expect(errors.stdout.trimEnd().split("\n").at(-1)).toBe("1 error, 0 warnings in 1 file");
    expect((await run(["check", file, "--severity", "loud"])).stderr).toMatch(/^vncite: unknown --severity "loud" \(error, warning or info\)\n$/);
  });

  it("leaves out the codes given to --ignore (repeated or with commas), and exits 0 when no error is left", async () => {
    const r = await run(["check", file, "--ignore", "type-code-mismatch", "--ignore", "unknown-issuer,bare-identifier"]);
    expect(r.status).toBe(0);
    expect(codesIn(r.stdout)).not.toContain("type-code-mismatch");
    expect(codesIn(r.stdout)).not.toContain("unknown-issuer");
    expect(codesIn(r.stdout)).toContain("malformed-identifier");
    const typo = await run(["check", file, "--ignore", "type-code-mismatsh"]);
    expect(typo).toMatchObject({ status: 2, stderr: "vncite: --ignore: no diagnostic type-code-mismatsh (vncite help check lists them)\n" });
  });

  it("reads vncite.config.json from the working directory: severity, ignored codes, a rule's severity, language", async () => {
    const dir = join(tmp, "project");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "vncite.config.json"), JSON.stringify({ severity: "warning", rules: { "type-code-mismatch": "warning", "malformed-identifier": "off" } }));
    const r = await run(["check", file], { cwd: dir });
    expect(r.status).toBe(0); // the project made the mismatch a warning
    expect(r.stdout).toContain(": warning type-code-mismatch:");
    expect(codesIn(r.stdout)).toEqual(["type-code-mismatch"]);
    // The command line wins over the file.
    expect(codesIn((await run(["check", file, "--severity", "info"], { cwd: dir })).stdout)).toContain("unknown-issuer");
  });

  it("reads the vncite key of package.json when there is no vncite.config.json", async () => {
    const dir = join(tmp, "package");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "drafts", vncite: { ignore: ["type-code-mismatch"], lang: "vi" } }));
    const r = await run(["check", file, "--severity", "warning"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("cảnh báo malformed-identifier: Số hiệu");
  });

  it("says in one line what is wrong with a config file", async () => {
    const dir = join(tmp, "bad");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "vncite.config.json"), JSON.stringify({ rules: { "issuer-mismatch": "loud" } }));
    const r = await run(["check", file], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`vncite: ${join(dir, "vncite.config.json")}: rules.issuer-mismatch is error, warning, info or off, not "loud"\n`);
    writeFileSync(join(dir, "vncite.config.json"), "{ severity: warning }");
    expect((await run(["check", file], { cwd: dir })).stderr).toMatch(/vncite.config.json: not JSON/);
    writeFileSync(join(dir, "other.json"), JSON.stringify({ severty: "error" }));
    expect((await run(["check", file, "--config", join(dir, "other.json")])).stderr).toMatch(/unknown setting severty/);
  });

  it("speaks Vietnamese with --lang vi: messages, severities, summary", async () => {
    const r = await run(["check", file, "--lang", "vi", "--severity", "warning"]);
    expect(r.stdout).toContain(': lỗi type-code-mismatch: Tên loại "Kết luận" không khớp với ký hiệu NQ (Nghị quyết).');
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("1 lỗi, 1 cảnh báo trong 1 tệp");
    const sarif = JSON.parse((await run(["check", file, "--lang", "vi", "--format", "sarif"])).stdout);
    expect(sarif.runs[0].results[0].message.text).toBe('Tên loại "Kết luận" không khớp với ký hiệu NQ (Nghị quyết). (The type word "Kết luận" does not match the type code NQ (Nghị quyết).)');
  });

  it("colours on a terminal, never with NO_COLOR, always with FORCE_COLOR", async () => {
    const ESC = "\u001b[";
    expect((await run(["check", file], { stdoutIsTTY: true })).stdout).toContain(`${ESC}1;31merror${ESC}0m`);
    expect((await run(["check", file], { stdoutIsTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(ESC);
    expect((await run(["check", file], { stdoutIsTTY: false })).stdout).not.toContain(ESC);
    expect((await run(["check", file], { stdoutIsTTY: false, env: { FORCE_COLOR: "1" } })).stdout).toContain(ESC);
    expect((await run(["check", file], { stdoutIsTTY: true, env: { FORCE_COLOR: "0" } })).stdout).not.toContain(ESC);
    expect((await run(["check", file, "--format", "json"], { stdoutIsTTY: true })).stdout).not.toContain(ESC);
  });

  it("puts the caret under the span after tabs, wide characters and decomposed text, counting graphemes", async () => {
    const tricky = join(tmp, "tricky.txt");
    // A tab, `Xem`, two wide characters, then the citation; all of it decomposed (NFD).
    writeFileSync(tricky, "Mở đầu\n\tXem 漢字 Kết luận số 93-NQ/TW nhé.\n".normalize("NFD"));
    const lines = (await run(["check", tricky, "--severity", "error"])).stdout.split("\n");
    expect(lines[1]).toBe("  \tXem 漢字 Kết luận số 93-NQ/TW nhé.".normalize("NFD"));
    // tab | X e m space | 漢 字 (two columns each) | space: then 20 graphemes of span.
    expect(lines[2]).toBe(`  \t${" ".repeat(4)}${" ".repeat(4)} ^${"~".repeat(19)}`);
  });

  it("shows an excerpt of a long line, not the whole line", async () => {
    const long = join(tmp, "long.txt");
    writeFileSync(long, `${"Nội dung dài. ".repeat(100)}Thực hiện Kết luận số 93-NQ/TW. ${"Phần sau. ".repeat(100)}\n`);
    const lines = (await run(["check", long, "--severity", "error"])).stdout.split("\n");
    expect(lines[1]?.length).toBeLessThan(200);
    // An ellipsis, the 40 characters before the span, the span, 40 characters after it, an ellipsis.
    expect(lines[1]).toMatch(/^ {2}….{40}Kết luận số 93-NQ\/TW.{40}…$/u);
    expect(lines[2]).toBe(`  ${" ".repeat(41)}^${"~".repeat("Kết luận số 93-NQ/TW".length - 1)}`);
  });
});

describe("one CLI shape", () => {
  const dir = join(tmp, "corpus");
  mkdirSync(join(dir, "sub"), { recursive: true });
  writeFileSync(join(dir, "a.txt"), "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;\n");
  writeFileSync(join(dir, "sub", "b.txt"), "Thực hiện Kết luận số 93-NQ/TW của Bộ Chính trị.\n");
  writeFileSync(join(dir, "notes.md"), "Nghị định số 1/2020/NĐ-CP\n");

  it("extract and check read the .txt files under a directory, as graph does", async () => {
    const extracted = JSON.parse((await run(["extract", dir])).stdout);
    expect(extracted.map((r: { file: string }) => r.file)).toEqual([join(dir, "a.txt"), join(dir, "sub", "b.txt")]);
    expect(extracted[0].citations[0].key).toBe("30/2020/NĐ-CP");
    const checked = await run(["check", dir, "--format", "json"]);
    expect(checked.status).toBe(1);
    expect(JSON.parse(checked.stdout).map((r: { file: string }) => r.file)).toEqual([join(dir, "a.txt"), join(dir, "sub", "b.txt")]);
    expect(checked.stderr).toBe("vncite: 1 error, 0 warnings in 2 files\n");
  });

  it("reads only a directory's own files with --no-recursive", async () => {
    for (const command of ["extract", "doc", "check"]) {
      const r = await run([command, dir, "--no-recursive", "--format", "json"]);
      expect(JSON.parse(r.stdout).map((x: { file: string }) => x.file), command).toEqual([join(dir, "a.txt")]);
    }
  });

  it("gives extract's JSON one shape for one file or several: [{ file, citations }]", async () => {
    const one = JSON.parse((await run(["extract", join(dir, "a.txt")])).stdout);
    const two = JSON.parse((await run(["extract", join(dir, "a.txt"), join(dir, "sub", "b.txt")])).stdout);
    expect(Object.keys(one[0])).toEqual(["file", "citations"]);
    expect(two[0]).toEqual(one[0]);
    expect(two).toHaveLength(2);
  });

  it("writes extract --format text, one citation a line, and a header row in the table", async () => {
    const text = await run(["extract", join(dir, "a.txt"), "--format", "text"]);
    expect(text.stdout).toBe(`${join(dir, "a.txt")}:1:8: 30/2020/NĐ-CP (Nghị định, 2020-03-05, Chính phủ)\n`);
    const table = await run(["extract", join(dir, "a.txt"), "--format", "table"]);
    expect(table.stdout.split("\n")[0]).toBe("place\tkey\tkind\tdate\tissued by\tdiagnostics");
  });

  it("doc takes several files: an array of { file, document }, a summary under each name", async () => {
    const json = JSON.parse((await run(["doc", join(dir, "a.txt"), seed])).stdout);
    expect(json.map((r: { file: string }) => r.file)).toEqual([join(dir, "a.txt"), seed]);
    expect(json[1].document.type.value).toBe("Kế hoạch");
    const text = (await run(["doc", join(dir, "a.txt"), seed, "--format", "text"])).stdout;
    expect(text.startsWith(`== ${join(dir, "a.txt")}\ndocument   `)).toBe(true);
    expect(text).toContain(`\n\n== ${seed}\ndocument   `);
  });

  it("gives query's text output a header row", async () => {
    const out = join(tmp, "g.json");
    expect((await run(["graph", join(root, "fixtures"), "--no-recursive", "--out", out, "--jobs", "1"])).status).toBe(0);
    const most = (await run(["query", out, "most-cited", "2"])).stdout.split("\n");
    expect(most[0]).toBe("key\tcited by\tmentions\ttitle");
    expect(most[1]).toMatch(/^\S+\t\d+\t\d+\t$/); // 20-NQ/TW, a resolution of the Party: no title
    const citedBy = (await run(["query", out, "cited-by", "93-KL/TW"])).stdout.split("\n");
    expect(citedBy[0]).toBe("from\trelation\tto\tmentions\tstated by");
  });
});
