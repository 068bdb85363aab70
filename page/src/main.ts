/**
 * The page: paste a text or open a .txt, see every reference highlighted with its parts, the diagnostics with
 * their places, the document's header, what it cites and a small graph; check against a registry; export.
 * Everything runs here, in the browser: the library's core bundled in, no request made.
 */
import type { Citation, Diagnostic } from "../../src/index.js";
import { escapeHtml } from "../../src/annotate.js";
import { citationsCsv, diagnosticsSarif, positions } from "./exports.js";
import { citationGraphSvg } from "./graph.js";
import { type Lang, WORDS, type Words } from "./i18n.js";
import type { FromWorker, PageRecord, ToWorker } from "./messages.js";

/** The analysis worker's script, put here by page/build.ts. */
declare const __VNCITE_WORKER__: string;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const state = {
  lang: "vi" as Lang,
  name: "document.txt",
  text: "",
  citations: [] as Citation[],
  diagnostics: [] as Diagnostic[],
  record: null as PageRecord | null,
  /** The text with its citations marked, drawn by the worker. */
  viewHtml: "",
  /** The worker's answer drawn, by the number of the text sent. */
  resultId: 0,
  /** Each mention of the record by its start, for the hover card. */
  mentionAt: new Map<number, PageRecord["mentions"][number]>(),
  registry: null as { name: string; size: number } | null,
  registryProblems: [] as string[],
  registryName: "",
  /** The name of the opened file when it is not UTF-8. */
  notUtf8: "",
};
const words = (): Words => WORDS[state.lang];


/**
 * The analysis runs in a worker: the page's thread only sends the text and draws the answer. A text sent while
 * another is being read waits, and only the latest waiting one is read: typing never queues up work.
 */
const worker = new Worker(URL.createObjectURL(new Blob([__VNCITE_WORKER__], { type: "text/javascript" })));
const send = (m: ToWorker) => worker.postMessage(m);
let sent = 0;
let busy = false;
let waiting = null as string | null;
/** The text the worker is reading. */
let pendingText = "";

function analyse(): void {
  const text = $<HTMLTextAreaElement>("input").value;
  if (busy) {
    waiting = text;
    return;
  }
  busy = true;
  document.body.dataset.analysing = "1"; // the view is the text before the latest edits
  pendingText = text;
  send({ type: "analyse", id: ++sent, text });
}

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  if (m.type === "registry") {
    state.registryName = m.name;
    state.registry = m.problems.length === 0 ? { name: m.name, size: m.size } : null;
    state.registryProblems = m.problems;
    analyse();
    return;
  }
  busy = false;
  document.body.dataset.analysing = "0";
  Object.assign(state, { text: pendingText, citations: m.citations, record: m.record, diagnostics: m.diagnostics, viewHtml: m.viewHtml, resultId: m.id });
  state.mentionAt = new Map(m.record.mentions.map((x) => [x.start, x]));
  render();
  if (waiting !== null) {
    waiting = null;
    analyse(); // the box as it is now
  }
};

/** A date as the chosen language writes it: `18/07/2024` in Vietnamese, ISO 8601 in English. */
function shownDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && state.lang === "vi" ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function render(): void {
  const w = words();
  document.documentElement.lang = state.lang;
  document.title = `vncite — ${w.title}`;
  for (const el of document.querySelectorAll<HTMLElement>("[data-t]")) {
    const value = (w as unknown as Record<string, unknown>)[el.dataset.t as string];
    if (typeof value === "string") el.textContent = value;
  }
  for (const el of document.querySelectorAll<HTMLElement>("[data-legend]")) el.textContent = w.legend[el.dataset.legend as keyof Words["legend"]];
  $<HTMLTextAreaElement>("input").placeholder = w.input;
  $("notice").textContent = state.notUtf8 ? w.notUtf8(state.notUtf8) : "";
  renderView();
  renderDiagnostics();
  renderDocument();
  renderRegistry();
}

function renderView(): void {
  const view = $("view");
  // The highlighted text is drawn in the worker (a megabyte's marks took the page's thread a few hundred ms).
  if (state.text === "") view.innerHTML = `<span class="empty">${escapeHtml(words().empty)}</span>`;
  else if (view.dataset.drawn !== String(state.resultId)) view.innerHTML = state.viewHtml;
  view.dataset.drawn = String(state.resultId);
  view.dataset.length = String(state.text.length);
}

