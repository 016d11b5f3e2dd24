import type { Db } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../db/analyticsCollections.js";
import type { SiteDoc } from "../db/collections.js";
import { createSite } from "../domain/sites/createSite.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { createTenantFixture, type TenantFixture } from "../testing/apiHarness.js";
import { batchPayload, recordedAt, recordedCheckoutEvents } from "../testing/collectClient.js";
import { interceptedDb, SimulatedCrash } from "../testing/interceptedDb.js";
import { useTestDatabase } from "../testing/testDatabase.js";
import type { CollectPayload } from "./collectPayload.schema.js";
import { createCollectPipeline } from "./collectPipeline.js";
import { createSiteDirectory } from "./siteDirectory.js";
import { visitorKeySecretOf } from "./siteScopedKey.js";
import { rollupLeaseMs } from "./steps/storeBatchStep.js";
import { sweepPendingRollups } from "./sweepPendingRollups.js";

/**
 * A process can die between any two of the writes that derive a stored chunk (its page view,
 * session, heatmaps, scroll map, daily figures); the sweeper then derives the chunk again. For
 * every such point, the figures after recovery must be exactly those of an undisturbed run.
 */

const origin = "https://shop.example";
const startedAt = Date.parse("2026-03-02T10:00:00Z");
/** What deriving writes: the derived documents, and the chunk's state (the chunk itself is stored before). */
const derivedCollections = new Set(["pageViews", "sessions", "heatmapRollups", "scrollRollups", "pageDaily", "siteDaily"]);
const writeMethods = new Set(["findOneAndUpdate", "updateOne", "updateMany", "insertOne", "bulkWrite"]);
const isDerivationWrite = (collection: string, method: string) =>
  writeMethods.has(method) && (derivedCollections.has(collection) || (collection === "recordingChunks" && (method === "updateOne" || method === "updateMany")));

/** The first batch of a page view (it creates the page view and the session), then a later one. */
function visitBatches(siteKey: string): CollectPayload[] {
  const first = batchPayload(siteKey, {
    page: { url: `${origin}/checkout`, startedAt, loadTimeMs: 640 },
    sentAt: startedAt + 5_000,
    events: recordedAt(recordedCheckoutEvents(), startedAt),
  });
  const at = startedAt + 6_000;
  const click = (x: number) => ({ type: 3, data: { source: 2, type: 2, id: 73, x, y: 200 }, timestamp: at + x });
  const { page: _page, technical: _technical, ...rest } = first;
  const second: CollectPayload = {
    ...rest,
    seq: 1,
    sentAt: at + 5_000,
    view: { width: 1280, height: 720, scrollX: 0, scrollY: 0, documentHeight: 2880 },
    events: [click(100), click(110), click(120), { type: 3, data: { source: 3, id: 1, x: 0, y: 2160 }, timestamp: at + 2_000 }],
  };
  return [first, second];
}

function ingestInto(db: Db) {
  const pipeline = createCollectPipeline({ db, sites: createSiteDirectory(db), visitorKeySecret: visitorKeySecretOf("derive-from-chunk-test-secret") });
  return (payload: CollectPayload) =>
    pipeline.run({
      body: Buffer.from(JSON.stringify(payload)),
      encoding: "identity",
      origin,
      ip: "203.0.113.9",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
      receivedAt: new Date(startedAt + 10_000),
    });
}

/**
 * A database on which the process "dies" while deriving the chunk it stores: the `crashAt`-th
 * write of the derivation reaches the database, and then the call throws (0: the process dies
 * before the first of them).
 */
function dyingDuringDerivation(db: Db, crashAt: number): Db {
  let writes = 0;
  return interceptedDb(db, async (call, proceed) => {
    if (!isDerivationWrite(call.collection, call.method)) return proceed();
    writes++;
    if (crashAt === 0 || writes > crashAt) throw new SimulatedCrash(`died before derivation write ${writes}`);
    const result = await proceed();
    if (writes === crashAt) throw new SimulatedCrash(`died after derivation write ${writes}`);
    return result;
  });
}

