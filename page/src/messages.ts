/** What the page and its analysis worker say to each other. */
import type { Citation, Diagnostic, DocumentRecord } from "../../src/index.js";

export type ToWorker = { type: "analyse"; id: number; text: string } | { type: "registry"; name: string; bytes: Uint8Array };

export type FromWorker =
  | { type: "result"; id: number; citations: Citation[]; record: DocumentRecord; diagnostics: Diagnostic[] }
  | { type: "registry"; name: string; size: number; problems: string[] };
