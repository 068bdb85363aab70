/** Questions put to the graph: what cites what, chains of implementation, paths, the most cited, what is missing, conflicts. */
import type { Relation } from "../schema.js";
import { bodyKeyOf } from "../extract/body.js";
import type { GraphEdge, GraphNode } from "./json.js";
import { GraphIngest } from "./ingest.js";
import { type AmendedBy, byString, FIELD, RELATIONS } from "./store.js";
/** The relations a chain of implementation follows, from a local plan up to the central resolution. */
const CHAIN_RELATIONS: ReadonlySet<Relation> = new Set(["implements", "continues", "basedOn", "guides"]);

export interface Conflict {
  key: string;
  /** What disagrees: `kinds`, `dates`, `issuedBy`, `terms`, or `typeCodes` (one number and issuer, two type codes). */
  field: "kinds" | "dates" | "issuedBy" | "terms" | "typeCodes";
  values: string[];
  /** The keys involved (several for typeCodes: `77-CT/TU`, `77-CTr/TU`). */
  keys: string[];
}

/** Number, type code, issuer: `077 - CT/TU`. */
const PARTY_SPELLING = /^0*(\d+)\s*[- ]\s*([A-Za-zĐđ]+)\s*\/\s*(\S+)$/;

/** A Party-style spelling read as it stands (`77 CT/TU` → 77-CT/TU), to compare the codes texts give one number. */
export function partySpelling(spelled: string): { key: string; code: string; numberIssuer: string } | null {
  const m = PARTY_SPELLING.exec(spelled);
  return m ? { key: `${m[1]}-${m[2]}/${m[3]}`, code: m[2] as string, numberIssuer: `${m[1]}/${m[3]}` } : null;
}

/** The queries over a graph's store. */
export class GraphQueries extends GraphIngest {
  /** What `key` cites (and what it is stated to relate to), by relation. */
  cites(name: string): GraphEdge[] {
    const n = this.findNode(this.canonical(name));
    return n < 0 ? [] : this.sortedEdges(this.outList(n), this.edgeTo).map((e) => this.edgeJSON(e));
  }

  /** What cites `key`. */
  citedBy(name: string): GraphEdge[] {
    const n = this.findNode(this.canonical(name));
    return n < 0 ? [] : this.sortedEdges(this.inList(n), this.edgeFrom).map((e) => this.edgeJSON(e));
  }

  /** The chain of implementation up from `key`: every document it implements, continues, is based on or guides, transitively. */
  chain(key: string): { key: string; depth: number; from: string; relation: Relation }[] {
    return this.walk(key, "out");
  }

  /** Everything that implements, continues, is based on or guides `key`, transitively. */
  descendants(key: string): { key: string; depth: number; from: string; relation: Relation }[] {
    return this.walk(key, "in");
  }