function renderDiagnostics(): void {
  const w = words();
  const list = $("diagnostics");
  if (state.diagnostics.length === 0) {
    list.innerHTML = `<li class="none">${escapeHtml(state.text === "" ? w.empty : w.noDiagnostics)}</li>`;
    return;
  }
  const position = positions(state.text);
  list.innerHTML = state.diagnostics.map((d) => {
    const { line, column } = position(d.start);
    const message = state.lang === "vi" ? d.messageVi : d.message;
    const fix = d.fix ? ` <span class="fix">${escapeHtml(w.fix)}: <code>${escapeHtml(d.fix)}</code></span>` : "";
    return `<li class="diagnostic ${d.severity}" tabindex="0" data-start="${d.start}" data-end="${d.end}" data-code="${escapeHtml(d.code)}">` +
      `<span class="badge">${escapeHtml(w.severity[d.severity] ?? d.severity)}</span> ` +
      `<span class="where">${escapeHtml(w.line)} ${line}, ${escapeHtml(w.column)} ${column}</span> ` +
      `<q>${escapeHtml(state.text.slice(d.start, d.end))}</q> ${escapeHtml(message)}${fix} <code class="code">${escapeHtml(d.code)}</code></li>`;
  }).join("");
}

function renderDocument(): void {
  const w = words();
  const r = state.record;
  const rows: [string, string | null | undefined][] = r && state.text !== ""
    ? [
      [w.fields.key, r.identifier?.value ?? r.identifier?.span.text],
      [w.fields.type, r.type?.value],
      [w.fields.place, r.place?.value],
      [w.fields.date, r.date ? (shownDate(r.date.value) ?? r.date.span.text) : null],
      [w.fields.subject, r.subject?.value],
      [w.fields.effective, r.effective ? (shownDate(r.effective.value) ?? r.effective.span.text) : null],
      [w.fields.signed, [r.signature.title?.value, r.signature.signer?.value].filter(Boolean).join(" — ") || null],
    ]
    : [];
  $("header").innerHTML = rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v?.replace(/\s+/g, " ") || w.none)}</dd>`).join("");
  const relation = (x: string) => w.relations[x] ?? x;
  const cited = r?.cited ?? [];
  $("cited").innerHTML = cited.length === 0
    ? `<li class="none">${escapeHtml(w.noCited)}</li>`
    : cited.map((c) => `<li><code>${escapeHtml(c.key)}</code> <span class="rel rel-${c.relation}">${escapeHtml(relation(c.relation))}</span> <span class="count">${c.mentions} ${escapeHtml(w.mentions)}</span></li>`).join("");
  const stated = r?.statedRelations ?? [];
  $("stated").innerHTML = stated.map((s) => `<li><code>${escapeHtml(s.from)}</code> ${escapeHtml(relation(s.relation))} <code>${escapeHtml(s.to)}</code></li>`).join("");
  $("stated-title").hidden = stated.length === 0;
  $("graph").innerHTML = r && cited.length > 0 ? citationGraphSvg(r, state.name, relation) : "";
}

function renderRegistry(): void {
  const w = words();
  const status = state.registry ? w.registryLoaded(state.registry.name, state.registry.size) : state.registryProblems.length > 0 ? w.registryBad(state.registryName) : w.registryNone;
  $("registry-status").textContent = status;
  $("registry-problems").innerHTML = state.registryProblems.map((p) => `<li>${escapeHtml(p)}</li>`).join("");
}

/** The hover card of a citation: its parts, and how this document relates to the one it cites. */
function showCard(mark: HTMLElement): void {
  const c = state.citations[Number(mark.dataset.i)];
  if (!c) return;
  const w = words();
  const mention = state.mentionAt.get(c.start);
  const cited = mention?.resolvedKey ? state.record?.cited.find((x) => x.key === mention.resolvedKey) : undefined;
  const relation = cited?.relation ?? mention?.relation ?? c.relation;
  const ocr = c.diagnostics.filter((d) => d.code === "ocr-repaired").map((d) => (state.lang === "vi" ? d.messageVi : d.message));
  const rows: [string, string | null][] = [
    [w.fields.type, c.kind],
    [w.fields.key, c.key],
    [w.fields.date, shownDate(c.date)],
    [w.fields.body, c.issuedBy],
    [w.fields.term, c.term],
    [w.fields.subject, c.subject],
    [w.fields.relation, w.relations[relation] ?? relation],
    [w.fields.confidence, `${Math.round(c.confidence * 100)}%`],
    [w.fields.ocr, ocr.length > 0 ? ocr.join("; ") : null],
  ];
  const problems = state.diagnostics.filter((d) => d.start < c.end && d.end > c.start && d.code !== "ocr-repaired");
  const card = $("card");
  card.innerHTML = `<div class="card-title">${escapeHtml(c.text.replace(/\s+/g, " "))}</div><dl>${rows
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v ?? w.none)}</dd>`).join("")}</dl>${problems
    .map((d) => `<p class="card-problem ${d.severity}">${escapeHtml(state.lang === "vi" ? d.messageVi : d.message)}</p>`).join("")}`;
  const box = mark.getBoundingClientRect();
  card.hidden = false;
  card.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8))}px`;
  card.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const base = () => state.name.replace(/\.[^.]*$/, "");

async function loadRegistry(file: File): Promise<void> {
  send({ type: "registry", name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
}

/** Selects text[start, end) in the text box where the clerk edits, and shows the same place in the view. */
function selectInInput(start: number, end: number): void {
  const input = $<HTMLTextAreaElement>("input");
  input.focus();
  input.setSelectionRange(start, end);
  // The box scrolls to its selection only as it is typed in: put the selected line in view.
  const lineHeight = parseFloat(getComputedStyle(input).lineHeight) || 18;
  input.scrollTop = Math.max(0, (input.value.slice(0, start).split("\n").length - 2) * lineHeight);
  const mark = $("view").querySelector<HTMLElement>(`mark.cite[data-start="${start}"]`);
  (mark ?? null)?.scrollIntoView({ block: "nearest" });
}

function start(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  $("input").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(analyse, 150);
  });
  $<HTMLInputElement>("open").addEventListener("change", async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    state.name = file.name;
    const bytes = await file.arrayBuffer();
    try {
      $<HTMLTextAreaElement>("input").value = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      state.notUtf8 = "";
    } catch {
      // Shown, not hidden: the bytes that are not UTF-8 read as U+FFFD and a reference there may be lost.
      $<HTMLTextAreaElement>("input").value = new TextDecoder().decode(bytes);
      state.notUtf8 = file.name;
    }
    analyse();
  });
  $<HTMLInputElement>("registry").addEventListener("change", (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) void loadRegistry(file);
  });
  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "vi" ? "en" : "vi";
    render();
  });
  $("export-json").addEventListener("click", () => download(`${base()}.citations.json`, "application/json", `${JSON.stringify(state.citations, null, 2)}\n`));
  // With a byte-order mark: spreadsheet programs then read the file as UTF-8 and show the Vietnamese.
  $("export-csv").addEventListener("click", () => download(`${base()}.citations.csv`, "text/csv;charset=utf-8", `\uFEFF${citationsCsv(state.citations)}`));
  $("export-sarif").addEventListener("click", () =>
    download(`${base()}.sarif`, "application/sarif+json", `${JSON.stringify(diagnosticsSarif(state.name, state.text, state.diagnostics), null, 2)}\n`));
  $("diagnostics").addEventListener("click", (e) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>("li.diagnostic");
    if (item) selectInInput(Number(item.dataset.start), Number(item.dataset.end));
  });
  $("diagnostics").addEventListener("keydown", (e) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>("li.diagnostic");
    if (item && e.key === "Enter") {
      e.preventDefault(); // else the Enter, going on to the box now focused, would replace the selection
      selectInInput(Number(item.dataset.start), Number(item.dataset.end));
    }
  });
  // Each highlight is reached by Tab too, and shows its card while it has the focus (Escape hides it).
  $("view").addEventListener("focusin", (e) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>("mark.cite");
    if (mark) showCard(mark);
  });
  $("view").addEventListener("focusout", () => ($("card").hidden = true));
  $("view").addEventListener("keydown", (e) => {
    if (e.key === "Escape") $("card").hidden = true;
  });
  $("view").addEventListener("mouseover", (e) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>("mark.cite");
    if (mark) showCard(mark);
  });
  $("view").addEventListener("mouseout", (e) => {
    if ((e.target as HTMLElement).closest("mark.cite")) $("card").hidden = true;
  });
  analyse();
}

start();
