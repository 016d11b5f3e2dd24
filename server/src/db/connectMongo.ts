import { lookup } from "node:dns/promises";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { MongoClient, type Db } from "mongodb";
import type { Logger } from "../logging/logger.js";

export type DatabaseBackend = "external" | "mongod" | "offline";

export interface DatabaseConnection {
  client: MongoClient;
  db: Db;
  backend: DatabaseBackend;
  uri: string;
  /** Closes the client and stops the embedded server, if this process started one. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** MONGODB_URI: when set it is used as it is. */
  uri: string | undefined;
  /** Where embedded databases keep their files; undefined keeps them in memory (tests). */
  dataDir: string | undefined;
  dbName?: string;
  logger: Logger;
}

export const defaultDbName = "mousetrail";

/**
 * The one resolution chain `npm start` and the tests share:
 * 1. MONGODB_URI (any real deployment),
 * 2. mongodb-memory-server running a real `mongod` (downloaded once, or MONGOMS_SYSTEM_BINARY),
 * 3. the offline fallback, mongo-java-server, when no `mongod` can be had.
 */
export async function connectMongo(options: ConnectOptions): Promise<DatabaseConnection> {
  const server = await resolveDatabaseServer(options);
  const client = new MongoClient(server.uri, { serverSelectionTimeoutMS: 10_000, appName: "mousetrail" });
  try {
    await client.connect();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const dbName = options.dbName ?? dbNameFromUri(server.uri) ?? defaultDbName;
  return {
    client,
    db: client.db(dbName),
    backend: server.backend,
    uri: server.uri,
    async close() {
      await client.close();
      await server.stop();
    },
  };
}

export interface DatabaseServer {
  uri: string;
  backend: DatabaseBackend;
  /** The database's process on this machine (for measuring its CPU); undefined for an external one. */
  pid?: number;
  stop(): Promise<void>;
}

export async function resolveDatabaseServer(options: ConnectOptions): Promise<DatabaseServer> {
  if (options.uri) {
    return { uri: options.uri, backend: "external", stop: async () => {} };
  }
  const dataDir = options.dataDir;
  const unobtainable = await whyMongodIsUnobtainable();
  if (!unobtainable) {
    try {
      return await startMemoryServer(dataDir, options.logger);
    } catch (error) {
      options.logger.warn({ reason: (error as Error).message.split("\n")[0] }, "mongodb-memory-server failed to start");
    }
  }
  options.logger.warn(
    { reason: unobtainable ?? "mongod failed to start" },
    "no mongod available (set MONGOMS_SYSTEM_BINARY to use an installed one); starting the offline fallback",
  );
  const { startOfflineMongo } = await import("@mousetrail/scripts/offline-db/offlineMongo.mjs");
  const persistFile = dataDir ? path.join(ensureDir(dataDir), "offline-mongo.mv.db") : undefined;
  const offline = await startOfflineMongo({
    ...(persistFile ? { persistFile } : {}),
    onLog: (line) => options.logger.warn(line),
  });
  return { uri: offline.uri, backend: "offline", pid: offline.pid, stop: () => offline.stop() };
}

/**
 * Fails fast where a download cannot work: with no binary configured or cached, and the
 * download host not even resolving, trying (with mongodb-memory-server's retries) would only
 * add seconds of noise before the same fallback.
 */
async function whyMongodIsUnobtainable(): Promise<string | null> {
  if (process.env.MONGOMS_SYSTEM_BINARY) return null;
  const { DryMongoBinary } = await import("mongodb-memory-server-core");
  if (await DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions())) return null;
  const source = process.env.MONGOMS_DOWNLOAD_URL ?? process.env.MONGOMS_DOWNLOAD_MIRROR ?? "https://fastdl.mongodb.org";
  const host = new URL(source).hostname;
  try {
    await Promise.race([
      lookup(host),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), 5_000).unref()),
    ]);
    return null;
  } catch (error) {
    return `no cached mongod binary, and its download host ${host} is unreachable (${(error as Error).message})`;
  }
}

async function startMemoryServer(dataDir: string | undefined, logger: Logger): Promise<DatabaseServer> {
  const { MongoMemoryServer } = await import("mongodb-memory-server-core");
  const dbPath = dataDir ? ensureDir(path.join(dataDir, "mongod")) : undefined;
  const server = await MongoMemoryServer.create({
    instance: dbPath ? { dbPath, storageEngine: "wiredTiger" } : { storageEngine: "wiredTiger" },
  });
  logger.info({ dbPath: dbPath ?? "(memory)" }, "embedded mongod started");
  return {
    uri: server.getUri(),
    backend: "mongod",
    pid: server.instanceInfo?.instance.mongodProcess?.pid,
    // Keep the files of a persistent dbPath; an in-memory one is removed.
    stop: async () => {
      await server.stop({ doCleanup: !dbPath, force: false });
    },
  };
}

function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

function dbNameFromUri(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
