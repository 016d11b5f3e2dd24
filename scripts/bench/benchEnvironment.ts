import { randomBytes } from "node:crypto";
import { resolveDatabaseServer, type DatabaseServer } from "@mousetrail/server/db/connectMongo";
import { createUser } from "@mousetrail/server/domain/auth/createUser";
import { seedDemo, type DemoLogin } from "@mousetrail/server/domain/demo/seedDemo";
import { updateSitePrivacy } from "@mousetrail/server/domain/privacy/updateSitePrivacy";
import { generateReceiptSigningKeyPem } from "@mousetrail/server/domain/receipts/receiptSigningKey";
import { createSite } from "@mousetrail/server/domain/sites/createSite";
import { createTenant } from "@mousetrail/server/domain/tenants/createTenant";
import { createLogger, type Logger } from "@mousetrail/server/logging/logger";
import { tenantScope } from "@mousetrail/server/repositories/tenantScope";
import { startServer, type RunningServer } from "@mousetrail/server/startServer";
import { collections, type SiteDoc } from "@mousetrail/server/db/collections";

/** The origin the bench site allows, sent as the Origin header of every bench batch. */
export const benchOrigin = "https://shop.bench.example";

/**
 * One database and the real server for the whole run: the database through the server's own
 * resolution chain (MONGODB_URI, else mongod, else the offline fallback), the server
 * in-process on a free port with background work off and a database of its own.
 */
export interface BenchEnvironment {
  databaseServer: DatabaseServer;
  server: RunningServer;
  logger: Logger;
  /** The load's site: a tenant's own, with the demo shop's privacy settings, under which its visits were recorded. */
  benchSite: SiteDoc;
  /** The demo shop's tenant and site, seeded into the fresh database. */
  demo: DemoLogin;
  close(): Promise<void>;
}

export async function startBenchEnvironment(): Promise<BenchEnvironment> {
  const logger = benchLogger();
  const databaseServer = await resolveDatabaseServer({ uri: process.env.MONGODB_URI, dataDir: undefined, logger });
  let server: RunningServer | undefined;
  try {
    server = await startServer(
      {
        port: 0,
        mongodbUri: databaseServer.uri,
        dbName: `bench_${randomBytes(6).toString("hex")}`,
        dataDir: "/nonexistent",
        sessionSecret: randomBytes(32).toString("base64url"),
        receiptSigningKey: generateReceiptSigningKeyPem(),
        trustProxy: false,
        background: false,
      },
      logger,
    );
    const db = server.database.db;
    const now = new Date();
    // The demo first: it seeds only a database without users.
    const origins = [server.url, server.url.replace("localhost", "127.0.0.1")];
    const demo = await seedDemo(db, { allowedOrigins: origins, now });
    if (!demo) throw new Error("the demo was not seeded into the fresh bench database");
    const owner = await createUser(db, { email: "bench-owner@bench.example", password: randomBytes(18).toString("base64url"), name: "Bench owner", now });
    const actor = { type: "user" as const, id: owner._id, platform: false };
    const tenant = await createTenant({ db, ownerId: owner._id, actor, name: "Bench", now });
    const call = { scope: tenantScope(db, tenant._id), actor, now };
    const created = await createSite(call, { name: "Bench shop", allowedOrigins: [benchOrigin] });
    const demoSite = await collections(db).sites.findOne({ _id: demo.siteId });
    if (!demoSite) throw new Error("the demo site was not seeded");
    const { site: benchSite } = await updateSitePrivacy(call, created._id, { settings: demoSite.privacy.settings });
    const running = server;
    return {
      databaseServer,
      server: running,
      logger,
      benchSite,
      demo,
      async close() {
        await running.database.db.dropDatabase();
        await running.stop();
        await databaseServer.stop();
      },
    };
  } catch (error) {
    await server?.stop();
    await databaseServer.stop();
    throw error;
  }
}

/**
 * The server logs at `info`, as deployed, so the cost of its request log stays in the figures;
 * the lines go nowhere except warnings and errors, which reach stderr.
 */
function benchLogger(): Logger {
  return createLogger({
    level: "info",
    name: "bench",
    destination: {
      write(line: string) {
        if (!line.startsWith('{"level":30')) process.stderr.write(line);
      },
    },
  });
}
