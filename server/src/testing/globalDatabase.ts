import type { TestProject } from "vitest/node";
import { resolveDatabaseServer } from "../db/connectMongo.js";
import { createLogger } from "../logging/logger.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The MongoDB server every test file uses, each file with a database of its own. */
    mongoUri: string;
    mongoBackend: string;
  }
}

/**
 * vitest global setup: one database server for the whole run, through the same resolution
 * chain as `npm start` (MONGODB_URI, else an in-memory mongod, else the offline fallback
 * in memory).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? "warn", name: "test-db" });
  const server = await resolveDatabaseServer({ uri: process.env.MONGODB_URI, dataDir: undefined, logger });
  project.provide("mongoUri", server.uri);
  project.provide("mongoBackend", server.backend);
  return () => server.stop();
}
