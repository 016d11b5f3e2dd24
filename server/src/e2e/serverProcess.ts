import { ConfigError, loadConfig } from "../config/config.js";
import { defaultBackgroundIntervals } from "../jobs/startBackgroundWork.js";
import { createLogger } from "../logging/logger.js";
import { startServer } from "../startServer.js";

/**
 * The server as a process of its own, for tests that kill it (crashRecovery.int.test.ts). It
 * reads the environment as `npm start` does (MONGODB_URI with the database name in its path,
 * PORT, SESSION_SECRET), runs the background work like every server process, with the rollup
 * sweep every MOUSETRAIL_ROLLUP_SWEEP_MS, and prints `listening <url>` once it takes requests.
 *
 *   node --conditions=@mousetrail/source --import tsx server/src/e2e/serverProcess.ts
 */
async function run(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.mongodbUri) throw new ConfigError("MONGODB_URI: required (this process never starts a database of its own)");
  const sweepMs = Number(process.env.MOUSETRAIL_ROLLUP_SWEEP_MS ?? defaultBackgroundIntervals.rollupSweepMs);
  if (!Number.isInteger(sweepMs) || sweepMs < 100) throw new ConfigError("MOUSETRAIL_ROLLUP_SWEEP_MS: must be a whole number of milliseconds, at least 100");
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? "warn" });
  const running = await startServer({ ...config, background: { ...defaultBackgroundIntervals, rollupSweepMs: sweepMs } }, logger);
  process.stdout.write(`listening ${running.url}\n`);
  process.once("SIGTERM", () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

run().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
