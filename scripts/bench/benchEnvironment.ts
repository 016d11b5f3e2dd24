import { randomBytes } from "node:crypto";
import { connectMongo, resolveDatabaseServer, type DatabaseConnection, type DatabaseServer } from "@mousetrail/server/db/connectMongo";
import { createUser } from "@mousetrail/server/domain/auth/createUser";
import { seedDemo, type DemoLogin } from "@mousetrail/server/domain/demo/seedDemo";
import { updateSitePrivacy } from "@mousetrail/server/domain/privacy/updateSitePrivacy";
import { createSite } from "@mousetrail/server/domain/sites/createSite";
import { createTenant } from "@mousetrail/server/domain/tenants/createTenant";
import { createLogger, type Logger } from "@mousetrail/server/logging/logger";
import { tenantScope } from "@mousetrail/server/repositories/tenantScope";
import { collections, type SiteDoc } from "@mousetrail/server/db/collections";
import type { Db } from "mongodb";
import { startBenchProcess, type BenchProcess } from "./benchProcess.js";
import { startPageServer, type PageServer } from "./pageServer.js";
import type { StepMetricsEntry } from "./stepTimings.js";

/** The origin the bench site allows, sent as the Origin header of every bench batch. */
export const benchOrigin = "https://shop.bench.example";

/** The server under test, a process of its own (benchServerProcess.ts). */
export interface BenchServer {
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** The collect pipeline's per-step counters since the server started. */
  metrics(): Promise<StepMetricsEntry[]>;
  /** The server process's resident set now, and its peak since it started. */
  memory(): Promise<{ rssBytes: number; peakRssBytes: number }>;
}

/**
 * Three processes, as deployed: the database (the server's own resolution chain: MONGODB_URI,
 * else mongod, else the offline fallback, each a process of its own), the real server
 * (benchServerProcess.ts) on a free port with a database of its own, and this one, which seeds
 * that database, runs the baselines' measurements and reads what the server stored through a
 * client of its own. The load generator and the baseline servers are further processes
 * (loadClient.ts, baselineServers.ts).
 */
export interface BenchEnvironment {
  databaseServer: DatabaseServer;
  /** This process's connection to the server's database. */
  database: DatabaseConnection;
  db: Db;
  server: BenchServer;
  /** The secret the server derives its site-scoped keys from. */
  sessionSecret: string;
  logger: Logger;
  /** The load's site: a tenant's own, with the demo shop's privacy settings, under which its visits were recorded. */
  benchSite: SiteDoc;
  /** The realistic page's site (same tenant and settings), allowing only `pageServer.origin`. */
  pageSite: SiteDoc;
  /** Where the bench serves pages of its own for Chromium (the realistic page, storagePart.ts). */
  pageServer: PageServer;
  /** The demo shop's tenant and site, seeded into the fresh database. */
  demo: DemoLogin;
  close(): Promise<void>;
}

export async function startBenchEnvironment(): Promise<BenchEnvironment> {
  const logger = benchLogger();
  const databaseServer = await resolveDatabaseServer({ uri: process.env.MONGODB_URI, dataDir: undefined, logger });
  const dbName = `bench_${randomBytes(6).toString("hex")}`;
  const sessionSecret = randomBytes(32).toString("base64url");
  let serverProcess: BenchProcess<{ url: string }> | undefined;
  let database: DatabaseConnection | undefined;
  let pageServer: PageServer | undefined;
  try {
    serverProcess = await startBenchProcess<{ url: string }>(new URL("./benchServerProcess.ts", import.meta.url), {
      env: { BENCH_MONGODB_URI: databaseServer.uri, BENCH_DB_NAME: dbName, BENCH_SESSION_SECRET: sessionSecret },
    });
    const running = serverProcess;
    database = await connectMongo({ uri: databaseServer.uri, dataDir: undefined, dbName, logger });
    const db = database.db;
    const url = running.ready.url;
    const now = new Date();
    // The demo first: it seeds only a database without users.
    const demo = await seedDemo(db, { allowedOrigins: [url], now });
    if (!demo) throw new Error("the demo was not seeded into the fresh bench database");
    const owner = await createUser(db, { email: "bench-owner@bench.example", password: randomBytes(18).toString("base64url"), name: "Bench owner", now });
    const actor = { type: "user" as const, id: owner._id, platform: false };
    const tenant = await createTenant({ db, ownerId: owner._id, actor, name: "Bench", now });
    const call = { scope: tenantScope(db, tenant._id), actor, now };
    const demoSite = await collections(db).sites.findOne({ _id: demo.siteId });
    if (!demoSite) throw new Error("the demo site was not seeded");
    const siteWithDemoSettings = async (name: string, origin: string) => {
      const created = await createSite(call, { name, allowedOrigins: [origin] });
      return (await updateSitePrivacy(call, created._id, { settings: demoSite.privacy.settings })).site;
    };
    const benchSite = await siteWithDemoSettings("Bench shop", benchOrigin);
    pageServer = await startPageServer();
    const pages = pageServer;
    const pageSite = await siteWithDemoSettings("Realistic page", pages.origin);
    const connection = database;
    return {
      databaseServer,
      database: connection,
      db,
      server: {
        url,
        pid: running.pid,
        metrics: () => running.request<StepMetricsEntry[]>("metrics"),
        memory: () => running.request<{ rssBytes: number; peakRssBytes: number }>("memory"),
      },
      sessionSecret,
      logger,
      benchSite,
      pageSite,
      pageServer: pages,
      demo,
      async close() {
        await running.close();
        await pages.close();
        await db.dropDatabase();
        await connection.close();
        await databaseServer.stop();
      },
    };
  } catch (error) {
    await serverProcess?.close();
    await pageServer?.close();
    await database?.close();
    await databaseServer.stop();
    throw error;
  }
}

/** This process's log: warnings and errors reach stderr. */
function benchLogger(): Logger {
  return createLogger({ level: "warn", name: "bench", destination: { write: (line: string) => void process.stderr.write(line) } });
}
