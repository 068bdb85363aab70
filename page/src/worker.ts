/**
 * The page's analysis, in a Web Worker: extract, parse and check a text away from the page's thread, so that
 * typing into a text of a megabyte never waits for it. The registry is loaded here once, from its file's bytes.
 */
import { checkDocument, extract, parseDocument, Registry, RegistryError } from "../../src/index.js";
import type { FromWorker, PageRecord, ToWorker } from "./messages.js";
import { viewHtml } from "./view.js";

let registry: Registry | null = null;
const post = (message: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(message);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === "registry") {
    try {
      registry = Registry.fromFile(m.name, m.bytes);
      post({ type: "registry", name: m.name, size: registry.size, problems: [] });
    } catch (error) {
      registry = null;
      post({ type: "registry", name: m.name, size: 0, problems: error instanceof RegistryError ? error.problems : [String(error)] });
    }
    return;
  }
  const citations = extract(m.text);
  const record = parseDocument(m.text);
  const diagnostics = checkDocument(record, registry ?? undefined);
  const { mentions, diagnostics: _own, ...rest } = record;
  const slim: PageRecord = { ...rest, mentions: mentions.map((x) => ({ start: x.start, resolvedKey: x.resolvedKey, relation: x.relation })) };
  post({ type: "result", id: m.id, citations, record: slim, diagnostics, viewHtml: viewHtml(m.text, citations, diagnostics) });
};
