import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createLogger, type Logger } from "../logging/logger.js";
import type { BackgroundIntervals } from "../jobs/startBackgroundWork.js";
import { startServer, type RunningServer } from "../startServer.js";
import { testReceiptSigningKeyPem } from "./testReceiptKey.js";
// The types of inject("mongoUri"), declared by the global setup that provides it.
import type {} from "./globalDatabase.js";

/** A real HTTP server on a free port, with a database of its own, for one test file. */
export function useTestServer(
  options: { logger?: Logger; trustProxy?: boolean; maxCollectInFlight?: number; background?: BackgroundIntervals | false; derivation?: false } = {},
): { readonly server: RunningServer; readonly url: string } {
  let running: RunningServer | undefined;
  beforeAll(async () => {
    running = await startServer(
      {
        port: 0,
        mongodbUri: inject("mongoUri"),
        dbName: `test_${randomBytes(6).toString("hex")}`,
        dataDir: "/nonexistent",
        sessionSecret: "test-session-secret-test-session-secret",
        receiptSigningKey: testReceiptSigningKeyPem,
        trustProxy: options.trustProxy ?? false,
        // Background tasks off unless asked for: tests drive jobs and sweeps by hand, deterministically.
        background: options.background ?? false,
        // The derivation worker runs as in every server; tests wait for it with server.derivation.drain().
        ...(options.derivation === false ? { derivation: false as const } : {}),
        ...(options.maxCollectInFlight !== undefined ? { maxCollectInFlight: options.maxCollectInFlight } : {}),
      },
      options.logger ?? createLogger({ level: process.env.LOG_LEVEL ?? "silent" }),
    );
  });
  afterAll(async () => {
    if (!running) return;
    await running.database.db.dropDatabase();
    await running.stop();
  });
  return {
    get server() {
      if (!running) throw new Error("useTestServer: the server runs only inside tests and hooks");
      return running;
    },
    get url() {
      return this.server.url;
    },
  };
}