/** What the reports read of one site, without the ids that differ from run to run. */
async function figuresOf(db: Db, siteId: string) {
  const stored = analyticsCollections(db);
  const strip = ({ _id, tenantId, siteId: _siteId, sessionKey, visitorKey, pageId, createdBy, derivingChunks, ...rest }: Record<string, unknown>) => rest;
  const all = async (name: "sessions" | "pageViews" | "heatmapRollups" | "scrollRollups" | "pageDaily" | "siteDaily") =>
    (await db.collection(name).find({ siteId }).toArray()).map((document) => strip(document)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    sessions: await all("sessions"),
    pageViews: await all("pageViews"),
    heatmaps: await all("heatmapRollups"),
    scroll: await all("scrollRollups"),
    pageDaily: await all("pageDaily"),
    siteDaily: await all("siteDaily"),
    pendingChunks: await stored.recordingChunks.countDocuments({ siteId, "rollup.state": "pending" }),
  };
}

describe("deriveFromChunk after a crash at any point", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;
  let reference: Awaited<ReturnType<typeof figuresOf>>;
  const newSite = (name: string): Promise<SiteDoc> =>
    createSite({ scope: tenantScope(database.db, tenant.tenantId), actor: { type: "system", id: "test" }, now: new Date() }, { name, allowedOrigins: [origin] });

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Derive");
    const site = await newSite("undisturbed");
    const ingest = ingestInto(database.db);
    for (const batch of visitBatches(site.siteKey)) expect((await ingest(batch)).kind).toBe("ok");
    reference = await figuresOf(database.db, site._id);
    expect(reference.siteDaily).toMatchObject([{ sessions: 1, pageViews: 1 }]);
    expect(reference.pageDaily).toMatchObject([{ pageViews: 1, clicks: expect.any(Number) }]);
  });

  for (const crashedBatch of [0, 1] as const) {
    it(`counts everything once when the process dies deriving batch ${crashedBatch} (${crashedBatch === 0 ? "it creates the page view and session" : "it extends them"})`, async () => {
      let crashPoints = 0;
      for (let crashAt = 0; ; crashAt++) {
        const site = await newSite(`crash ${crashedBatch}/${crashAt}`);
        const [first, second] = visitBatches(site.siteKey) as [CollectPayload, CollectPayload];
        if (crashedBatch === 1) expect((await ingestInto(database.db)(first)).kind).toBe("ok");
        const crashed = await ingestInto(dyingDuringDerivation(database.db, crashAt))(crashedBatch === 0 ? first : second).then(
          () => false,
          (error: unknown) => {
            if (!(error instanceof SimulatedCrash)) throw error;
            return true;
          },
        );
        // The sweeper, once the dead request's lease has run out.
        await sweepPendingRollups(database.db, { now: new Date(Date.now() + rollupLeaseMs + 1_000) });
        if (crashedBatch === 0) expect((await ingestInto(database.db)(second)).kind).toBe("ok");
        expect(await figuresOf(database.db, site._id), `died after derivation write ${crashAt}`).toEqual(reference);
        if (!crashed) break;
        crashPoints++;
      }
      // Every write of the derivation was a crash point.
      expect(crashPoints).toBeGreaterThanOrEqual(8);
    });
  }

  it("leaves a batch counted for an earlier time to its own request for the whole lease, on the server's clock", async () => {
    const site = await newSite("replayed into the past");
    const [first] = visitBatches(site.siteKey) as [CollectPayload];
    // The request stores the chunk (receivedAt is days ago) and is still deriving it: here, it died.
    await expect(ingestInto(dyingDuringDerivation(database.db, 0))(first)).rejects.toThrow(SimulatedCrash);
    expect(await sweepPendingRollups(database.db, { now: new Date() })).toBe(0);
    expect(await sweepPendingRollups(database.db, { now: new Date(Date.now() + rollupLeaseMs + 1_000) })).toBe(1);
    expect((await figuresOf(database.db, site._id)).siteDaily).toMatchObject([{ sessions: 1, pageViews: 1 }]);
  });
});
