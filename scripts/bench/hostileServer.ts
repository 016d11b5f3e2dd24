/**
 * The server for the hostile part, in a process of its own so its memory is measured alone:
 * `MONGODB_URI=… BENCH_DB=… node --import tsx --conditions=@mousetrail/source hostileServer.ts`.
 * Prints `{"url": …}` on one line once listening; on SIGTERM drops its database and exits.
 */
import { randomBytes } from "node:crypto";
import { createLogger } from "@mousetrail/server/logging/logger";
import { startServer } from "@mousetrail/server/startServer";

const mongodbUri = process.env.MONGODB_URI;
const dbName = process.env.BENCH_DB;
if (!mongodbUri || !dbName) throw new Error("hostileServer: MONGODB_URI and BENCH_DB are required");

const running = await startServer(
  { port: 0, mongodbUri, dbName, dataDir: "/nonexistent", sessionSecret: randomBytes(32).toString("base64url"), trustProxy: false, background: false },
  createLogger({ level: "warn", name: "hostile-server" }),
);
process.stdout.write(`${JSON.stringify({ url: running.url })}\n`);
process.once("SIGTERM", () => {
  void running.database.db
    .dropDatabase()
    .then(() => running.stop())
    .finally(() => process.exit(0));
});
