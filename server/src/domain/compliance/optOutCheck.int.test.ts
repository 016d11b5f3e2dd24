import type { Db } from "mongodb";
import { describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { createCollectPipeline } from "../../ingest/collectPipeline.js";
import { createTenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, randomRecorderId } from "../../testing/collectClient.js";
import { createSiteDirectory } from "../sites/siteDirectory.js";
import { visitorKeySecretOf } from "../sites/siteScopedKey.js";
import { isOptedOut } from "./optOutCheck.js";

/** The same database, counting the reads of the opt-out collection. */
function countingOptOutReads(db: Db): { db: Db; reads: () => number } {
  let reads = 0;
  const counted = new Proxy(db, {
    get(target, property) {
      if (property !== "collection") return Reflect.get(target, property, target) as unknown;
      return (name: string) => {
        const collection = target.collection(name);
        if (name !== "optOuts") return collection;
        return new Proxy(collection, {
          get(inner, method) {
            const value = Reflect.get(inner, method, inner) as unknown;
            if (method === "find") reads++;
            return typeof value === "function" ? value.bind(inner) : value;
          },
        });
      };
    },
  });
  return { db: counted, reads: () => reads };
}

describe("MS-4.1 the opt-out check of ingestion", () => {
  const database = useTestDatabase();

  it("MS-4.1 answers every concurrent check exactly, in one read for all of them", async () => {
    const at = new Date("2026-03-02T10:00:00Z");
    await analyticsCollections(database.db).optOuts.insertMany([
      { tenantId: "tenant_a", siteId: "site_a", visitorKey: "visitor-3", at },
      // The same visitor key opted out of another tenant's site: not of site_a.
      { tenantId: "tenant_b", siteId: "site_a", visitorKey: "visitor-5", at },
    ]);
    const { db, reads } = countingOptOutReads(database.db);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, index) => isOptedOut(db, { tenantId: "tenant_a", siteId: "site_a", visitorKey: `visitor-${index}` })));
    expect(answers.flatMap((optedOut, index) => (optedOut ? [index] : []))).toEqual([3]);
    expect(reads()).toBe(1);
  });

  it("MS-4.1 sees an opt-out stored by another process from the next check on (nothing is cached)", async () => {
    const key = { tenantId: "tenant_c", siteId: "site_c", visitorKey: "visitor-late" };
    expect(await isOptedOut(database.db, key)).toBe(false);
    await analyticsCollections(database.db).optOuts.insertOne({ ...key, at: new Date("2026-03-02T10:00:00Z") });
    expect(await isOptedOut(database.db, key)).toBe(true);
  });

  it("MS-4.1 the erasure fence's re-check before the insert rides on the per-turn opt-out read: concurrent batches share reads", async () => {
    const tenant = await createTenantFixture(database.db, "Opt-out reads");
    const origin = tenant.site.allowedOrigins[0] as string;
    const { db, reads } = countingOptOutReads(database.db);
    const pipeline = createCollectPipeline({ db, sites: createSiteDirectory(database.db), visitorKeySecret: visitorKeySecretOf("opt-out-reads-secret") });
    const batches = 50;
    const outcomes = await Promise.all(
      Array.from({ length: batches }, () => {
        const payload = batchPayload(tenant.site.siteKey, { visitorId: randomRecorderId(), sessionId: randomRecorderId(), pageId: randomRecorderId(), page: { url: `${origin}/`, startedAt: Date.now() } });
        return pipeline.run({ body: Buffer.from(JSON.stringify(payload)), encoding: "identity", origin, ip: "203.0.113.9", userAgent: "test", receivedAt: new Date() });
      }),
    );
    expect(outcomes.filter((outcome) => outcome.kind === "ok")).toHaveLength(batches);
    // Each batch asks twice (its opt-out check, and again just before its insert): 100 checks.
    // The first checks share one read; the re-checks join whichever read is next.
    console.info(`opt-out reads for ${batches} concurrent batches (${2 * batches} checks): ${reads()}`);
    expect(reads()).toBeLessThanOrEqual(batches / 2);
  });
});
