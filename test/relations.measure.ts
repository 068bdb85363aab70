// Measures relations against the hand-read set (test/relations.gold.json): `npx tsx test/relations.measure.ts`
// (V=1 lists each miss). Document-level accuracy over cited documents, stated-relation recall and precision, on clean
// text, on the same texts with decomposed diacritics and `Ð` for `Đ`, and on copies without any marks.
import { MEASURED_VARIANTS, scoreGold } from "./helpers/relations-gold.js";

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`;
for (const [name, vary] of MEASURED_VARIANTS) {
  for (const set of ["build", "held", "held2", "held3", "held4"]) {
    const s = scoreGold([set], vary, process.env.V ? (line) => console.log(`  ${name} ${line}`) : undefined);
    console.log(`${name.padEnd(6)} ${set.padEnd(5)} document-level ${pct(s.right, s.total)}  stated recall ${pct(s.found, s.expected)}  precision ${pct(s.correct, s.given)}`);
  }
}
