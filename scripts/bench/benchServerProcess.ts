import { createLogger, type Logger } from "@mousetrail/server/logging/logger";
import { startServer } from "@mousetrail/server/startServer";
import { defaultBackgroundIntervals } from "@mousetrail/server/jobs/startBackgroundWork";
import { serveBenchProcess } from "./benchProcess.js";

/**
 * The server under test, in a process of its own (started by benchEnvironment.ts): the real
 * `startServer` with its background work, as every deployed server process runs it (so the
 * rollup derivation runs here, beside the requests it derives from), on a free port, in the
 * bench's database. Besides HTTP it answers the bench over IPC: `metrics` (the collect
 * pipeline's per-step timings) and `memory` (this process's RSS and its peak).
 *
 * Environment: BENCH_MONGODB_URI, BENCH_DB_NAME, BENCH_SESSION_SECRET.
 */
async function run(): Promise<void> {
  const required = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name}: required (set by scripts/bench/benchEnvironment.ts)`);
    return value;
  };
  const running = await startServer(
    {
      port: 0,
      mongodbUri: required("BENCH_MONGODB_URI"),
      dbName: required("BENCH_DB_NAME"),
      dataDir: "/nonexistent",
      sessionSecret: required("BENCH_SESSION_SECRET"),
      trustProxy: false,
      background: defaultBackgroundIntervals,
    },
    benchLogger(),
  );
  serveBenchProcess(
    { url: running.url.replace("localhost", "127.0.0.1") },
    {
      metrics: () => [...running.collectPipeline.metrics].map(([step, entry]) => ({ step, ...entry })),
      memory: () => ({ rssBytes: process.memoryUsage.rss(), peakRssBytes: process.resourceUsage().maxRSS * 1024 }),
    },
    () => running.stop(),
  );
}

/**
 * The server logs at `info`, as deployed, so the cost of its request log stays in the figures;
 * the lines go nowhere except warnings and errors, which reach stderr.
 */
function benchLogger(): Logger {
  return createLogger({
    level: "info",
    name: "bench-server",
    destination: {
      write(line: string) {
        if (!line.startsWith('{"level":30')) process.stderr.write(line);
      },
    },
  });
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
