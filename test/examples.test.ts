// The programs in examples/ run, and print what the texts say (each expected line read against the fixture):
// first from the source in this process (`vncite` mapped to src/ by vitest.config.ts), then as a user gets them: the
// package packed, installed in a fresh project, each example type-checked under `node16` and `bundler` module
// resolution and run with node. The second part is slow (a build when dist/ is older than src/, npm pack, npm
// install, two tsc runs): 15–50 s on a loaded machine, once for all the examples.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const root = join(import.meta.dirname, "..");
const fixtures = join(root, "fixtures");
const draft = join(fixtures, "004_174a28dc88bcd672.txt");
const EXAMPLES = ["extract-to-csv", "check-draft", "graph", "annotate-html", "resolve-references"] as const;
type Example = (typeof EXAMPLES)[number];
const ARGS: Record<Example, string[]> = {
  "extract-to-csv": [fixtures],
  "check-draft": [draft, join(fixtures, "registry.csv")],
  graph: [fixtures],
  "annotate-html": [draft],
  "resolve-references": [draft],
};

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
const run = (command: string, args: string[], cwd = root): Run => {
  const r = spawnSync(command, args, { cwd, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** What each example must print, checked by hand against the fixture texts. */
function expectRightOutput(example: Example, { status, stdout, stderr }: Run) {
  expect(stderr, example).toBe("");
  const lines = stdout.split("\n");
  switch (example) {
    case "extract-to-csv":
      expect(status).toBe(0);
      expect(lines[0]).toBe("file,line,column,key,kind,date,issuedBy");
      // 000 line 5, from column 315: "Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng".
      expect(lines).toContain("000_1db0ab688705c645.txt,5,315,20-NQ/TW,Nghị quyết,2012-11-01,Ban Chấp hành Trung ương Đảng");
      // 000 line 2: "Thực hiện Công văn số 1895/MTTQ-BTT, ngày 08/6/2022 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh".
      expect(lines).toContain("000_1db0ab688705c645.txt,2,11,1895/MTTQ-BTT,Công văn,2022-06-08,Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh");
      break;
    case "check-draft":
      // 004 line 57, column 74: "Kết luận số 93-NQ/TW": the word says KL, the code NQ: an error, so exit code 1.
      expect(status).toBe(1);
      expect(lines).toContain(`::error file=${draft},line=57,col=74,title=type-code-mismatch::The type word "Kết luận" does not match the type code NQ (Nghị quyết).`);
      // 004 line 9, column 11: "Kế hoạch số 25-KH/TU", which fixtures/registry.csv does not list.
      expect(lines).toContain(`::warning file=${draft},line=9,col=11,title=not-in-registry::25-KH/TU is not in the registry.`);
      break;
    case "graph":
      expect(status).toBe(0);
      // 20-NQ/TW is cited in 000 and 001 (13 mentions in all).
      expect(lines.slice(0, 2)).toEqual(["most cited:", "  20-NQ/TW: cited by 2 document(s), 13 mention(s)"]);
      expect(lines).toContain("  000_1db0ab688705c645.txt (mentions)");
      expect(stdout).toMatch(/^saved: \d+ characters of JSON; read back: \d+ nodes$/m);
      break;
    case "annotate-html":
      expect(status).toBe(0);
      expect(stdout).toMatch(/^<!doctype html>/);
      expect(stdout).toContain('<a class="citation" href="#25-KH%2FTU" title="25-KH/TU">Kế hoạch số 25-KH/TU, ngày 19/4/2021 của Ban Thường vụ Tỉnh ủy</a>');
      expect(stdout).toContain('<span class="vncite-error" data-code="type-code-mismatch">');
      break;
    case "resolve-references":
      expect(status).toBe(0);
      // 004 cites 93-KL/TW on lines 7, 9 (twice), 15, 21, 23, 31, 53, 55 (twice), 57 (twice), 59; 42-CT/TW on 7, 9,
      // 15, 17, 31, 41, 59; 25-KH/TU on 9, 21, 23, 31, 59 (test/resolve.test.ts reads them line by line).
      expect(lines.slice(0, 3)).toEqual(["93-KL/TW: 13 reference(s)", "42-CT/TW: 7 reference(s)", "25-KH/TU: 5 reference(s)"]);
      // Line 9 defines it: `(sau đây gọi tắt là Kết luận số 93)`; lines 15, 21, 23 use the short name.
      expect(lines).toContain("line 15: Kết luận số 93 của Ban Bí thư → 93-KL/TW (definition)");
      // Line 57: `Kết luận số 93-NQ/TW`, the code contradicting the word, read as the text's 93-KL/TW.
      expect(lines).toContain("line 57: Kết luận số 93-NQ/TW của Ban Bí thư → 93-KL/TW (definition; inconsistent-citation)");
      break;
  }
}

/** Runs an example in this process (`vncite` is src/ here, vitest.config.ts): its argv, console.log and exit code. */
async function runHere(example: Example): Promise<Run> {
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
  const [argv, exitCode] = [process.argv, process.exitCode];
  process.argv = [process.execPath, example, ...ARGS[example]];
  process.exitCode = undefined;
  try {
    await import(`../examples/${example}.ts`);
    return { status: Number(process.exitCode ?? 0), stdout: `${out.join("\n")}\n`, stderr: "" };
  } finally {
    [process.argv, process.exitCode] = [argv, exitCode];
    log.mockRestore();
  }
}

describe("the examples, run from the source", () => {
  it.each(EXAMPLES)("%s", async (example) => {
    expectRightOutput(example, await runHere(example));
  });
});

describe("the examples, in a fresh project that installed the packed tarball", () => {
  const dir = mkdtempSync(join(tmpdir(), "vncite-install-"));
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

  beforeAll(() => {
    const newest = (d: string): number =>
      Math.max(...readdirSync(d, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(d, e.name)) : statSync(join(d, e.name)).mtimeMs)));
    const built = (() => {
      try {
        return statSync(join(root, "dist", "index.js")).mtimeMs;
      } catch {
        return 0;
      }
    })();
    if (built < Math.max(newest(join(root, "src")), newest(join(root, "grammar")))) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
    const tarball = execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", dir], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n").at(-1) as string;
    const app = join(dir, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    // No registry is needed: vncite has no dependency (zod is an optional peer, and not installed here).
    execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", join(dir, tarball)], { cwd: app, stdio: "ignore" });
    for (const example of EXAMPLES) copyFileSync(join(root, "examples", `${example}.ts`), join(app, `${example}.ts`));
    const common = { strict: true, target: "ES2022", lib: ["ES2022"], types: ["node"], typeRoots: [join(root, "node_modules", "@types")], skipLibCheck: true };
    // vncite's own declarations are checked alone (skipLibCheck false, no @types/node, no DOM, no zod installed:
    // an import they make that does not resolve is an error), the examples against them with the rest skipped.
    mkdirSync(join(app, "decl"));
    writeFileSync(join(app, "decl", "api.ts"), 'import type * as main from "vncite";\nimport type * as node from "vncite/node";\nexport type Api = [typeof main, typeof node];\n');
    writeFileSync(join(app, "tsconfig.decl.json"), JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", lib: ["ES2022"], types: [], module: "node16", moduleResolution: "node16", noEmit: true, skipLibCheck: false }, files: ["decl/api.ts"] }));
    writeFileSync(join(app, "tsconfig.node16.json"), JSON.stringify({ compilerOptions: { ...common, module: "node16", moduleResolution: "node16", outDir: "out" }, include: ["*.ts"] }));
    writeFileSync(join(app, "tsconfig.bundler.json"), JSON.stringify({ compilerOptions: { ...common, module: "esnext", moduleResolution: "bundler", noEmit: true }, include: ["*.ts"] }));
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("type-checks the published declarations alone, then every example under node16 and bundler resolution", () => {
    const app = join(dir, "app");
    for (const config of ["tsconfig.decl.json", "tsconfig.node16.json", "tsconfig.bundler.json"]) {
      const r = run(process.execPath, [tsc, "-p", config], app);
      expect(r.stdout + r.stderr, config).toBe("");
      expect(r.status, config).toBe(0);
    }
  });

  it.each(EXAMPLES)("runs %s, compiled, on the installed package", (example) => {
    expectRightOutput(example, run(process.execPath, [join(dir, "app", "out", `${example}.js`), ...ARGS[example]]));
  });
});