  protected walk(name: string, direction: "in" | "out") {
    const start = this.findNode(this.canonical(name));
    const out: { key: string; depth: number; from: string; relation: Relation }[] = [];
    if (start < 0) return out;
    const [list, end] = direction === "out" ? [(n: number) => this.outList(n), this.edgeTo] : [(n: number) => this.inList(n), this.edgeFrom];
    const seen = new Set([start]);
    let frontier = [start];
    for (let depth = 1; frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const k of frontier) {
        for (const e of this.sortedEdges(list(k), end)) {
          const other = end.data[e] as number;
          const relation = RELATIONS[this.edgeRelation.data[e] as number] as Relation;
          if (!CHAIN_RELATIONS.has(relation) || seen.has(other)) continue;
          seen.add(other);
          next.push(other);
          out.push({ key: this.key(other), depth, from: this.key(k), relation });
        }
      }
      const { rank } = this.nodeOrder();
      frontier = next.sort((a, b) => (rank[a] as number) - (rank[b] as number));
    }
    return out;
  }

  /** The shortest chain of citations from `a` to `b`, or null. */
  path(from: string, to: string): string[] | null {
    const [a, b] = [this.findNode(this.canonical(from)), this.findNode(this.canonical(to))];
    if (a < 0 || b < 0) return null;
    const parent = new Map<number, number>([[a, -1]]);
    let frontier = [a];
    while (frontier.length > 0 && !parent.has(b)) {
      const next: number[] = [];
      for (const k of frontier) {
        for (const e of this.sortedEdges(this.outList(k), this.edgeTo)) {
          const other = this.edgeTo.data[e] as number;
          if (parent.has(other)) continue;
          parent.set(other, k);
          next.push(other);
        }
      }
      frontier = next;
    }
    if (!parent.has(b)) return null;
    const out: string[] = [];
    for (let n = b; n >= 0; n = parent.get(n) as number) out.push(this.key(n));
    return out.reverse();
  }

  /** The `n` documents cited by the most documents (ties by key). */
  mostCited(n = 10): { key: string; citedBy: number; mentions: number }[] {
    const lastSeen = new Int32Array(this.nodeKey.length).fill(-1);
    const citedBy = new Int32Array(this.nodeKey.length);
    const cited: number[] = [];
    for (let node = 0; node < this.nodeKey.length; node++) {
      for (let e = this.inHead.data[node] as number; e >= 0; e = this.inNext.data[e] as number) {
        if (this.edgeCount.data[e] === 0 && this.statedBy.has(e)) continue; // stated by a third document, not a citation
        const from = this.edgeFrom.data[e] as number;
        if (lastSeen[from] !== node) {
          lastSeen[from] = node;
          citedBy[node] = (citedBy[node] as number) + 1;
        }
      }
      if ((citedBy[node] as number) > 0) cited.push(node);
    }
    const mentions = this.nodeMentions.data;
    const before = (x: number, y: number) =>
      (citedBy[y] as number) - (citedBy[x] as number) || (mentions[y] as number) - (mentions[x] as number) || byString(this.key(x), this.key(y));
    // The first n kept in order as the nodes go by: no sort of a million rows for the top ten.
    const top: number[] = n > 1000 ? cited.sort(before).slice(0, n) : [];
    for (const node of n > 1000 ? [] : cited) {
      if (top.length >= n && before(node, top[top.length - 1] as number) >= 0) continue;
      let i = top.length;
      while (i > 0 && before(node, top[i - 1] as number) < 0) i--;
      top.splice(i, 0, node);
      if (top.length > n) top.pop();
    }
    return top.map((node) => ({ key: this.key(node), citedBy: citedBy[node] as number, mentions: mentions[node] as number }));
  }

  /**
   * What later documents changed in `key`, article by article (then clause, point): each change with the
   * document that made it, the action, the part, the date where given, and where the change is said.
   */
  amendmentsOf(name: string): GraphNode["amendedBy"] {
    const n = this.findNode(this.canonical(name));
    if (n < 0) return [];
    const num = (s: string | undefined) => (s ? s.replace(/\d+/, (d) => d.padStart(5, "0")) : "");
    const order = (x: AmendedBy) => {
      const p = x.paths[0] ?? {};
      return `${num(p.article)}\u0000${num(p.clause)}\u0000${p.point ?? ""}\u0000${x.by}\u0000${String(x.evidence.start).padStart(12, "0")}`;
    };
    return (this.amended.get(n) ?? []).map((x) => ({ x, k: order(x) })).sort((a, b) => byString(a.k, b.k)).map(({ x }) => x);
  }



  /** Documents cited but whose own text is not in the corpus. */
  missing(): string[] {
    const texts = this.fields[FIELD.texts] as (number | number[] | undefined)[];
    return this.nodesByKey().filter((n) => texts[n] === undefined).map((n) => this.key(n));
  }

  /**
   * One key seen with different kinds, dates, issuing bodies or terms; one number and issuer with two type codes.
   * Linear in the graph but for the bodies of one node, compared pairwise: a node with one value per field costs a
   * look, each distinct string is read once.
   */
  conflicts(): Conflict[] {
    const out: Conflict[] = [];
    // The key each citation gave its body; bodyKeyOf for a spelling read back from JSON, which keeps no keys.
    const bodyKey = new Map<number, string>(this.bodyKeys);
    for (let n = 0; n < this.nodeKey.length; n++) {
      if ((this.nodeKey.data[n] as number) < 0) continue;
      for (const field of ["kinds", "dates", "terms"] as const) {
        if (Array.isArray(this.fields[FIELD[field]]?.[n])) out.push({ key: this.key(n), field, values: this.values(n, field).sort(byString), keys: [this.key(n)] });
      }
      const issuedBy = (this.fields[FIELD.issuedBy] as (number | number[] | undefined)[])[n];
      if (!Array.isArray(issuedBy)) continue;
      // Bodies compared by their key (one body, many spellings): each key once, by its first spelling in
      // string order; a key inside another (a body that names a part of another) is that one.
      const first = new Map<string, string>();
      for (const id of issuedBy) {
        let k = bodyKey.get(id);
        if (k === undefined) bodyKey.set(id, (k = bodyKeyOf(this.strings.strings[id] as string)));
        const spelled = this.strings.strings[id] as string;
        const had = first.get(k);
        if (had === undefined || spelled < had) first.set(k, spelled);
      }
      const keys = [...first.keys()];
      const bodies = keys.filter((k) => !keys.some((o) => o !== k && o.includes(k))).map((k) => first.get(k) as string);
      if (bodies.length > 1) out.push({ key: this.key(n), field: "issuedBy", values: bodies.sort(byString), keys: [this.key(n)] });
    }
    for (const c of this.typeCodeConflicts()) out.push(c);
    return out.map((c) => ({ c, k: `${c.key}\u0000${c.field}` })).sort((a, b) => byString(a.k, b.k)).map(({ c }) => c);
  }

  /**
   * One number and issuer under two type codes: `77-CT/TU` and `77-CTr/TU`, as nodes or as spellings of one.
   * Each distinct spelling read once: the live nodes' keys and the spellings column (a node merged away left
   * its spellings there, copied to the node it went into, so the column holds the live nodes' spellings only).
   */
  protected typeCodeConflicts(): Conflict[] {
    const seen = new Uint8Array(this.strings.size);
    const spellings: number[] = [];
    const mark = (s: number) => {
      if (seen[s] === 0) {
        seen[s] = 1;
        spellings.push(s);
      }
    };
    for (let n = 0; n < this.nodeKey.length; n++) if ((this.nodeKey.data[n] as number) >= 0) mark(this.nodeKey.data[n] as number);
    const text = this.variants.text;
    for (let v = 0; v < text.length; v++) mark(text.data[v] as number);
    // Most numbers come with one code: each number and issuer keeps the code of its first spelling (as an id,
    // under the number as a small integer: a million strings and objects kept alive would cost more in
    // garbage collection than the reading itself); those with more codes keep each code's key.
    const codeIds = new Map<string, number>();
    const codes: string[] = [];
    const byIssuer = new Map<string, Map<number | string, number>>();
    const several = new Map<string, Map<string, string>>();
    for (const s of spellings) {
      const m = PARTY_SPELLING.exec(this.strings.strings[s] as string);
      if (!m) continue;
      const [, number, code, issuer] = m as unknown as [string, string, string, string];
      let c = codeIds.get(code);
      if (c === undefined) codeIds.set(code, (c = codes.push(code) - 1));
      let byNumber = byIssuer.get(issuer);
      if (!byNumber) byIssuer.set(issuer, (byNumber = new Map()));
      const at = number.length < 10 ? Number(number) : number;
      const first = byNumber.get(at);
      if (first === undefined) byNumber.set(at, c);
      else if (first !== c) {
        const numberIssuer = `${number}/${issuer}`;
        const keys = several.get(numberIssuer) ?? new Map([[codes[first] as string, `${number}-${codes[first]}/${issuer}`]]);
        several.set(numberIssuer, keys.set(code, `${number}-${code}/${issuer}`));
      }
    }
    return [...several.values()].map((keyOfCode) => {
      const keys = [...keyOfCode.values()].sort(byString);
      return { key: keys[0] as string, field: "typeCodes" as const, values: [...keyOfCode.keys()].sort(byString), keys };
    });
  }

}
