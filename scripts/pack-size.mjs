// CI's check of what `npm pack` would publish (run after `npm run build`): the packed and unpacked sizes against a
// budget, printed; no source map, no TypeScript source, no tarball; the licence notices present.
import { execFileSync } from "node:child_process";

/** Bytes. The 0.2.0 tarball is ~625 kB packed, ~2.7 MB unpacked (gazetteer, statutes catalogue, PostgreSQL path):
 * room for data tables to grow, well under 1 MB, not for a regression such as maps or a second copy of the code. */
export const BUDGET = { packed: 700_000, unpacked: 3_000_000 };
const REQUIRED = ["package.json", "README.md", "LICENSE", "CHANGELOG.md", "dist/THIRD-PARTY-NOTICES.md", "dist/index.js", "dist/index.cjs", "dist/cli.js"];

/** The problems with a `npm pack --json` entry (none: publishable). */
export function packProblems({ size, unpackedSize, files }) {
  const paths = files.map((f) => f.path);
  return [
    ...(size > BUDGET.packed ? [`packed ${size} B is over the budget of ${BUDGET.packed} B`] : []),
    ...(unpackedSize > BUDGET.unpacked ? [`unpacked ${unpackedSize} B is over the budget of ${BUDGET.unpacked} B`] : []),
    ...paths.filter((p) => /\.map$|^src\/|\.tgz$|(^|\/)metafile-/.test(p)).map((p) => `${p} should not be published`),
    ...REQUIRED.filter((p) => !paths.includes(p)).map((p) => `${p} is missing`),
  ];
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  const kb = (n) => `${(n / 1000).toFixed(0)} kB`;
  console.log(`npm pack: ${kb(pack.size)} packed (budget ${kb(BUDGET.packed)}), ${kb(pack.unpackedSize)} unpacked (budget ${kb(BUDGET.unpacked)}), ${pack.entryCount} files`);
  const problems = packProblems(pack);
  for (const p of problems) console.error(`pack-size: ${p}`);
  if (problems.length > 0) process.exit(1);
}
