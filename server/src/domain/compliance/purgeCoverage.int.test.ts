import type { Db } from "mongodb";
import { describe, expect, it } from "vitest";
import { analyticsOnTenantPurge } from "../../db/analyticsCollections.js";
import { indexSpecs } from "../../db/ensureIndexes.js";
import { callerAs, createTenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, postBatch, randomRecorderId } from "../../testing/collectClient.js";
import { useTestServer } from "../../testing/testServer.js";
import { keptAnalyticsCollections, keptByAnalyticsPurge, purgedAnalyticsCollections } from "./keptByAnalyticsPurge.js";

/**
 * Collections that hold documents of a tenant, found two ways: documents carrying a tenantId
 * in the database, and declared indexes starting from tenantId (so a collection is caught as
 * soon as its indexes are declared, before any test writes to it).
 */
async function tenantCollections(db: Db): Promise<string[]> {
  const names = new Set([...(await db.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name), ...Object.keys(indexSpecs)]);
  const found: string[] = [];
  for (const name of names) {
    const declared = (indexSpecs[name] ?? []).some((index) => Object.keys(index.key)[0] === "tenantId");
    if (declared || (await db.collection(name).countDocuments({ tenantId: { $exists: true } }, { limit: 1 })) > 0) found.push(name);
  }
  return found.sort();
}

function unclassified(names: readonly string[]): string[] {
  const purged = new Set<string>(purgedAnalyticsCollections);
  return names.filter((name) => !purged.has(name) && !(name in keptByAnalyticsPurge));
}

describe("MS-1.7 no collection of tenant data is forgotten by the purge", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;

  it("MS-1.7 every collection holding tenant documents is purged, or kept on purpose with a reason", async () => {
    // Data everywhere the product writes for a tenant: fixtures, a recording with a violation, an opt-out, an erasure, a purge.
    const tenant = await createTenantFixture(db(), "Coverage");
    const origin = tenant.site.allowedOrigins[0] as string;
    const visitorId = randomRecorderId();
    const payload = batchPayload(tenant.site.siteKey, { visitorId, page: { url: `${origin}/account/jane.doe@example.com`, startedAt: Date.now() } });
    expect((await postBatch(server.url, payload, { origin })).status).toBe(204);
    const officer = callerAs(db(), tenant.members.compliance);
    await officer.compliance.eraseVisitor({ tenantId: tenant.tenantId, siteId: tenant.site._id, visitorId: randomRecorderId() });
    expect((await postBatch(server.url, batchPayload(tenant.site.siteKey, { page: { url: `${origin}/`, startedAt: Date.now() } }), { origin })).status).toBe(204);

    const found = await tenantCollections(db());
    for (const expected of ["sessions", "recordingChunks", "optOuts", "purges", "auditLog", "sites"]) expect(found).toContain(expected);
    expect(unclassified(found), "classify these in db/analyticsCollections.ts (analyticsOnTenantPurge) or domain/compliance/keptByAnalyticsPurge.ts").toEqual([]);

    // The guard itself can fail: a new collection of tenant data, classified nowhere, is reported.
    await db().collection("newFeatureThings").insertOne({ tenantId: tenant.tenantId, siteId: tenant.site._id });
    try {
      expect(unclassified(await tenantCollections(db()))).toEqual(["newFeatureThings"]);
    } finally {
      await db().collection("newFeatureThings").drop();
    }
  });

  it("MS-1.7 keeps nothing it purges, and states why for every analytics collection it keeps", () => {
    expect(purgedAnalyticsCollections.filter((name) => name in keptByAnalyticsPurge)).toEqual([]);
    expect(keptAnalyticsCollections).toContain("optOuts");
    for (const name of keptAnalyticsCollections) expect(keptByAnalyticsPurge[name]?.length ?? 0, name).toBeGreaterThan(40);
    expect(Object.keys(analyticsOnTenantPurge).sort()).toEqual([...purgedAnalyticsCollections, ...keptAnalyticsCollections].sort());
    // Recording chunks go first: everything else can be derived again from them, never the other way round.
    expect(purgedAnalyticsCollections[0]).toBe("recordingChunks");
  });
});
