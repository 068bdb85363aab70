/** What the page and its analysis worker say to each other. */
import type { Citation, Diagnostic, DocumentRecord, Mention } from "../../src/index.js";

/**
 * The record as the page needs it: its mentions only as where they are, what they resolve to and how the text
 * relates to it (the citations come apart, once). A message of a megabyte's record and citations twice over
 * took the page's thread longer to receive than to draw.
 */
export type PageRecord = Omit<DocumentRecord, "mentions" | "diagnostics"> & { mentions: Pick<Mention, "start" | "resolvedKey" | "relation">[] };

export type ToWorker = { type: "analyse"; id: number; text: string } | { type: "registry"; name: string; bytes: Uint8Array };

export type FromWorker =
  | { type: "result"; id: number; citations: Citation[]; record: PageRecord; diagnostics: Diagnostic[]; viewHtml: string }
  | { type: "registry"; name: string; size: number; problems: string[] };
