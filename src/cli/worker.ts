/** A worker thread of the CLI: runs one stage on each batch of files it is sent (see parallel.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { runBatch, type TaskRequest } from "./tasks.js";
import { UsageError } from "./inputs.js";

const port = parentPort;
if (!port) throw new UsageError("vncite worker: to be started by parallel.ts");
port.on("message", async (batch: TaskRequest[]) => port.postMessage(await runBatch(batch, workerData as { registry?: string })));
