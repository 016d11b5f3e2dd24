import { beforeAll, describe, expect, it } from "vitest";
import { analyticsOnTenantPurge } from "../../db/analyticsCollections.js";
import { collections } from "../../db/collections.js";
import { complianceCollections } from "../../db/complianceCollections.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, postBatch, randomRecorderId } from "../../testing/collectClient.js";
import { interceptedDb, SimulatedCrash } from "../../testing/interceptedDb.js";
import { useTestServer } from "../../testing/testServer.js";
import { canonicalJson, sha256OfCanonicalJson, type JsonValue } from "./canonicalJson.js";
import { keptAnalyticsCollections, purgedAnalyticsCollections } from "./keptByAnalyticsPurge.js";
import { requestAnalyticsPurge } from "./requestAnalyticsPurge.js";
import { runPendingPurges } from "./runPendingPurges.js";

const analyticsNames = Object.keys(analyticsOnTenantPurge);
const leaseMs = 60_000;

describe("MS-1.7 tenant analytics purge", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;
  let platformStaff: TenantFixture["members"]["owner"];

  beforeAll(async () => {
    const staff = await createTenantFixture(db(), "Platform staff");
    await collections(db()).users.updateOne({ _id: staff.members.owner._id }, { $set: { platform: true } });
    platformStaff = { ...staff.members.owner, platform: true };
  });

  /** A tenant whose site received recordings through POST /collect (with a PII violation) and one opt-out through the hosted page. */
  async function tenantWithAnalytics(label: string, visitors = 2): Promise<TenantFixture> {
    const tenant = await createTenantFixture(db(), label);
    const origin = tenant.site.allowedOrigins[0] as string;
    for (let visitor = 0; visitor < visitors; visitor++) {
      const visitorId = randomRecorderId();
      const sessionId = randomRecorderId();
      for (let page = 0; page < 2; page++) {
        const pageId = randomRecorderId();
        const url = page === 0 ? `${origin}/checkout` : `${origin}/account/jane.doe@example.com`;
        for (let seq = 0; seq < 2; seq++) {
          const payload = batchPayload(tenant.site.siteKey, { visitorId, sessionId, pageId, seq, ...(seq === 0 ? { page: { url, startedAt: Date.now() } } : { page: undefined }) });
          const response = await postBatch(server.url, payload, { origin });
          expect(response.status, JSON.stringify(response.body)).toBe(204);
        }
      }
    }
    await server.server.derivation.drain();
    const optOut = await fetch(`${server.url}/optout/${tenant.site.siteKey}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
      body: new URLSearchParams({ v: randomRecorderId() }),
    });
    expect(optOut.status).toBe(200);
    return tenant;
  }

  async function countsOf(tenantId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const name of analyticsNames) counts[name] = await db().collection(name).countDocuments({ tenantId });
    return counts;
  }

  async function snapshotOf(tenantId: string): Promise<Record<string, unknown[]>> {
    const snapshot: Record<string, unknown[]> = {};
    for (const name of analyticsNames) snapshot[name] = await db().collection(name).find({ tenantId }).sort({ _id: 1 }).toArray();
    return snapshot;
  }

  const expectedRemoved = (before: Record<string, number>) =>
    purgedAnalyticsCollections.map((collection) => ({ collection, documentsRemoved: before[collection], remainingAtVerification: 0 }));

  it("MS-1.7 purge removes every byte of the tenant's analytics, keeps its opt-outs on purpose, leaves another tenant untouched, with a receipt whose digest verifies", async () => {
    const tenantA = await tenantWithAnalytics("Purged tenant");
    const tenantB = await tenantWithAnalytics("Bystander tenant");
    const before = await countsOf(tenantA.tenantId);
    for (const name of ["sessions", "pageViews", "recordingChunks", "piiViolations", "heatmapRollups", "scrollRollups", "pageDaily", "siteDaily", "optOuts"]) {
      expect(before[name], name).toBeGreaterThan(0);
    }
    const bystander = await snapshotOf(tenantB.tenantId);
    const tenantName = (await collections(db()).tenants.findOne({ _id: tenantA.tenantId }))!.name;

    const officer = callerAs(db(), tenantA.members.compliance);
    const status = await officer.compliance.purgeAnalytics({ tenantId: tenantA.tenantId, confirm: tenantName, reason: "Card numbers found in recordings" });

    expect(status.state).toBe("done");
    for (const name of purgedAnalyticsCollections) expect(await db().collection(name).countDocuments({ tenantId: tenantA.tenantId }), name).toBe(0);
    // Every other collection holding documents of the tenant is on the keep-list (see purgeCoverage.int.test.ts).
    expect(await db().collection("optOuts").countDocuments({ tenantId: tenantA.tenantId })).toBe(before.optOuts);
    expect(await snapshotOf(tenantB.tenantId)).toEqual(bystander);

    const receipt = status.receipt!;
    expect(receipt).toMatchObject({
      receipt: "mousetrail.analytics-purge",
      purgeId: status.purgeId,
      tenantId: tenantA.tenantId,
      tenantName,
      siteId: null,
      requestedBy: { type: "user", id: tenantA.members.compliance._id, platformStaff: false },
      requestedVia: "tenant",
      reason: "Card numbers found in recordings",
    });
    expect(receipt.removed).toEqual(expectedRemoved(before));
    expect(receipt.kept).toEqual(keptAnalyticsCollections.map((collection) => ({ collection, documents: before[collection], reason: expect.stringContaining("protect visitors") })));
    expect(Date.parse(receipt.startedAt)).toBeLessThanOrEqual(Date.parse(receipt.finishedAt));
    expect(receipt.statement).toContain("counted zero documents of that scope remaining");
    expect(receipt.statement).toContain("Kept on purpose: optOuts");

    // The digest verifies over the receipt as the API returns it, and changes if anything in it does.
    expect(status.receiptSha256).toBe(sha256OfCanonicalJson(receipt as unknown as JsonValue));
    expect(sha256OfCanonicalJson({ ...receipt, reason: "something else" } as unknown as JsonValue)).not.toBe(status.receiptSha256);
    const reread = await officer.compliance.purgeReceipt({ tenantId: tenantA.tenantId, purgeId: status.purgeId });
    expect(canonicalJson(reread.receipt as unknown as JsonValue)).toBe(canonicalJson(receipt as unknown as JsonValue));
    expect(reread.receiptSha256).toBe(status.receiptSha256);

    const tenantLog = await collections(db()).auditLog.find({ tenantId: tenantA.tenantId, "details.purgeId": status.purgeId }).toArray();
    expect(tenantLog.map((entry) => entry.action).sort()).toEqual(["analytics.purge.complete", "analytics.purge.request"]);
    expect(tenantLog.find((entry) => entry.action === "analytics.purge.complete")?.details).toMatchObject({ receiptSha256: status.receiptSha256 });
    const platformLog = await collections(db()).auditLog.find({ tenantId: null, "details.purgeId": status.purgeId }).toArray();
    expect(platformLog.map((entry) => entry.action).sort()).toEqual(["analytics.purge.complete", "analytics.purge.request"]);
  });

  it("MS-1.7 platform staff purge a tenant for a terms breach; the receipt names who asked and why", async () => {
    const tenant = await tenantWithAnalytics("Breaching tenant", 1);
    const before = await countsOf(tenant.tenantId);
    const staff = callerAs(db(), platformStaff);
    const status = await staff.platform.purgeTenantAnalytics({ tenantId: tenant.tenantId, reason: "Collected e-mail addresses in page URLs: ToS 4.2" });
    expect(status.state).toBe("done");
    expect(status.receipt).toMatchObject({ requestedVia: "platform", requestedBy: { id: platformStaff._id, platformStaff: true }, reason: "Collected e-mail addresses in page URLs: ToS 4.2" });
    expect(status.receipt?.removed).toEqual(expectedRemoved(before));
    expect(await staff.platform.purgeReceipt({ tenantId: tenant.tenantId, purgeId: status.purgeId })).toEqual(status);
    // The tenant's own officers can read it too.
    expect((await callerAs(db(), tenant.members.owner).compliance.purgeReceipt({ tenantId: tenant.tenantId, purgeId: status.purgeId })).receiptSha256).toBe(status.receiptSha256);
    await expect(staff.platform.purgeTenantAnalytics({ tenantId: "tnt_00000000000000000000", reason: "No such tenant here" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("MS-1.7 purges one site only when asked to, and asking again during a purge returns the same purge", async () => {
    const tenant = await tenantWithAnalytics("Two sites", 1);
    const purgedSite = tenant.site._id;
    const otherSite = await callerAs(db(), tenant.members.owner).sites.create({ tenantId: tenant.tenantId, name: "Other site", allowedOrigins: ["https://other.example"] });
    const origin = "https://other.example";
    expect((await postBatch(server.url, batchPayload(otherSite.siteKey, { page: { url: `${origin}/`, startedAt: Date.now() } }), { origin })).status).toBe(204);
    await server.server.derivation.drain();
    const otherBefore: Record<string, unknown[]> = {};
    for (const name of analyticsNames) otherBefore[name] = await db().collection(name).find({ tenantId: tenant.tenantId, siteId: otherSite.siteId }).sort({ _id: 1 }).toArray();

    const request = { tenantId: tenant.tenantId, siteId: purgedSite, requestedBy: { type: "system" as const, id: "test" }, requestedVia: "tenant" as const, reason: "test", now: new Date() };
    const first = await requestAnalyticsPurge(db(), request);
    const second = await requestAnalyticsPurge(db(), request);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, purge: { _id: first.purge._id } });

    const outcomes = await runPendingPurges(db(), { now: () => new Date(), leaseMs, batchSize: 100 });
    expect(outcomes).toContainEqual({ purgeId: first.purge._id, outcome: "done", receiptSha256: expect.any(String) });
    for (const name of purgedAnalyticsCollections) expect(await db().collection(name).countDocuments({ tenantId: tenant.tenantId, siteId: purgedSite }), name).toBe(0);
    for (const name of analyticsNames) {
      expect(await db().collection(name).find({ tenantId: tenant.tenantId, siteId: otherSite.siteId }).sort({ _id: 1 }).toArray(), name).toEqual(otherBefore[name]);
    }
    // Once done, a new request starts a new purge.
    expect((await requestAnalyticsPurge(db(), request)).created).toBe(true);
    await runPendingPurges(db(), { now: () => new Date(), leaseMs, batchSize: 100 });
  });

  it("MS-1.7 resumes a purge whose process died between deleting a batch and counting it, counting that batch once", async () => {
    const tenant = await tenantWithAnalytics("Crashed purge");
    const before = await countsOf(tenant.tenantId);
    const { purge } = await requestAnalyticsPurge(db(), { tenantId: tenant.tenantId, siteId: null, requestedBy: { type: "system", id: "test" }, requestedVia: "platform", reason: "crash test", now: new Date() });

    // The process dies right after its second batch of chunks is deleted, before the purge records it.
    const dying = interceptedDb(db(), async (call, proceed) => {
      const result = await proceed();
      if (call.collection === "recordingChunks" && call.method === "deleteMany" && call.count === 2) throw new SimulatedCrash("process died");
      return result;
    });
    const crashed = await runPendingPurges(dying, { now: () => new Date(), leaseMs, batchSize: 3, owner: "crashed-process" });
    expect(crashed).toEqual([{ purgeId: purge._id, outcome: "failed", error: "process died" }]);
    const stuck = await complianceCollections(db()).purges.findOne({ _id: purge._id });
    expect(stuck).toMatchObject({ state: "deleting", lease: { owner: "crashed-process" }, batch: { collection: "recordingChunks" } });
    expect(stuck?.batch?.ids).toHaveLength(3);
    expect(await db().collection("recordingChunks").countDocuments({ _id: { $in: stuck!.batch!.ids } })).toBe(0);

    // While the dead process's lease lasts nobody takes over; then the next runner does, and finishes.
    expect(await runPendingPurges(db(), { now: () => new Date(), leaseMs, batchSize: 3 })).toEqual([]);
    const resumed = await runPendingPurges(db(), { now: () => new Date(Date.now() + leaseMs + 1_000), leaseMs, batchSize: 3 });
    expect(resumed).toEqual([{ purgeId: purge._id, outcome: "done", receiptSha256: expect.any(String) }]);
    const done = await complianceCollections(db()).purges.findOne({ _id: purge._id });
    expect(done).toMatchObject({ state: "done", attempts: 2, batch: null, lease: null });
    expect(done?.receipt?.removed).toEqual(expectedRemoved(before));
    // The receipt records what it recovered from (it used to say lastInterruption: null).
    expect(done?.receipt?.interruptions).toEqual([{ detectedAt: expect.any(String), state: "deleting", reason: "the run stopped on an error: process died" }]);
    expect(done?.receipt?.statement).toContain("interrupted 1 time(s)");
    for (const name of purgedAnalyticsCollections) expect(await db().collection(name).countDocuments({ tenantId: tenant.tenantId }), name).toBe(0);
  });

  it("MS-1.7 batches for a site being purged are refused with PURGE_IN_PROGRESS, not stored behind the purge, and accepted again once it is done", async () => {
    const tenant = await tenantWithAnalytics("Fenced purge", 1);
    const origin = tenant.site.allowedOrigins[0] as string;
    const { purge } = await requestAnalyticsPurge(db(), { tenantId: tenant.tenantId, siteId: tenant.site._id, requestedBy: { type: "system", id: "test" }, requestedVia: "tenant", reason: "fence", now: new Date() });
    const during = await postBatch(server.url, batchPayload(tenant.site.siteKey, { page: { url: `${origin}/`, startedAt: Date.now() } }), { origin });
    expect(during).toMatchObject({ status: 412, body: { error: { code: "PURGE_IN_PROGRESS", message: expect.stringContaining(purge._id) } } });

    const outcomes = await runPendingPurges(db(), { now: () => new Date(), leaseMs, batchSize: 50 });
    expect(outcomes).toContainEqual(expect.objectContaining({ purgeId: purge._id, outcome: "done" }));
    expect(await db().collection("recordingChunks").countDocuments({ tenantId: tenant.tenantId })).toBe(0);
    const after = await postBatch(server.url, batchPayload(tenant.site.siteKey, { page: { url: `${origin}/`, startedAt: Date.now() } }), { origin });
    expect(after.status).toBe(204);
  });

  it("MS-1.7 a purge that dies while writing its audit entries is finished once, with one entry per log", async () => {
    const tenant = await tenantWithAnalytics("Crash while auditing", 1);
    const { purge } = await requestAnalyticsPurge(db(), { tenantId: tenant.tenantId, siteId: null, requestedBy: { type: "system", id: "test" }, requestedVia: "tenant", reason: "crash test", now: new Date() });
    const dying = interceptedDb(db(), async (call, proceed) => {
      const result = await proceed();
      if (call.collection === "auditLog" && call.method === "insertOne") throw new SimulatedCrash("died after the tenant log entry");
      return result;
    });
    expect(await runPendingPurges(dying, { now: () => new Date(), leaseMs, batchSize: 50 })).toMatchObject([{ outcome: "failed" }]);
    expect(await complianceCollections(db()).purges.findOne({ _id: purge._id })).toMatchObject({ state: "verified", receiptSha256: expect.any(String) });

    const resumed = await runPendingPurges(db(), { now: () => new Date(Date.now() + leaseMs + 1_000), leaseMs, batchSize: 50 });
    expect(resumed).toMatchObject([{ purgeId: purge._id, outcome: "done" }]);
    for (const tenantId of [tenant.tenantId, null]) {
      expect(await collections(db()).auditLog.countDocuments({ tenantId, action: "analytics.purge.complete", "details.purgeId": purge._id })).toBe(1);
    }
  });

  it("MS-1.7 two runners at once: the lease gives the purge to one, and nothing is counted twice", async () => {
    const tenant = await tenantWithAnalytics("Concurrent runners", 3);
    const before = await countsOf(tenant.tenantId);
    const { purge } = await requestAnalyticsPurge(db(), { tenantId: tenant.tenantId, siteId: null, requestedBy: { type: "system", id: "test" }, requestedVia: "tenant", reason: "race", now: new Date() });
    const options = { now: () => new Date(), leaseMs, batchSize: 2 };
    const [first, second] = await Promise.all([runPendingPurges(db(), { ...options, owner: "runner-1" }), runPendingPurges(db(), { ...options, owner: "runner-2" })]);
    const worked = [...first, ...second].filter((outcome) => outcome.purgeId === purge._id);
    expect(worked).toEqual([{ purgeId: purge._id, outcome: "done", receiptSha256: expect.any(String) }]);
    const done = await complianceCollections(db()).purges.findOne({ _id: purge._id });
    expect(done?.attempts).toBe(1);
    expect(done?.receipt?.removed).toEqual(expectedRemoved(before));
  });

  it("MS-1.7 stops and says why when the site keeps sending during the purge, and the next run finishes", async () => {
    const tenant = await tenantWithAnalytics("Still sending", 1);
    const { purge } = await requestAnalyticsPurge(db(), { tenantId: tenant.tenantId, siteId: null, requestedBy: { type: "system", id: "test" }, requestedVia: "tenant", reason: "race", now: new Date() });
    // Another writer (the site's recorder, through ingestion) adds a day of rollups before every verification count.
    const sending = interceptedDb(db(), async (call, proceed) => {
      if (call.collection === "siteDaily" && call.method === "countDocuments") {
        await db().collection("siteDaily").insertOne({ tenantId: tenant.tenantId, siteId: tenant.site._id, day: `2000-01-${String(call.count).padStart(2, "0")}`, sessions: 1 });
      }
      return proceed();
    });
    const interrupted = await runPendingPurges(sending, { now: () => new Date(), leaseMs, batchSize: 50 });
    expect(interrupted).toEqual([{ purgeId: purge._id, outcome: "interrupted", reason: expect.stringContaining("documents kept arriving in siteDaily") }]);
    expect(await complianceCollections(db()).purges.findOne({ _id: purge._id })).toMatchObject({ state: "deleting", lease: null, lastInterruption: expect.stringContaining("siteDaily") });

    const finished = await runPendingPurges(db(), { now: () => new Date(), leaseMs, batchSize: 50 });
    expect(finished).toMatchObject([{ purgeId: purge._id, outcome: "done" }]);
    const done = await complianceCollections(db()).purges.findOne({ _id: purge._id });
    // Everything that arrived was deleted too, and counted: three verification passes each found one more day.
    expect(done?.receipt?.removed.find((entry) => entry.collection === "siteDaily")?.documentsRemoved).toBeGreaterThanOrEqual(4);
    expect(await db().collection("siteDaily").countDocuments({ tenantId: tenant.tenantId })).toBe(0);
  });

  it("MS-1.7 asks the tenant to confirm by typing the name, and only owners and compliance officers may purge", async () => {
    const tenant = await tenantWithAnalytics("Confirm first", 1);
    const before = await countsOf(tenant.tenantId);
    const purgesBefore = await complianceCollections(db()).purges.countDocuments({ tenantId: tenant.tenantId });
    await expect(
      callerAs(db(), tenant.members.owner).compliance.purgeAnalytics({ tenantId: tenant.tenantId, siteId: tenant.site._id, confirm: "yes" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: `confirm: type the site's name exactly ("${tenant.site.name}") to confirm that all of its analytics will be deleted` });
    for (const member of [tenant.members.admin, tenant.members.analyst]) {
      await expect(
        callerAs(db(), member).compliance.purgeAnalytics({ tenantId: tenant.tenantId, siteId: tenant.site._id, confirm: tenant.site.name }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const reportsKey = await tenant.keyWithScopes(["reports:read", "config:write"]);
    await expect(callerAs(db(), reportsKey).compliance.purgeAnalytics({ tenantId: tenant.tenantId, confirm: "Confirm first" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await countsOf(tenant.tenantId)).toEqual(before);
    expect(await complianceCollections(db()).purges.countDocuments({ tenantId: tenant.tenantId })).toBe(purgesBefore);

    // A key with compliance:write may, and so may the owner.
    const complianceKey = await tenant.keyWithScopes(["compliance:write"]);
    const status = await callerAs(db(), complianceKey).compliance.purgeAnalytics({ tenantId: tenant.tenantId, siteId: tenant.site._id, confirm: ` ${tenant.site.name} ` });
    expect(status).toMatchObject({ state: "done", receipt: { requestedBy: { type: "apiKey", id: complianceKey._id } } });
  });
});
