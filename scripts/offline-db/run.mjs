// `npm run db:offline [-- --memory] [-- --port N]`: runs the offline MongoDB fallback on its own,
// persisting to $MOUSETRAIL_DATA_DIR/offline-mongo.mv.db (default ./.data), until Ctrl-C.
// stdout carries only `MONGODB_URI=...` so a script can read it; everything else goes to stderr.

import { join } from "node:path";
import { parseArgs } from "node:util";
import { startOfflineMongo } from "./offlineMongo.mjs";

const usage = "usage: node scripts/offline-db/run.mjs [--memory] [--port N]";

function readOptions() {
  const { values } = parseArgs({ options: { memory: { type: "boolean" }, port: { type: "string" } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535 (0 picks a free port), got '${values.port}'`);
  }
  const dataDir = process.env.MOUSETRAIL_DATA_DIR || "./.data";
  return { port, persistFile: values.memory ? undefined : join(dataDir, "offline-mongo.mv.db") };
}

let options;
try {
  options = readOptions();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
  process.exit(2);
}

let server;
try {
  server = await startOfflineMongo(options);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
console.error(`offline-db: ${options.persistFile ? `persisting to ${options.persistFile}` : "in memory, nothing is kept"}; Ctrl-C stops it`);
console.log(`MONGODB_URI=${server.uri}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => void server.stop());
}
// An unexpected exit has already been reported through onLog; only the status is left to set.
const { code } = await server.exited;
// 143: the JVM handled our SIGTERM; 130: Ctrl-C reached it directly (same process group).
process.exitCode = code === 0 || code === 130 || code === 143 ? 0 : 1;
