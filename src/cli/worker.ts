/** A worker thread of the CLI: reads one file at a time and runs one stage on it (see parallel.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { runTask, type TaskRequest } from "./tasks.js";

const port = parentPort;
if (!port) throw new Error("vncite worker: to be started by parallel.ts");
port.on("message", (request: TaskRequest) => port.postMessage(runTask(request, workerData as { registry?: string })));
