// `node scripts/offline-db/fetch.mjs`: fetches mongo-java-server's Maven dependencies and compiles
// the launcher, so tests do not pay for it (CI runs this before the test suite). Idempotent: when
// both are current it only reads two small stamp files.

import { prepareOfflineMongo } from "./prepareOfflineMongo.mjs";

const started = performance.now();
try {
  await prepareOfflineMongo({ onLog: (line) => console.error(line) });
  console.error(`offline-db: mongo-java-server ready to start (${Math.round(performance.now() - started)} ms)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
