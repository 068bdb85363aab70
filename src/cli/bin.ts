#!/usr/bin/env node
/** The `vncite` executable: the command line on the process's own streams. */
import { readFileSync } from "node:fs";
import { isatty } from "node:tty";
import { main } from "./cli.js";
import { reason } from "./inputs.js";

// `vncite … | head -1`: the reader has gone, so the rest of the output is not wanted. Leave quietly.
// Output that cannot be written (`> /dev/full`: no space left): one line, exit 1, no stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) process.stderr.write(`vncite: cannot write the output (${reason(e)})\n`);
    process.exit(1);
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: () => readFileSync(0),
  stdinIsTTY: isatty(0), // not process.stdin: opening it makes fd 0 non-blocking, and readFileSync(0) then fails
  progress: process.stderr,
  stdoutIsTTY: process.stdout.isTTY === true,
  env: process.env,
});
