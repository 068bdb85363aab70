// Issue 26, the CLI's files: --out written whole or not at all, checked before the work, never an input; a full
// disk in one line; an unreadable directory skipped and said; a graph file cut short refused by query.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/cli.js";
import { decodingFailure } from "../src/cli/tasks.js";

const seeds = join(import.meta.dirname, "..", "fixtures");
const SEED = join(seeds, "004_174a28dc88bcd672.txt");

async function run(args: string[], stdout: { write(s: string): unknown } | null = null) {
  let out = "";
  let stderr = "";
  const status = await main(args, {
    stdout: stdout ?? { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: () => "",
    stdinIsTTY: true,
  });
  return { status, stdout: out, stderr };
}

/** A corpus of two texts in a fresh directory. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "vncite-out-"));
  writeFileSync(join(dir, "a.txt"), readFileSync(SEED, "utf8"));
  writeFileSync(join(dir, "b.txt"), "Căn cứ Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Bộ Chính trị;\n");
  return dir;
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("--out written whole or not at all (item 1)", () => {
  it("leaves no temporary file, and the previous file whole when the run fails", async () => {
    const dir = corpus();
    const out = join(dir, "g.jsonl");
    expect((await run(["graph", dir, "--format", "jsonl", "--out", out])).status).toBe(0);
    const good = readFileSync(out, "utf8");
    expect(good.trimEnd().split("\n").at(-1)).toMatch(/^\{"type":"end","documents":2,/);
    expect(leftovers(dir)).toEqual([]);
    // Nothing to read: the run stops before writing, and g.jsonl stays as it was.
    const empty = mkdtempSync(join(tmpdir(), "vncite-empty-"));
    writeFileSync(join(empty, "x.txt"), new Uint8Array([0xff, 0xfe, 0x00]));
    const failed = await run(["graph", empty, "--format", "jsonl", "--out", out]);
    expect(failed.status).toBe(2);
    expect(readFileSync(out, "utf8")).toBe(good);
    expect(leftovers(dir)).toEqual([]);
  });

  it("makes query refuse a JSON Lines graph cut at a line's end, and a JSON graph cut anywhere, saying so", async () => {
    const dir = corpus();
    const lines = join(dir, "g.jsonl");
    const json = join(dir, "g.json");
    await run(["graph", dir, "--format", "jsonl", "--out", lines]);
    await run(["graph", dir, "--out", json]);
    const all = readFileSync(lines, "utf8").split("\n");
    writeFileSync(lines, `${all.slice(0, Math.floor(all.length / 2)).join("\n")}\n`);
    const cut = await run(["query", lines, "missing"]);
    expect(cut.status).toBe(2);
    expect(cut.stderr).toMatch(/without its closing line.*cut short/);
    const text = readFileSync(json, "utf8");
    writeFileSync(json, text.slice(0, Math.floor(text.length / 2)));
    const cutJson = await run(["query", json, "missing"]);
    expect(cutJson.status).toBe(2);
    expect(cutJson.stderr).toMatch(/not JSON: the text ends before the JSON does \(cut short\?\)/);
  });

  it("writes the JSON form a line at a time, the same bytes as before", async () => {
    const dir = corpus();
    const { stdout } = await run(["graph", dir]);
    expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout), null, 1)}\n`);
  });
});

describe("--out checked before the work (items 10, 12)", () => {
  it("refuses an input of the run as --out, and leaves it as it was", async () => {
    const dir = corpus();
    const input = join(dir, "a.txt");
    const before = readFileSync(input, "utf8");
    const r = await run(["graph", input, join(dir, "b.txt"), "--out", input]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`vncite: --out ${input}: is an input of this run (${input}); name another file\n`);
    const link = join(dir, "link.json");
    symlinkSync(input, link);
    expect((await run(["graph", dir, "--out", link])).stderr).toMatch(/is an input of this run/);
    expect(readFileSync(input, "utf8")).toBe(before);
  });

  it("writes through a symbolic link to a file not made yet, and keeps the link", async () => {
    const dir = corpus();
    const link = join(dir, "graph.json");
    symlinkSync(join(dir, "made.json"), link);
    expect((await run(["graph", dir, "--out", link])).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "made.json"), "utf8")).format).toBe("vncite-graph");
    expect(readdirSync(dir).sort()).toEqual(["a.txt", "b.txt", "graph.json", "made.json"]);
  });

  it.runIf(existsSync("/proc/version"))("refuses /proc/version before reading anything", async () => {
    const r = await run(["graph", corpus(), "--out", "/proc/version"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^vncite: --out \/proc\/version: cannot (be written|write in \/proc)/);
  });
});

describe("a full disk (item 16)", () => {
  it.runIf(existsSync("/dev/full"))("--out /dev/full: one line, exit 1", async () => {
    const r = await run(["graph", corpus(), "--format", "jsonl", "--out", "/dev/full"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("vncite: --out /dev/full: cannot write (no space left on device)\n");
  });

  it("standard output that fails: one line, exit 1", async () => {
    const full = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }));
      },
    });
    full.on("error", () => {});
    const r = await run(["graph", corpus(), "--format", "jsonl"], full);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("vncite: cannot write the output (no space left on device)\n");
  });
});

describe("an unreadable directory and a file that is not text (items 11, 19)", () => {
  it("skips a directory it cannot read, says so, and reads the rest (exit 1); refuses a read-only --out up front", () => {
    const dir = corpus();
    const locked = join(dir, "lost+found");
    mkdirSync(locked);
    writeFileSync(join(locked, "c.txt"), "Căn cứ Kết luận số 1-KL/TW.");
    chmodSync(locked, 0o000);
    chmodSync(dir, 0o777);
    // Root reads any directory: the run is made as nobody then (the CLI from source, through tsx).
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const tsx = join(import.meta.dirname, "..", "node_modules", "tsx", "dist", "cli.mjs");
    const cli = join(import.meta.dirname, "..", "src", "cli", "bin.ts");
    const options = { encoding: "utf8" as const, ...asNobody, env: { ...process.env, HOME: tmpdir() } };
    const r = spawnSync(process.execPath, [tsx, cli, "graph", dir, "--format", "jsonl"], options);
    chmodSync(locked, 0o755);
    expect(r.stderr).toBe(`vncite: ${locked}: cannot read the directory (permission denied); skipped\n`);
    expect(r.status).toBe(1);
    expect(r.stdout.split("\n").filter((l) => l.startsWith('{"type":"document"')).map((l) => JSON.parse(l).id)).toEqual(["a.txt", "b.txt"]);
    // Item 12: an --out file that cannot be written is said before the work, not after it.
    const readOnly = join(dir, "read-only.json");
    writeFileSync(readOnly, "kept");
    chmodSync(readOnly, 0o444);
    const refused = spawnSync(process.execPath, [tsx, cli, "graph", dir, "--out", readOnly], options);
    expect(refused.stderr).toBe(`vncite: --out ${readOnly}: cannot be written (permission denied)\n`);
    expect(refused.status).toBe(2);
    expect(readFileSync(readOnly, "utf8")).toBe("kept");
  }, 60_000);

  it("says `not UTF-8 text` only for bytes that are not, and names a text too long for one string", () => {
    let notUtf8: unknown;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0xff]));
    } catch (e) {
      notUtf8 = e;
    }
    let tooLong: unknown;
    try {
      "x".repeat(2 ** 30);
    } catch (e) {
      tooLong = e;
    }
    expect(decodingFailure(notUtf8, 1)).toBe("not UTF-8 text");
    expect(decodingFailure(tooLong, 600 * 2 ** 20)).toBe("too large to read as one text (600 MiB; a text holds at most 512 Mi characters): split it");
  });
});
