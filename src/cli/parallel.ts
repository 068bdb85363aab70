/**
 * Spreads files over worker threads (extraction per document is independent), keeps the input order, and
 * shows a progress bar on a terminal when a run takes longer than a second. Files go to a worker in batches
 * and come back as small results (for the graph, only what it reads of each record), one at a time, so that
 * a caller can use each as it comes and keep none.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { runBatch, type TaskKind, type TaskRequest, type TaskResult } from "./tasks.js";

/**
 * The default --jobs. A worker costs an import of what its command needs (to its first result under load: ~0.15 s
 * for extract, ~0.4 s for graph) and the copying of its results, and the
 * main thread has its own work (adding to the graph, writing): measured on 2 cores (`npm run bench`), two
 * workers were no faster than one thread, so workers start from 4 cores, one core left to the main thread.
 */
export const defaultJobs = () => {
  const cores = availableParallelism();
  return cores < 4 ? 1 : cores - 1;
};

/** Files per message to a worker: enough to make the round trip negligible, few enough to share the work evenly. */
const BATCH = 8;

export interface RunOptions {
  jobs: number;
  registry?: string;
  /** Each file's document id (parseDocument's, check's), by index; the file path where absent. */
  ids?: readonly string[];
  /** Where progress goes; drawn only when it is a terminal. */
  progress?: NodeJS.WriteStream;
}

/** The results of all files, in input order. */
export async function runFiles(files: string[], kind: TaskKind, options: RunOptions): Promise<TaskResult[]> {
  const results: TaskResult[] = [];
  for await (const r of eachResult(files, kind, options)) results.push(r);
  return results;
}

/** The result of each file as soon as it and those before it are done, in input order. */
export async function* eachResult(files: string[], kind: TaskKind, options: RunOptions): AsyncGenerator<TaskResult> {
  const bar = progressBar(files.length, options.progress);
  const taskOptions = options.registry ? { registry: options.registry } : {};
  const jobs = Math.min(options.jobs, Math.ceil(files.length / BATCH));
  try {
    if (jobs <= 1 || files.includes("-")) {
      for (let index = 0; index < files.length; index++) {
        const [result] = await runBatch([request(files, kind, options.ids, index)], taskOptions);
        bar.tick();
        yield result as TaskResult;
      }
      return;
    }
    yield* inWorkers(files, kind, jobs, options, bar);
  } finally {
    bar.done();
  }
}

/** The request for file `index`, with its id when the caller gave one. */
function request(files: string[], kind: TaskKind, ids: RunOptions["ids"], index: number): TaskRequest {
  const id = ids?.[index];
  return id === undefined ? { index, file: files[index] as string, kind } : { index, file: files[index] as string, kind, id };
}

/** Why a worker died, said of the file it was reading. */
const workerDeath = (e: unknown) =>
  (e as NodeJS.ErrnoException)?.code === "ERR_WORKER_OUT_OF_MEMORY" ? "ran out of memory (its worker was restarted)" : `its worker stopped (${e instanceof Error ? e.message : String(e)})`;

/**
 * The files through `jobs` workers. A worker that dies (out of memory, an uncaught error) is replaced; the files
 * of its batch without a result are sent again one at a time, so that the one that kills a worker alone is
 * reported as failed and the others are read.
 */
async function* inWorkers(files: string[], kind: TaskKind, jobs: number, options: RunOptions, bar: ReturnType<typeof progressBar>) {
  const { registry } = options;
  // From source (the tests run the CLI through tsx) the worker is worker.ts, loaded through tsx's own API.
  const fromSource = import.meta.url.endsWith(".ts");
  const workerUrl = new URL(fromSource ? "./worker.ts" : "./worker.js", import.meta.url);
  const start = fromSource
    ? { script: `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`, eval: true }
    : { script: workerUrl, eval: false };
  const waiting = new Map<number, TaskResult>();
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  let next = 0;
  /** Files of dead workers' batches, to be read again one at a time. */
  const again: TaskRequest[] = [];
  const inFlight = new Map<Worker, TaskRequest[]>();
  const workers: Worker[] = [];
  // Each death either reports a file or splits a batch into single files, so restarts are bounded by the files.
  let restarts = 2 * files.length + jobs;
  let closing = false;
  const feed = (worker: Worker) => {
    let batch: TaskRequest[];
    if (again.length > 0) batch = [again.shift() as TaskRequest];
    else if (next < files.length) {
      batch = files.slice(next, next + BATCH).map((_, i) => request(files, kind, options.ids, next + i));
      next += batch.length;
    } else return;
    inFlight.set(worker, batch);
    worker.postMessage(batch);
  };
  const died = (worker: Worker, e: unknown) => {
    const at = workers.indexOf(worker);
    if (closing || at < 0) return; // reported already, or terminated by us
    workers.splice(at, 1);
    const pending = (inFlight.get(worker) ?? []).filter((r) => !waiting.has(r.index));
    inFlight.delete(worker);
    if (pending.length === 1) {
      const [r] = pending as [TaskRequest];
      waiting.set(r.index, { index: r.index, ok: false, error: `${r.file}: failed: ${workerDeath(e)}` });
    } else again.push(...pending);
    if (restarts-- > 0 && (again.length > 0 || next < files.length)) spawn();
    else if (again.length > 0 || next < files.length) failure = e;
    wake?.();
  };
  const spawn = () => {
    const worker = new Worker(start.script, { eval: start.eval, workerData: { registry } });
    workers.push(worker);
    worker.on("message", (results: TaskResult[]) => {
      for (const r of results) waiting.set(r.index, r);
      inFlight.delete(worker);
      feed(worker);
      wake?.();
    });
    worker.on("error", (e) => died(worker, e));
    worker.on("exit", (code) => died(worker, new Error(`exit code ${code}`)));
    feed(worker);
  };
  for (let i = 0; i < jobs; i++) spawn();
  try {
    for (let index = 0; index < files.length; index++) {
      while (!waiting.has(index)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const result = waiting.get(index) as TaskResult;
      waiting.delete(index);
      bar.tick();
      yield result;
    }
  } finally {
    closing = true; // their exits, now, are no deaths
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function progressBar(total: number, stream: NodeJS.WriteStream | undefined) {
  const started = Date.now();
  let done = 0;
  let drawn = false;
  let finished = false;
  const draw = () => {
    if (!stream?.isTTY || Date.now() - started < 1000) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} files`);
    drawn = true;
  };
  return {
    tick() {
      done++;
      draw();
    },
    done() {
      if (drawn && !finished) stream?.write("\r\x1b[K");
      finished = true;
    },
  };
}
