import { ConfigError, loadConfig } from "../config/config.js";
import { defaultBackgroundIntervals } from "../jobs/startBackgroundWork.js";
import { createLogger } from "../logging/logger.js";
import { startServer } from "../startServer.js";

/**
 * The server as a process of its own, for tests that kill it (crashRecovery.int.test.ts). It
 * reads the environment as `npm start` does (MONGODB_URI with the database name in its path,
 * PORT, SESSION_SECRET), runs the background work and the derivation worker like every server
 * process, and prints `listening <url>` once it takes requests.
 *
 *   node --conditions=@mousetrail/source --import tsx server/src/e2e/serverProcess.ts
 */
async function run(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.mongodbUri) throw new ConfigError("MONGODB_URI: required (this process never starts a database of its own)");
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? "warn" });
  // A short lease, so that the rounds a killed process held are taken over within the test's patience.
  const leaseMs = Number(process.env.MOUSETRAIL_DERIVATION_LEASE_MS ?? 60_000);
  if (!Number.isInteger(leaseMs) || leaseMs < 1_000) throw new ConfigError("MOUSETRAIL_DERIVATION_LEASE_MS: must be a whole number of milliseconds, at least 1000");
  // Shorter bounds for the erasure and purge tests (erasureRace.int.test.ts), so they run in seconds.
  const batchInFlightMs = wholeMs("MOUSETRAIL_BATCH_IN_FLIGHT_MS", 100);
  const purgesMs = wholeMs("MOUSETRAIL_PURGES_INTERVAL_MS", 100);
  const complianceLeaseMs = wholeMs("MOUSETRAIL_COMPLIANCE_LEASE_MS", 1_000);
  const background = { ...defaultBackgroundIntervals, ...(purgesMs ? { purgesMs } : {}), ...(complianceLeaseMs ? { complianceLeaseMs } : {}) };
  const running = await startServer({ ...config, background, derivation: { leaseMs }, ...(batchInFlightMs ? { batchInFlightMs } : {}) }, logger);
  process.stdout.write(`listening ${running.url}\n`);
  process.once("SIGTERM", () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

/** A whole number of milliseconds from the environment, at least `min`; undefined when unset. */
function wholeMs(name: string, min: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name}: must be a whole number of milliseconds, at least ${min}`);
  return value;
}

run().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
