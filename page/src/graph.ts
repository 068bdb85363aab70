/** A small SVG of the document and the documents it cites: the document in the middle, each cited one around it. */
import type { DocumentRecord } from "../../src/index.js";
import { escapeHtml } from "../../src/annotate.js";

const SIZE = 360;
const RADIUS = 135;

export function citationGraphSvg(record: DocumentRecord, selfLabel: string, relationName: (r: string) => string): string {
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
  const node = (p: { x: number; y: number }, label: string, cls: string) =>
    `<g class="${cls}"><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="6"/><text x="${p.x.toFixed(1)}" y="${(p.y - 10).toFixed(1)}">${escapeHtml(label)}</text></g>`;
  const edges = cited.map((c) => line(centre, at.get(c.key) as { x: number; y: number }, `edge rel-${c.relation}`, relationName(c.relation)));
  const stated = record.statedRelations.flatMap((r) => {
    const a = at.get(r.from);
    const b = at.get(r.to);
    return a && b ? [line(a, b, "edge stated", relationName(r.relation))] : [];
  });
  const nodes = [node(centre, record.key ?? selfLabel, "node self"), ...cited.map((c) => node(at.get(c.key) as { x: number; y: number }, c.key, "node"))];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" role="img">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>` +
    `${edges.join("")}${stated.join("")}${nodes.join("")}</svg>`;
}
