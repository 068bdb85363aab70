// npm run statutes -- build|check: rebuilds grammar/statutes.json from public material, or checks the file.
//
// Sources (facts only; no code or prose is carried over), each read with `git show <commit>:<path>` from a
// snapshot of its repository (the search tool's `fetch`), the directory given by the environment variable named
// in SOURCES:
//  - johnPa02/thuvienphapluat-crawler: the texts of laws as published on thuvienphapluat.vn. A law's header
//    carries its number, title and date; its last article its date in force and the laws it ends ("… hết hiệu
//    lực"); its articles `Sửa đổi, bổ sung … của Luật X số …` the laws it amends. Laws cited in any text of the
//    snapshot with number, title and date add entries of their own (number, title, date passed).
//  - diepxuan/diepxuan.github.io, van-ban/**.md: the Bộ pháp điển (the official codification) as pages; each
//    article ends with the note that gives its source: `(Điều 1 Bộ luật số 91/2015/QH13 Dân sự ngày 24/11/2015
//    của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2017)`: number, title, date passed, date in force.
//  - Ansvar-Systems/vietnamese-law-mcp, data/census.json: a curated list of 93 laws and codes with number,
//    title, date issued and date in force.
// `check` verifies the file's invariants (also a test: test/statutes-catalogue.test.ts).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../src/index.js";
import { catalogueProblems, wellFormedNumber, type Statute as Catalogued, type StatuteSource } from "../src/extract/statute-catalogue.js";
import { foldName } from "../src/tables.js";

const OUT = join(import.meta.dirname, "..", "grammar", "statutes.json");

interface Repo {
  repo: string;
  commit: string;
  env: string;
}
const CRAWLER: Repo = { repo: "johnPa02/thuvienphapluat-crawler", commit: "295a21eea80419a9728c1a4d1631bf45b2ad9b3a", env: "STATUTES_CRAWLER_GIT" };
const PHAPDIEN: Repo = { repo: "diepxuan/diepxuan.github.io", commit: "fbaa690e1c9ff35deabbf5e9a8b8830ce3d54048", env: "STATUTES_PHAPDIEN_GIT" };
const CENSUS: Repo = { repo: "Ansvar-Systems/vietnamese-law-mcp", commit: "dc9ac73e9ca843ff62b75b42cfcc6158ee7d61f0", env: "STATUTES_CENSUS_GIT" };

const REPOS = [CRAWLER, CENSUS, PHAPDIEN];
/** A source while building: the repository and commit spelt out (the file keeps an index into its list). */
type Src = Omit<StatuteSource, "from"> & { repo: string; commit: string };
type Statute = Omit<Catalogued, "sources"> & { sources: Src[] };
const git = (r: Repo, ...args: string[]) => {
  const dir = process.env[r.env];
  if (!dir) throw new Error(`set ${r.env} to a git directory holding ${r.repo} at ${r.commit}`);
  return execFileSync("git", ["--git-dir", dir, "-c", "core.quotepath=off", ...args], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] });
};
const show = (r: Repo, path: string) => git(r, "show", `${r.commit}:${path}`);

const KINDS = ["Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp", "Nghị quyết"] as const;
const NUMBER = /^\d{1,3}\/\d{4}\/(?:QH|UBTVQH|PL-UBTVQH)\d{1,2}$|^\d{1,3}-?[A-ZĐ]+\/(?:CTN|QH\d*|UBTVQH\d*)$/;

const iso = (d: string, m: string, y: string) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
const DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/;

/** `LUẬT TỔ CHỨC CHÍNH PHỦ` or `Luật Doanh nghiệp 2014` → kind and title; null when the kind is none of ours. */
function split(name: string): { kind: (typeof KINDS)[number]; title: string } | null {
  const s = name.replace(/\s+/g, " ").trim();
  for (const kind of KINDS) {
    if (s.toLowerCase().startsWith(`${kind.toLowerCase()} `)) return { kind, title: s.slice(kind.length + 1).trim() };
  }
  return null;
}

