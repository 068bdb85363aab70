/**
 * The catalogue of Vietnam's statutes (grammar/statutes.json, built by scripts/statutes.ts): each law, code and
 * ordinance with its number, title and dates, indexed by the words of its title for the parser and the citation
 * builder. A title is matched word by word over a trie of folded words (no scan of the catalogue per citation),
 * with a bounded repair for OCR damage: lost or wrong marks, one wrong letter, one dropped word.
 */
import statutesJson from "../../grammar/statutes.json";
import { foldName, stripDiacritics } from "../tables.js";
import { remembered } from "../text.js";

/** Where a fact of the catalogue was read: a repository's file at a commit. */
export interface StatuteSource {
  /** The repository and commit: an index into the file's `sources`. */
  from: number;
  path: string;
  /**
   * `text`: the law's own text; `codified`: the source notes of the Bộ pháp điển; `census`: a curated list;
   * `cited`: cited with its number in another text.
   */
  what: "text" | "codified" | "census" | "cited";
}
export interface Statute {
  /** The number as vncite keys it (`76/2015/QH13`, `6/2022/QH15`). */
  number: string;
  kind: string;
  /** The title as promulgated, without the type word: `Tổ chức Chính phủ`. */
  title: string;
  /** ISO dates: passed (the date of the law), in force, out of force; null when no source gives it. */
  passed: string | null;
  inForce: string | null;
  outOfForce: string | null;
  /** Numbers of the laws it replaces, the law that replaced it, the laws it amends. */
  replaces: string[];
  replacedBy: string | null;
  amends: string[];
  sources: StatuteSource[];
}

// `76/2015/QH13`, an ordinance's `32/2007/PL-UBTVQH11`; before 2002, `24-L/CTN` (a law, an ordinance).
const NUMBER = /^[1-9]\d{0,2}\/(?:19|20)\d\d\/(?:QH|UBTVQH|PL-UBTVQH)\d{1,2}$|^[1-9]\d{0,2}-?L\/CTN$/;
// The terms (khóa) of the National Assembly and their years: a term and a year that disagree are a typo.
const TERMS: Readonly<Record<string, readonly [number, number]>> = { 9: [1992, 1997], 10: [1997, 2002], 11: [2002, 2007], 12: [2007, 2011], 13: [2011, 2016], 14: [2016, 2021], 15: [2021, 2026], 16: [2026, 2031] };
/** Whether a law's number is well formed and its year falls in its term. */
export function wellFormedNumber(n: string): boolean {
  if (!NUMBER.test(n)) return false;
  const m = /^\d+\/(\d{4})\/(?:QH|UBTVQH|PL-UBTVQH)(\d+)$/.exec(n);
  const term = m ? TERMS[m[2]!] : undefined;
  return !m || (term !== undefined && Number(m[1]) >= term[0] && Number(m[1]) <= term[1]);
}
const ISO = /^\d{4}-\d\d-\d\d$/;

/** What is wrong with a catalogue: numbers, dates, order of dates, references to laws it does not hold. */
export function catalogueProblems(statutes: readonly Statute[], sourceCount = SOURCES.length): string[] {
  const problems: string[] = [];
  const numbers = new Set<string>();
  for (const s of statutes) {
    const at = `${s.number} (${s.kind} ${s.title})`;
    if (!wellFormedNumber(s.number)) problems.push(`${at}: number not of the form n/yyyy/QHnn (its year in its term) or n-L/CTN`);
    if (numbers.has(s.number)) problems.push(`${at}: number twice`);
    numbers.add(s.number);
    if (!s.title.trim()) problems.push(`${at}: no title`);
    for (const d of [s.passed, s.inForce, s.outOfForce]) if (d !== null && !ISO.test(d)) problems.push(`${at}: date ${d} not ISO`);
    if (s.passed && s.number.includes("QH") && s.passed.slice(0, 4) !== s.number.split("/")[1]) problems.push(`${at}: passed ${s.passed}, not the number's year`);
    if (s.passed && s.inForce && s.inForce < s.passed) problems.push(`${at}: in force ${s.inForce} before passed ${s.passed}`);
    if (s.inForce && s.outOfForce && s.outOfForce < s.inForce) problems.push(`${at}: out of force ${s.outOfForce} before in force ${s.inForce}`);
    if (s.sources.length === 0) problems.push(`${at}: no source`);
    for (const src of s.sources) if (!(src.from >= 0 && src.from < sourceCount)) problems.push(`${at}: source ${src.from} not in the file's sources`);
  }
  for (const s of statutes) {
    for (const n of [...s.replaces, ...s.amends, ...(s.replacedBy ? [s.replacedBy] : [])]) {
      if (!numbers.has(n)) problems.push(`${s.number}: refers to ${n}, which the catalogue does not hold`);
    }
  }
  return problems;
}

