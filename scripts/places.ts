// npm run places -- [--rebuild <dvhcvn.json>]: checks grammar/places.json, or rebuilds its generated part.
//
// The provinces and their districts come from the GSO list (danhmuchanhchinh.gso.gov.vn) as published in
// daohoangson/dvhcvn data/dvhcvn.json (see "sources" in the table: repo, path, commit, date of the list). With
// --rebuild, the provinces' names, units and codes and the districts are taken again from such a file; what was
// written by hand (the 2025 mergers, spellings in use, names of the past) is kept from the table as it stands.
// Without it, the table is checked: every entry names a known source, every merger and successor is a province,
// no two names of one level fold to the same words, every spelling folds to no other place's name.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const file = join(import.meta.dirname, "..", "grammar", "places.json");

interface Province {
  name: string;
  unit: string;
  code?: string;
  spellings?: string[];
  mergedInto?: string | null;
  /** The sources of its facts: the list it comes from, the merger, the spellings. */
  source: string[];
}
interface Former {
  name: string;
  unit: string;
  until: string;
  became: string[];
  spellings?: string[];
  source: string;
}
interface Table {
  $comment: string;
  sources: Record<string, Record<string, string>>;
  units: { word: string; level: string; abbreviations: string[] }[];
  /** A unit word and a name in one word (`TPHCM`). */
  combined: { form: string; unit: string; name: string; source: string }[];
  provinces: Province[];
  former: Former[];
  districts: Record<string, string[]>;
  $comment_districts?: string;
}

// New tone placement (`Hoà` → `Hòa`): the table spells names as the 2017 standard and the Party's texts do.
const newTones = (s: string) =>
  s.normalize("NFC").replace(/oà/g, "òa").replace(/oá/g, "óa").replace(/oả/g, "ỏa").replace(/oạ/g, "ọa").replace(/oã/g, "õa").replace(/uỷ/g, "ủy").replace(/Oà/g, "Òa");
const strip = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/[\s-]+/g, " ").trim();

/** `Thành phố Hà Nội` → { unit: `thành phố`, name: `Hà Nội` }. */
function split(full: string): { unit: string; name: string } {
  const m = /^(thành phố|tỉnh|quận|huyện|thị xã)\s+(.+)$/i.exec(full.trim());
  if (!m) throw new Error(`places: no unit word in "${full}"`);
  return { unit: (m[1] as string).toLowerCase(), name: newTones(m[2] as string) };
}

function rebuild(table: Table, gsoFile: string): Table {
  const data = JSON.parse(readFileSync(gsoFile, "utf8")) as { data: { level1_id: string; name: string; level2s: { name: string }[] }[] };
  const byName = new Map(table.provinces.map((p) => [p.name, p]));
  const provinces: Province[] = [];
  const districts: Record<string, string[]> = {};
  for (const p of data.data) {
    const { unit, name } = split(p.name);
    const old = byName.get(name);
    const spellings = old?.spellings ?? [];
    const mergedInto = old?.mergedInto ?? null;
    const source = ["gso", ...(mergedInto ? ["nq60-2025"] : []), ...(spellings.length > 0 ? ["usage"] : [])];
    provinces.push({ name, unit, code: p.level1_id, spellings, mergedInto, source });
    districts[name] = p.level2s.map((d) => {
      const s = split(d.name);
      return `${s.unit} ${s.name}`;
    });
  }
  return { ...table, provinces, districts };
}

function check(table: Table): string[] {
  const errors: string[] = [];
  const sources = new Set(Object.keys(table.sources));
  const names = new Set(table.provinces.map((p) => p.name));
  const folded = new Map<string, string>();
  const see = (form: string, owner: string) => {
    const k = strip(form);
    const other = folded.get(k);
    if (other !== undefined && other !== owner) errors.push(`"${form}" (${owner}) folds like a name of ${other}`);
    folded.set(k, owner);
  };
  for (const p of table.provinces) {
    for (const s of p.source) if (!sources.has(s)) errors.push(`${p.name}: unknown source ${s}`);
    if (p.mergedInto && !p.source.includes("nq60-2025")) errors.push(`${p.name}: a merger with no source`);
    if (p.mergedInto && !names.has(p.mergedInto)) errors.push(`${p.name}: merged into unknown ${p.mergedInto}`);
    if (p.mergedInto && table.provinces.find((q) => q.name === p.mergedInto)?.mergedInto) errors.push(`${p.name}: merged into a merged province`);
    see(p.name, p.name);
    for (const s of p.spellings ?? []) see(s, p.name);
  }
  for (const f of table.former) {
    if (!sources.has(f.source)) errors.push(`${f.name}: unknown source ${f.source}`);
    for (const b of f.became) if (!names.has(b)) errors.push(`${f.name}: became unknown ${b}`);
    see(f.name, f.name);
  }
  for (const c of table.combined) {
    if (!sources.has(c.source)) errors.push(`${c.form}: unknown source ${c.source}`);
    if (!table.provinces.some((p) => p.name === c.name && p.unit === c.unit)) errors.push(`${c.form}: no ${c.unit} ${c.name}`);
  }
  const survivors = table.provinces.filter((p) => !p.mergedInto).length;
  if (table.provinces.length !== 63 || survivors !== 34) errors.push(`63 provinces before 1 July 2025 and 34 after expected: ${table.provinces.length}, ${survivors}`);
  for (const [province, list] of Object.entries(table.districts)) {
    if (!names.has(province)) errors.push(`districts of unknown province ${province}`);
    const seen = new Set<string>();
    for (const d of list) {
      if (!table.units.some((u) => d.startsWith(`${u.word} `))) errors.push(`${province}: "${d}" has no unit word`);
      if (seen.has(strip(d))) errors.push(`${province}: "${d}" twice`);
      seen.add(strip(d));
    }
  }
  return errors;
}

/** One line per entry (a province, a former name, a province's districts): a diff shows what changed. */
function format(t: Table): string {
  const entries = (xs: unknown[]) => `[\n${xs.map((x) => `  ${JSON.stringify(x)}`).join(",\n")}\n ]`;
  const object = (o: Record<string, unknown>) => `{\n${Object.entries(o).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n }`;
  const parts = Object.entries(t).map(([k, v]) => {
    const value = Array.isArray(v) ? entries(v) : typeof v === "object" && v !== null ? object(v as Record<string, unknown>) : JSON.stringify(v);
    return ` ${JSON.stringify(k)}: ${value}`;
  });
  return `{\n${parts.join(",\n")}\n}\n`;
}

const table = JSON.parse(readFileSync(file, "utf8")) as Table;
const at = process.argv.indexOf("--rebuild");
if (at >= 0) {
  const next = rebuild(table, process.argv[at + 1] as string);
  writeFileSync(file, format(next));
}
const errors = check(JSON.parse(readFileSync(file, "utf8")) as Table);
for (const e of errors) console.error(e);
console.log(errors.length === 0 ? "grammar/places.json: ok" : `grammar/places.json: ${errors.length} problems`);
process.exitCode = errors.length === 0 ? 0 : 1;
