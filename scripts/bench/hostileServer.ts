/**
 * The server for the hostile part, in a process of its own so its memory is measured alone:
 * `MONGODB_URI=… BENCH_DB=… BENCH_ORIGIN=… node --import tsx --conditions=@mousetrail/source hostileServer.ts`.
 * Runs with its background work (the derivation worker among it), as deployed, on a database of
 * its own holding one site that allows BENCH_ORIGIN. Prints `{"url", "siteKey", "siteId"}` on
 * one line once listening; on SIGTERM drops its database and exits.
 */
import { randomBytes } from "node:crypto";
import { createUser } from "@mousetrail/server/domain/auth/createUser";
import { createSite } from "@mousetrail/server/domain/sites/createSite";
import { createTenant } from "@mousetrail/server/domain/tenants/createTenant";
import { defaultBackgroundIntervals } from "@mousetrail/server/jobs/startBackgroundWork";
import { createLogger } from "@mousetrail/server/logging/logger";
import { tenantScope } from "@mousetrail/server/repositories/tenantScope";
import { startServer } from "@mousetrail/server/startServer";

const mongodbUri = process.env.MONGODB_URI;
const dbName = process.env.BENCH_DB;
const origin = process.env.BENCH_ORIGIN;
if (!mongodbUri || !dbName || !origin) throw new Error("hostileServer: MONGODB_URI, BENCH_DB and BENCH_ORIGIN are required");

const running = await startServer(
  {
    port: 0,
    mongodbUri,
    dbName,
    dataDir: "/nonexistent",
    sessionSecret: randomBytes(32).toString("base64url"),
    trustProxy: false,
    background: process.env.BENCH_BACKGROUND === "0" ? false : defaultBackgroundIntervals,
  },
  createLogger({ level: "warn", name: "hostile-server" }),
);
const db = running.database.db;
const now = new Date();
const owner = await createUser(db, { email: "hostile@bench.example", password: randomBytes(18).toString("base64url"), name: "Hostile bench", now });
const actor = { type: "user" as const, id: owner._id, platform: false };
const tenant = await createTenant({ db, ownerId: owner._id, actor, name: "Hostile bench", now });
const site = await createSite({ scope: tenantScope(db, tenant._id), actor, now }, { name: "Hostile bench", allowedOrigins: [origin] });
process.stdout.write(`${JSON.stringify({ url: running.url, siteKey: site.siteKey, siteId: site._id })}\n`);
process.once("SIGTERM", () => {
  void db
    .dropDatabase()
    .then(() => running.stop())
    .finally(() => process.exit(0));
});