const file = statutesJson as { sources: { repo: string; commit: string }[]; statutes: Statute[] };
/** The repositories (at a commit) the catalogue was read from. */
export const SOURCES = file.sources;
export const STATUTES: readonly Statute[] = file.statutes;
const byNumber = new Map(STATUTES.map((s) => [s.number, s]));
/** The catalogue's entry for a law's number (as vncite keys it). */
export const statuteOf = (number: string): Statute | undefined => byNumber.get(number);

/** Words as titles are matched: without marks, lower case; a comma or semicolon is a word of its own. */
export const titleWords: (text: string) => readonly string[] = remembered((text) =>
  stripDiacritics(text.replace(/([,;])/g, " $1 ")).split(" ").filter((w) => w !== ""),
);

interface Node {
  next: Map<string, Node>;
  /** The versions of the title that ends here, oldest first. */
  versions: Statute[] | null;
}
const node = (): Node => ({ next: new Map(), versions: null });
const root = node();
for (const s of STATUTES) {
  let n = root;
  for (const w of titleWords(`${s.kind} ${s.title}`)) {
    let child = n.next.get(w);
    if (!child) n.next.set(w, (child = node()));
    n = child;
  }
  (n.versions ??= []).push(s);
}

/** A title matched against the catalogue: how many words it took, the versions of the title, the repair made. */
export interface TitleMatch {
  words: number;
  versions: readonly Statute[];
  /** 0: the words as catalogued (marks aside); 1: one wrong letter or one dropped word. */
  cost: number;
}

/** One letter wrong, missing or extra (`sácb` for `sách`), on words of four letters or more. */
function oneEditApart(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// The words one letter apart from a word, among a node's next words: asked again and again for the same few
// words (`Luật này`, `Luật sư`), and a scan of the first words of every title each time.
const near = new Map<Node, Map<string, Node[]>>();
function neighbours(n: Node, w: string): Node[] {
  let byWord = near.get(n);
  if (!byWord) near.set(n, (byWord = new Map()));
  let found = byWord.get(w);
  if (!found) {
    found = [];
    for (const [k, child] of n.next) if (oneEditApart(w, k)) found.push(child);
    if (byWord.size >= 4096) byWord.clear();
    byWord.set(w, found);
  }
  return found;
}

/**
 * The longest catalogued title that the words `word(0)`, `word(1)`, … begin with, the type word first (`luat`,
 * `to`, `chuc`, …): the fewest repairs among equally long ones; a repaired title must be three words or more.
 * `word(i)` returns undefined past the last word that may belong to a title.
 */
export function matchTitle(word: (i: number) => string | undefined, maxCost = 1): TitleMatch | null {
  let best: TitleMatch | null = null;
  const visit = (n: Node, i: number, cost: number, depth: number) => {
    if (n.versions && depth >= 2 && (cost === 0 || depth >= 4)) {
      if (!best || i > best.words || (i === best.words && cost < best.cost)) best = { words: i, versions: n.versions, cost };
    }
    const w = word(i);
    if (w !== undefined) {
      const exact = n.next.get(w);
      if (exact) visit(exact, i + 1, cost, depth + 1);
    }
    // A comma of the title that the text left out costs nothing: `Luật Thi đua khen thưởng`.
    const comma = w !== "," ? n.next.get(",") : undefined;
    if (comma) visit(comma, i, cost, depth);
    // Repairs only where the words as printed part from every title (which keeps a clean text's cost low).
    if (cost >= maxCost || depth < 1 || w === "," || (w !== undefined && n.next.has(w))) return;
    if (w !== undefined) for (const child of neighbours(n, w)) visit(child, i + 1, cost + 1, depth + 1);
    // A word the text dropped, never the title's first.
    if (depth >= 2) for (const [k, child] of n.next) if (k !== ",") visit(child, i, cost + 1, depth + 1);
  };
  visit(root, 0, 0, 0);
  return best;
}

/** Whether the words as printed differ from the catalogue's only in their marks (compared folded, case aside). */
export const sameSpelling = (printed: string, catalogued: string) => foldName(printed) === foldName(catalogued);
