/** A small SVG of the document and the documents it cites: the document in the middle, each cited one around it. */
import type { DocumentRecord } from "../../src/index.js";

type Cited = Pick<DocumentRecord, "cited" | "statedRelations" | "key">;
import { escapeHtml } from "../../src/annotate.js";

const SIZE = 360;
const RADIUS = 135;
// Room around the circle for labels of two or three lines.
const MARGIN = 60;

// A label is wrapped at word boundaries into lines of at most LABEL_WIDTH characters, at most LABEL_LINES of
// them, the last ending in `…` when the name is longer: `Luật tổ chức chính phủ năm 2015` stays legible.
const LABEL_WIDTH = 22;
const LABEL_LINES = 3;
const LINE = 10;

/** A document's name as the lines of its graph label. */
export function labelLines(name: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of name.split(/\s+/).filter((w) => w !== "")) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= LABEL_WIDTH || line === "") line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const cut = lines.slice(0, LABEL_LINES).map((l) => (l.length > LABEL_WIDTH ? `${l.slice(0, LABEL_WIDTH - 1)}…` : l));
  if (lines.length > LABEL_LINES) cut[LABEL_LINES - 1] = `${(cut[LABEL_LINES - 1] as string).slice(0, LABEL_WIDTH - 1).replace(/…$/, "")}…`;
  return cut;
}

export function citationGraphSvg(record: Cited, selfLabel: string, relationName: (r: string) => string): string {
  const cited = record.cited;
  const centre = { x: SIZE / 2, y: SIZE / 2 };
  const at = new Map(cited.map((c, i) => {
    const angle = (2 * Math.PI * i) / Math.max(cited.length, 1) - Math.PI / 2;
    return [c.key, { x: centre.x + RADIUS * Math.cos(angle), y: centre.y + RADIUS * Math.sin(angle) }];
  }));
  const line = (a: { x: number; y: number }, b: { x: number; y: number }, cls: string, label: string) => {
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    return `<line class="${cls}" x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" marker-end="url(#arrow)"/>` +
      `<text class="edge-label" x="${mid.x.toFixed(1)}" y="${mid.y.toFixed(1)}">${escapeHtml(label)}</text>`;
  };
  const node = (p: { x: number; y: number }, label: string, cls: string) => {
    const lines = labelLines(label);
    // Lines above the dot, the last just over it; the full name on hover (<title>).
    const tspans = lines.map((l, i) => `<tspan x="${p.x.toFixed(1)}" dy="${i === 0 ? 0 : LINE}">${escapeHtml(l)}</tspan>`).join("");
    const top = p.y - 10 - (lines.length - 1) * LINE;
    return `<g class="${cls}"><title>${escapeHtml(label)}</title><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="6"/>` +
      `<text x="${p.x.toFixed(1)}" y="${top.toFixed(1)}">${tspans}</text></g>`;
  };
  const edges = cited.map((c) => line(centre, at.get(c.key) as { x: number; y: number }, `edge rel-${c.relation}`, relationName(c.relation)));
  const stated = record.statedRelations.flatMap((r) => {
    const a = at.get(r.from);
    const b = at.get(r.to);
    return a && b ? [line(a, b, "edge stated", relationName(r.relation))] : [];
  });
  const nodes = [node(centre, record.key ?? selfLabel, "node self"), ...cited.map((c) => node(at.get(c.key) as { x: number; y: number }, c.key, "node"))];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-MARGIN} ${-MARGIN / 2} ${SIZE + 2 * MARGIN} ${SIZE + MARGIN}" role="img">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>` +
    `${edges.join("")}${stated.join("")}${nodes.join("")}</svg>`;
}
