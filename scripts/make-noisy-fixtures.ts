// Writes fixtures/noisy/<seed>.txt: the four seeds with the mixed noise of test/noise.ts at the default level,
// generator seed 2026. Run once; the files are committed and their expected output checked by hand.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../src/index.js";
import { noisy, random } from "../test/noise.js";

const dir = join(import.meta.dirname, "..", "fixtures");
for (const seed of ["000_1db0ab688705c645", "001_57220ce583489b87", "002_279a46a1877946ee", "004_174a28dc88bcd672"]) {
  const clean = readFileSync(join(dir, `${seed}.txt`), "utf8");
  writeFileSync(join(dir, "noisy", `${seed}.txt`), noisy(clean, extract(clean), random(2026)));
}