/** A title in capitals written as texts cite it: the first letter capital, the rest as the file's own name has it. */
function casedTitle(kind: string, caps: string, named: string | null): string {
  const spelt = spellings.get(foldName(`${kind} ${caps}`));
  if (spelt) return spelt;
  if (named && foldName(named) === foldName(caps)) return named;
  // Lower case but for identifiers (`số 31/2024/QH15`) and the laws named inside an amending law's title.
  const lower = caps.toLowerCase().replace(/\S*\d\S*/g, (w) => w.toUpperCase()).replace(/(?<=\s)(bộ luật|luật|pháp lệnh)(?=\s)/g, (w) => w.charAt(0).toUpperCase() + w.slice(1));
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
/** How texts spell each title they cite (folded kind and title → the spelling most often printed). */
const spellings = new Map<string, string>();

const entries = new Map<string, Statute>();
const cited: { number: string; kind: string; title: string; passed: string | null; source: Src }[] = [];

function add(e: Statute) {
  e.number = keyOf(e.number);
  const old = entries.get(e.number);
  if (!old) return void entries.set(e.number, e);
  // Two sources of one law: each field from the first that has it; every source kept.
  for (const k of ["passed", "inForce", "outOfForce", "replacedBy"] as const) old[k] ??= e[k];
  for (const k of ["replaces", "amends"] as const) old[k] = [...new Set([...old[k], ...e[k]])].sort();
  old.sources.push(...e.sources);
}

function blank(number: string, kind: string, title: string, source: Src): Statute {
  // Clean as vncite's own output: NFC, one plain space.
  title = title.normalize("NFC").replace(/\s+/g, " ").trim();
  return { number, kind, title, passed: null, inForce: null, outOfForce: null, replaces: [], replacedBy: null, amends: [], sources: [source] };
}

/** A law's own text: header (number, title, date), last article (in force, laws ended), amended laws. */
function readLawText(path: string) {
  const text = show(CRAWLER, path);
  // The portal's editorial notes in brackets (`[… được hướng dẫn bởi …]`) are no part of a title.
  const head = text.slice(0, 4000).replace(/\s*\[[^\]]*\]/g, "");
  const named = text.split("\n", 1)[0]!.replace(/\s+(?:sửa đổi\s+)?\d{4}$/, "").trim();
  const numberM = /(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết) số:\s*(\S+)/.exec(head);
  const titleM = /năm \d{4}\s+((?:BỘ LUẬT|LUẬT|PHÁP LỆNH)\s[^\n]+?)\s*\n/.exec(head);
  if (!numberM || !titleM) return;
  const number = numberM[1]!.replace(/[.;,]$/, "");
  const parts = split(titleM[1]!);
  if (!NUMBER.test(number) || !parts) return;
  const namedParts = split(named);
  const source: Src = { repo: CRAWLER.repo, path, commit: CRAWLER.commit, what: "text" };
  const e = blank(number, parts.kind, casedTitle(parts.kind, parts.title, namedParts?.title ?? null), source);
  // The date it was passed: the closing `… thông qua ngày …`, else the header's.
  const passed = /thông qua ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/.exec(text) ?? DATE.exec(head);
  if (passed) e.passed = iso(passed[1]!, passed[2]!, passed[3]!);
  const inForce = /(?:Bộ luật|Luật|Pháp lệnh) này có hiệu lực (?:thi hành )?(?:kể )?từ ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/.exec(text);
  if (inForce) e.inForce = iso(inForce[1]!, inForce[2]!, inForce[3]!);
  // Laws ended by this one: those cited by number in a sentence that says `hết hiệu lực`.
  const effect = inForce ? text.slice(inForce.index, inForce.index + 3000) : "";
  for (const sentence of effect.split(/(?<=[.;])\s/)) {
    if (!/hết hiệu lực/.test(sentence)) continue;
    for (const c of extract(sentence)) {
      if (!c.key || c.key === number || !isStatuteKey(c.key) || !c.title) continue;
      // `khoản 4 Điều 9 của Luật … hết hiệu lực`: a part of another law ends, not the law.
      const same = foldName(`${c.kind} ${c.title}`) === foldName(`${e.kind} ${e.title}`);
      // A law ends with its successor of the same title, or an ordinance with the law that takes it over.
      if (same || (c.kind !== e.kind && !/\b(?:Điều|điều|khoản|điểm)\s/.test(sentence.slice(0, c.start)))) e.replaces.push(c.key);
    }
  }
  // Laws it amends: `Điều 1. Sửa đổi, bổ sung một số điều của Luật X số …`.
  for (const m of text.matchAll(/\nĐiều \d+\.\s*Sửa đổi,? bổ sung[^\n]*/g)) {
    for (const c of extract(m[0])) if (c.key && c.key !== number && isStatuteKey(c.key) && c.title) e.amends.push(c.key);
  }
  e.replaces = [...new Set(e.replaces)].sort();
  e.amends = [...new Set(e.amends)].sort();
  add(e);
}

const isStatuteKey = (key: string) => NUMBER.test(key) && wellFormedNumber(key);


/** Laws cited with number, title and date in any text of the snapshot: `Luật Đất đai số 45/2013/QH13 ngày …`. */
function readCitations(path: string) {
  const text = show(CRAWLER, path);
  for (const c of extract(text)) {
    if (!c.key || !c.title || !c.kind || !isStatuteKey(c.key) || !["Luật", "Bộ luật", "Pháp lệnh"].includes(c.kind)) continue;
    if (/sửa đổi|bổ sung/i.test(c.title) && /\d/.test(c.title)) continue; // an amending title holding others' numbers
    cited.push({ number: c.key, kind: c.kind, title: c.title, passed: c.date, source: { repo: CRAWLER.repo, path, commit: CRAWLER.commit, what: "cited" } });
  }
}

