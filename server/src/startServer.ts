import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerServices } from "./api/context.js";
import type { Config } from "./config/config.js";
import { connectMongo, type DatabaseConnection } from "./db/connectMongo.js";
import { ensureIndexes } from "./db/ensureIndexes.js";
import { publishBuiltInPolicies } from "./domain/privacy/policyLibrary.js";
import { publishReceiptKey } from "./domain/receipts/publishedReceiptKeys.js";
import { loadReceiptSigningKey } from "./domain/receipts/receiptSigningKey.js";
import { assembleApp } from "./http/createApp.js";
import type { CollectPipeline } from "./ingest/collectPipeline.js";
import type { DerivationOptions, DerivationWorker } from "./rollups/derivation/derivationWorker.js";
import { defaultBackgroundIntervals, startBackgroundWork, type BackgroundIntervals } from "./jobs/startBackgroundWork.js";
import type { Logger } from "./logging/logger.js";

export interface RunningServer {
  url: string;
  server: Server;
  database: DatabaseConnection;
  services: ServerServices;
  /** The pipeline behind POST /collect (its `metrics` time each step). */
  collectPipeline: CollectPipeline;
  /** Derives sessions, page views and rollups from stored chunks; `drain()` waits until none is pending. */
  derivation: DerivationWorker;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  stop(): Promise<void>;
}

const shutdownGraceMs = 10_000;

export async function startServer(
  config: Pick<Config, "port" | "mongodbUri" | "dataDir" | "sessionSecret" | "trustProxy"> & {
    /** RECEIPT_SIGNING_KEY (PEM); absent: the key kept in dataDir, generated on the first start. */
    receiptSigningKey?: string | undefined;
    publicUrl?: string | undefined;
    dbName?: string;
    maxCollectInFlight?: number;
    /** The longest a batch may be in flight (default maxBatchInFlightMs); shorter only in tests. */
    batchInFlightMs?: number;
    /** Intervals of the background tasks; false runs none (tests that drive them by hand). */
    background?: BackgroundIntervals | false;
    /** The derivation worker runs in every server, with these options; false leaves it to `derivation.drain()` (tests of crashes and replays). */
    derivation?: Partial<DerivationOptions> | false;
  },
  logger: Logger,
  options: { embeddedDataDir?: string | undefined } = {},
): Promise<RunningServer> {
  // Before the database: a key that cannot be read or written stops the start with a clear error.
  const receiptSigningKey = loadReceiptSigningKey({ configuredPem: config.receiptSigningKey, dataDir: config.dataDir });
  const database = await connectMongo({
    uri: config.mongodbUri,
    dataDir: "embeddedDataDir" in options ? options.embeddedDataDir : config.dataDir,
    logger,
    ...(config.dbName ? { dbName: config.dbName } : {}),
  });
  await ensureIndexes(database.db);
  await publishBuiltInPolicies(database.db, new Date());
  await publishReceiptKey(database.db, receiptSigningKey, new Date());
  const services: ServerServices = {
    db: database.db,
    logger,
    sessionSecret: config.sessionSecret,
    receiptSigningKey,
    now: () => new Date(),
    ...(config.batchInFlightMs !== undefined ? { batchInFlightMs: config.batchInFlightMs } : {}),
  };
  const { app, collectPipeline, derivation } = assembleApp({
    services,
    backend: database.backend,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    ...(config.maxCollectInFlight !== undefined ? { maxCollectInFlight: config.maxCollectInFlight } : {}),
    ...(config.derivation ? { derivation: config.derivation } : {}),
  });
  const server = createServer(app.callback());
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const background = config.background === false ? null : startBackgroundWork(database.db, logger, config.background ?? defaultBackgroundIntervals);
  if (config.derivation !== false) derivation.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), shutdownGraceMs);
      await closed;
      clearTimeout(force);
      await background?.stop();
      await derivation.stop();
      await database.close();
    })());

  return { url: `http://localhost:${port}`, server, database, services, collectPipeline, derivation, stop };
}
