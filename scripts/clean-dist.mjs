// Empties dist/ before the builds of tsup.config.ts, none of which cleans: two builds cleaning one folder race.
import { rmSync } from "node:fs";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
