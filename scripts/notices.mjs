// After `tsup`: dist/THIRD-PARTY-NOTICES.md, the licence of every package whose code the build put in dist/
// (read from the metafiles esbuild wrote, which are then deleted: they are not for the tarball). A bundled
// package without a licence file stops the build. test/notices.test.ts checks the list against a fresh bundle.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The packages (name → folder) a metafile's outputs hold code of, sorted by name. */
export function bundledPackages(metafile) {
  const found = new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      const at = file.lastIndexOf("node_modules/");
      if (at < 0) continue;
      const rest = file.slice(at + "node_modules/".length).split("/");
      const name = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
      found.set(name, join(root, file.slice(0, at), "node_modules", name));
    }
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

/** One package's section: name, version, licence id, home page and the full text of its licence file(s). */
export function noticeFor(name, folder) {
  const pkg = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  const files = readdirSync(folder).filter((f) => /^(licen[cs]e|copying|notice)(\.|$)/i.test(f)).sort();
  if (files.length === 0) throw new Error(`${name}: bundled, but no licence file in ${folder}`);
  const home = typeof pkg.repository === "string" ? pkg.repository : (pkg.repository?.url ?? pkg.homepage ?? "");
  const texts = files.map((f) => readFileSync(join(folder, f), "utf8").replace(/\r\n?/g, "\n").trim());
  return [`## ${name} ${pkg.version} (${pkg.license})`, "", home, "", ...texts.map((t) => `\`\`\`\n${t}\n\`\`\``)].join("\n");
}

/** The whole notice file for the given packages. */
export function notices(packages) {
  const head = "# Third-party notices\n\nvncite's files in dist/ include code of the packages below, under their own licences.";
  return `${[head, ...[...packages].map(([name, folder]) => noticeFor(name, folder))].join("\n\n")}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = join(root, "dist");
  const metafiles = readdirSync(dist).filter((f) => /^metafile-.*\.json$/.test(f));
  if (metafiles.length === 0) throw new Error("no metafile in dist/: run tsup (metafile: true) first");
  const packages = new Map();
  for (const f of metafiles) {
    for (const [name, folder] of bundledPackages(JSON.parse(readFileSync(join(dist, f), "utf8")))) packages.set(name, folder);
    rmSync(join(dist, f));
  }
  const sorted = new Map([...packages].sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(dist, "THIRD-PARTY-NOTICES.md"), notices(sorted));
  console.log(`dist/THIRD-PARTY-NOTICES.md: ${[...sorted.keys()].join(", ")}`);
  if (!existsSync(join(dist, "index.js"))) throw new Error("dist/index.js missing");
}
