/**
 * Spreads files over worker threads (extraction per document is independent), keeps the input order, and
 * shows a progress bar on a terminal when a run takes longer than a second.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { runTask, type TaskKind, type TaskResult } from "./tasks.js";

export const defaultJobs = () => Math.max(1, availableParallelism());

export interface RunOptions {
  jobs: number;
  registry?: string;
  /** The document id of each file (default: its path). */
  ids?: readonly string[];
  /** Where progress goes; drawn only when it is a terminal. */
  progress?: NodeJS.WriteStream;
}

export async function runFiles(files: string[], kind: TaskKind, options: RunOptions): Promise<TaskResult[]> {
  const bar = progressBar(files.length, options.progress);
  const jobs = Math.min(options.jobs, files.length);
  const results: TaskResult[] = new Array(files.length);
  const idOf = (index: number) => (options.ids?.[index] === undefined ? {} : { id: options.ids[index] });
  if (jobs <= 1 || files.includes("-")) {
    files.forEach((file, index) => {
      results[index] = runTask({ index, file, kind, ...idOf(index) }, options.registry ? { registry: options.registry } : {});
      bar.tick();
    });
    bar.done();
    return results;
  }
  // From source (the tests run the CLI through tsx) the worker is worker.ts, loaded through tsx's own API.
  const fromSource = import.meta.url.endsWith(".ts");
  const workerUrl = new URL(fromSource ? "./worker.ts" : "./worker.js", import.meta.url);
  const start = fromSource
    ? { script: `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`, eval: true }
    : { script: workerUrl, eval: false };
  let next = 0;
  await Promise.all(
    Array.from({ length: jobs }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(start.script, { eval: start.eval, workerData: { registry: options.registry } });
        const feed = () => {
          if (next >= files.length) return void worker.terminate().then(() => resolve());
          const index = next++;
          worker.postMessage({ index, file: files[index], kind, ...idOf(index) });
        };
        worker.on("message", (result: TaskResult) => {
          results[result.index] = result;
          bar.tick();
          feed();
        });
        worker.on("error", reject);
        feed();
      }),
    ),
  );
  bar.done();
  return results;
}

function progressBar(total: number, stream: NodeJS.WriteStream | undefined) {
  const started = Date.now();
  let done = 0;
  let drawn = false;
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
      if (drawn) stream?.write("\r\x1b[K");
    },
  };
}