// A codified article's source note (see above); `Luật số 29/2018/QH14 Luật Bảo vệ bí mật nhà nước` repeats the type word.
const NOTE = /\((?:Điều|Khoản|Điểm)[^()]*?\b(Bộ luật|Luật|Pháp lệnh) số (\S+?),? ([^()]*?) ngày (\d{1,2})\/(\d{1,2})\/(\d{4}) của [^,()]*, có hiệu lực thi hành kể từ ngày (\d{1,2})\/(\d{1,2})\/(\d{4})/g;

function readPhapDien(path: string) {
  let text: string;
  try {
    text = show(PHAPDIEN, path);
  } catch {
    return; // a page the snapshot lacks (files of 4 MiB and more are left out of snapshots)
  }
  for (const m of text.matchAll(NOTE)) {
    const [, kind, number, rawTitle, d, mo, y, fd, fm, fy] = m as unknown as string[];
    const key = keyOf(number!);
    if (!isStatuteKey(key)) continue;
    const title = rawTitle!.replace(new RegExp(`^${kind} (?=\\S+ \\S)`, "i"), "").trim();
    if (!title || /\d\/\d{4}\//.test(title)) continue;
    const e = blank(key, kind!, spellings.get(foldName(`${kind} ${title}`)) ?? title, { repo: PHAPDIEN.repo, path, commit: PHAPDIEN.commit, what: "codified" });
    e.passed = iso(d!, mo!, y!);
    e.inForce = iso(fd!, fm!, fy!);
    add(e);
  }
}

function readCensus() {
  const path = "data/census.json";
  const census = JSON.parse(show(CENSUS, path)) as {
    laws: { official_number: string; title: string; type: string; issued_date?: string; in_force_date?: string }[];
  };
  for (const law of census.laws) {
    const parts = split(law.title.replace(/\s+\d{4}$/, ""));
    if (!parts) continue;
    // The constitution has no number: texts cite it by name and year, which its name key already joins.
    const number = law.official_number;
    if (law.type === "constitution" || !NUMBER.test(number)) continue;
    const e = blank(number, parts.kind, spellings.get(foldName(law.title.replace(/\s+\d{4}$/, ""))) ?? parts.title, { repo: CENSUS.repo, path, commit: CENSUS.commit, what: "census" });
    e.passed = law.issued_date ?? null;
    e.inForce = law.in_force_date ?? null;
    add(e);
  }
}

/** The key a law's number takes in vncite (`06/2022/QH15` → `6/2022/QH15`): numbers are stored as keys. */
const keyOf = (n: string) => n.replace(/^0+(?=\d)/, "");

function build() {
  const files = git(CRAWLER, "ls-tree", "-r", "--name-only", CRAWLER.commit).split("\n").filter((f) => f.endsWith(".txt"));
  // One text of each law: the snapshot keeps copies of some under several folders.
  for (const f of files) readCitations(f);
  const counts = new Map<string, Map<string, number>>();
  for (const c of cited) {
    const k = foldName(`${c.kind} ${c.title}`);
    const m = counts.get(k) ?? new Map<string, number>();
    counts.set(k, m.set(c.title, (m.get(c.title) ?? 0) + 1));
  }
  // A title printed in capitals (a heading) is no spelling to show.
  for (const [k, m] of counts) {
    const capital = (t: string) => (t.charAt(0) === t.charAt(0).toUpperCase() ? 0 : 1);
    const best = [...m].filter(([t]) => t !== t.toUpperCase()).sort((a, b) => b[1] - a[1] || capital(a[0]) - capital(b[0]) || a[0].localeCompare(b[0]))[0];
    if (best) spellings.set(k, best[0]);
  }
  const seen = new Set<string>();
  for (const f of files) {
    const base = f.split("/").pop()!;
    if (/^(?:Bộ_luật|Luật|Pháp_lệnh)_/.test(base) && !seen.has(base)) {
      seen.add(base);
      readLawText(f);
    }
  }
  const codified = git(PHAPDIEN, "ls-tree", "-r", "--name-only", PHAPDIEN.commit, "--", "van-ban").split("\n");
  for (const f of codified) if (f.endsWith(".md") && !f.startsWith("van-ban/crawled/")) readPhapDien(f);
  readCensus();
  // Cited laws the texts and the census lack: the title most often printed with the number, its date.
  const byNumber = new Map<string, typeof cited>();
  for (const c of cited) byNumber.set(c.number, [...(byNumber.get(c.number) ?? []), c]);
  for (const [number, cs] of byNumber) {
    const counts = new Map<string, number>();
    for (const c of cs) counts.set(foldName(`${c.kind} ${c.title}`), (counts.get(foldName(`${c.kind} ${c.title}`)) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const pick = cs.find((c) => foldName(`${c.kind} ${c.title}`) === best && c.passed) ?? cs.find((c) => foldName(`${c.kind} ${c.title}`) === best)!;
    const e = blank(number, pick.kind, spellings.get(best) ?? casedTitle(pick.kind, pick.title, null), pick.source);
    e.passed = pick.passed;
    if (entries.has(number) || entries.has(keyOf(number))) {
      const old = entries.get(number) ?? entries.get(keyOf(number))!;
      old.passed ??= e.passed;
      if (!old.sources.some((s) => s.what === "cited")) old.sources.push(pick.source);
      continue;
    }
    add(e);
  }
  // Numbers as keys, and the replaced laws' end: the day their successor came into force.
  const out = new Map<string, Statute>();
  for (const e of entries.values()) out.set(keyOf(e.number), { ...e, number: keyOf(e.number), replaces: e.replaces.map(keyOf), amends: e.amends.map(keyOf) });
  // A number only cited, beside a law of the same title and number in another year that a better source holds,
  // is a typo of the text that cited it (`Luật Hải quan số 54/2013/QH13` for 54/2014/QH13).
  for (const e of [...out.values()]) {
    if (e.sources.some((s) => s.what !== "cited")) continue;
    const [n] = e.number.split("/");
    const twin = [...out.values()].find((o) => o !== e && o.number.split("/")[0] === n && foldName(o.title) === foldName(e.title) && o.sources.some((s) => s.what !== "cited"));
    if (twin) out.delete(e.number);
  }
  for (const e of out.values()) {
    for (const r of e.replaces) {
      const old = out.get(r);
      if (!old) continue;
      old.replacedBy ??= e.number;
      old.outOfForce ??= e.inForce;
    }
    // A reference to a law the file does not hold is dropped (the invariant: every amender and replaced law in the file).
    e.replaces = e.replaces.filter((r) => out.has(r));
    e.amends = e.amends.filter((r) => out.has(r));
  }
  // A date in force before the date passed (a retroactive ordinance, or a source's slip) is left out: the file
  // holds dates in order.
  for (const e of out.values()) {
    if (e.passed && e.inForce && e.inForce < e.passed) {
      console.warn(`${e.number}: in force ${e.inForce} before passed ${e.passed}: in force left out`);
      e.inForce = null;
    }
  }
  const statutes = [...out.values()].sort((a, b) => (a.passed ?? "").localeCompare(b.passed ?? "") || a.number.localeCompare(b.number));
  const file = {
    $comment:
      "Vietnam's statutes (Hiến pháp, Bộ luật, Luật, Pháp lệnh): number (as vncite keys it), kind, title as promulgated, dates passed, in force and out of force, the laws each replaces or amends, and where each fact was read. Built by `npm run statutes -- build` (scripts/statutes.ts); do not edit by hand, add a source to the script.",
    sources: REPOS.map(({ repo, commit }) => ({ repo, commit })),
    statutes,
  };
  const stored: Catalogued[] = statutes.map((st) => ({
    ...st,
    sources: st.sources.map(({ repo, commit, ...rest }) => ({ from: REPOS.findIndex((r) => r.repo === repo && r.commit === commit), ...rest })),
  }));
  const problems = catalogueProblems(stored, REPOS.length);
  if (problems.length > 0) console.warn(problems.join("\n"));
  // One statute a line: a change to the catalogue reads as a change of lines.
  const lines = stored.map((st) => `  ${JSON.stringify(st)}`);
  writeFileSync(OUT, `{\n "$comment": ${JSON.stringify(file.$comment)},\n "sources": ${JSON.stringify(file.sources)},\n "statutes": [\n${lines.join(",\n")}\n ]\n}\n`);
  console.log(`${statutes.length} statutes written to grammar/statutes.json`);
}

function check() {
  const { statutes } = JSON.parse(readFileSync(OUT, "utf8")) as { statutes: Catalogued[] };
  const problems = catalogueProblems(statutes);
  console.log(problems.length === 0 ? `${statutes.length} statutes, no problem` : problems.join("\n"));
  if (problems.length > 0) process.exitCode = 1;
}

// The texts are read by vncite's grammar alone: a build must not depend on the catalogue it replaces. So the
// file is emptied and the build runs again in a process that loads the empty catalogue.
if (process.argv[2] === "build" && process.env.STATUTES_BARE !== "1") {
  const before = readFileSync(OUT, "utf8");
  writeFileSync(OUT, '{ "sources": [], "statutes": [] }\n');
  try {
    execFileSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, STATUTES_BARE: "1" } });
  } catch (e) {
    writeFileSync(OUT, before);
    throw e;
  }
} else if (process.argv[2] === "build") build();
else check();
