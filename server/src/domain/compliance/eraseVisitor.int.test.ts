import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { collections, type SiteDoc, type SurveyDoc } from "../../db/collections.js";
import { siteScopedKey, visitorKeySecretOf } from "../sites/siteScopedKey.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, postBatch, randomRecorderId } from "../../testing/collectClient.js";
import { useTestServer } from "../../testing/testServer.js";
import { createSite } from "../sites/createSite.js";
import { createSurvey } from "../surveys/createSurvey.js";
import { complianceCollections } from "../../db/complianceCollections.js";
import { createCollectPipeline } from "../../ingest/collectPipeline.js";
import { fenceVisitorForErasure } from "../../repositories/optOutRepository.js";
import { interceptedDb, SimulatedCrash } from "../../testing/interceptedDb.js";
import { createSiteDirectory } from "../sites/siteDirectory.js";
import { finalPassAfter, maxBatchInFlightMs } from "./batchInFlight.js";
import { requestVisitorErasure } from "./requestVisitorErasure.js";
import { runErasure } from "./runPendingErasures.js";

const testSecret = "test-session-secret-test-session-secret";

const leaseMs = 30_000;

describe("compliance.eraseVisitor", () => {
  // Derivation only when a test drains it, so a test can fence a visitor between storing and deriving.
  const server = useTestServer({ derivation: false });
  const db = () => server.server.database.db;
  const data = () => analyticsCollections(db());
  let tenant: TenantFixture;
  let site: SiteDoc;
  let survey: SurveyDoc;

  beforeAll(async () => {
    tenant = await createTenantFixture(db(), "Erasure");
    const call = { scope: tenantScope(db(), tenant.tenantId), actor: { type: "system" as const, id: "test" }, now: new Date() };
    site = await createSite(call, { name: "Erasure shop", allowedOrigins: ["https://shop.example"] });
    survey = await createSurvey(call, site._id, {
      title: "Checkout",
      intro: "Two questions",
      questions: [
        { type: "rating", label: "How easy was checkout?", required: true, scale: { min: 1, max: 5 }, lowLabel: null, highLabel: null },
        { type: "free-text", label: "What could we improve?", required: false, placeholder: null, maxLength: null },
      ],
      display: { pathPrefix: "/checkout", delaySeconds: 0 },
    });
  });

  const keyOf = (visitorId: string) => siteScopedKey(visitorKeySecretOf(testSecret), site._id, visitorId);

  /**
   * Two sessions of two pages, two batches each, through POST /collect (one page address carries
   * an email: a violation), and a survey answer through POST /surveys/answers with a phone
   * number typed in (redacted, and a violation too).
   */
  async function recordVisitor(visitorId: string): Promise<void> {
    const answers = await fetch(`${server.url}/surveys/answers`, {
      method: "POST",
      headers: { "content-type": "text/plain;charset=UTF-8", origin: "https://shop.example" },
      body: JSON.stringify({
        v: 1,
        siteKey: site.siteKey,
        surveyId: survey._id,
        responseId: randomRecorderId(),
        visitorId,
        consent: "granted",
        answers: [
          { questionId: survey.questions[0]!.questionId, value: 4 },
          { questionId: survey.questions[1]!.questionId, value: "Call me on +44 20 7946 0958" },
        ],
      }),
    });
    expect(answers.status, await answers.text()).toBe(204);
    for (let session = 0; session < 2; session++) {
      const sessionId = randomRecorderId();
      for (let page = 0; page < 2; page++) {
        const pageId = randomRecorderId();
        const url = page === 0 ? "https://shop.example/checkout" : `https://shop.example/account/${visitorId.slice(0, 6).toLowerCase()}.doe@example.com`;
        for (let seq = 0; seq < 2; seq++) {
          const payload = batchPayload(site.siteKey, { visitorId, sessionId, pageId, seq, ...(seq === 0 ? { page: { url, startedAt: Date.now() } } : { page: undefined }) });
          const response = await postBatch(server.url, payload);
          expect(response.status, JSON.stringify(response.body)).toBe(204);
        }
      }
    }
    await server.server.derivation.drain();
  }

  /** Everything stored about one visitor: their sessions, and what hangs off those sessions. */
  async function snapshotOf(visitorId: string) {
    const visitorKey = keyOf(visitorId);
    const sessions = await data().sessions.find({ tenantId: tenant.tenantId, siteId: site._id, visitorKey }).sort({ sessionKey: 1 }).toArray();
    const sessionKeys = sessions.map((session) => session.sessionKey);
    const surveyResponses = await data().surveyResponses.find({ tenantId: tenant.tenantId, siteId: site._id, visitorKey }).sort({ _id: 1 }).toArray();
    const responseIds = surveyResponses.map((response) => response.responseId);
    return {
      sessions,
      pageViews: await data().pageViews.find({ tenantId: tenant.tenantId, siteId: site._id, $or: [{ visitorKey }, { sessionKey: { $in: sessionKeys } }] }).sort({ _id: 1 }).toArray(),
      recordingChunks: await data().recordingChunks.find({ tenantId: tenant.tenantId, siteId: site._id, "context.visitorKey": visitorKey }).sort({ _id: 1 }).toArray(),
      surveyResponses,
      violations: await data()
        .piiViolations.find({ tenantId: tenant.tenantId, siteId: site._id, $or: [{ visitorKey }, { sessionKey: { $in: sessionKeys } }, { surveyResponseId: { $in: responseIds } }] })
        .sort({ _id: 1 })
        .toArray(),
    };
  }

  const sizes = (snapshot: Awaited<ReturnType<typeof snapshotOf>>) => ({
    sessions: snapshot.sessions.length,
    pageViews: snapshot.pageViews.length,
    recordingChunks: snapshot.recordingChunks.length,
    surveyResponses: snapshot.surveyResponses.length,
    violations: snapshot.violations.length,
  });

  const officer = () => callerAs(db(), tenant.members.compliance).compliance;
  const erase = (visitorId: string) => officer().eraseVisitor({ tenantId: tenant.tenantId, siteId: site._id, visitorId });
  const none = { sessions: 0, pageViews: 0, recordingChunks: 0, surveyResponses: 0, violations: 0 };

  /** The final pass, on a clock moved past the time it is due (no waiting on the real clock). */
  async function finishErasure(erasureId: string, database = db()) {
    const job = await complianceCollections(db()).erasures.findOne({ _id: erasureId });
    const due = finalPassAfter(job!.fencedAt!, job!.batchInFlightMs);
    return runErasure(database, erasureId, { now: () => new Date(due.getTime() + 1), leaseMs, batchSize: 3 });
  }

  it("MS-4.1 fences, erases exactly one visitor's sessions, page views, chunks, survey answers and violations, then seals a receipt after the final pass", async () => {
    const erased = randomRecorderId();
    const kept = randomRecorderId();
    await recordVisitor(erased);
    await recordVisitor(kept);
    const before = await snapshotOf(erased);
    expect(sizes(before)).toEqual({ sessions: 2, pageViews: 4, recordingChunks: 8, surveyResponses: 1, violations: expect.any(Number) });
    expect(before.pageViews.every((view) => view.visitorKey === keyOf(erased))).toBe(true);
    expect(before.violations.every((violation) => violation.visitorKey === keyOf(erased))).toBe(true);
    expect(before.violations.filter((violation) => violation.source === "survey")).toHaveLength(1);
    const keptBefore = await snapshotOf(kept);
    const rollupsBefore = await data().siteDaily.find({ siteId: site._id }).toArray();

    // The request answers once the fence is written and the first pass is done; the final pass waits.
    const answered = await erase(erased);
    expect(answered).toMatchObject({ progress: "final-pass", state: "finalPass", counts: sizes(before), receipt: null, signature: null });
    expect(new Date(answered.finalPassAfter!).getTime() - new Date(answered.fencedAt!).getTime()).toBeGreaterThanOrEqual(maxBatchInFlightMs);
    expect(sizes(await snapshotOf(erased))).toEqual(none);
    expect(await data().optOuts.findOne({ tenantId: tenant.tenantId, siteId: site._id, visitorKey: keyOf(erased) })).toMatchObject({ erasure: { erasureId: answered.erasureId } });
    // Not claimable before it is due.
    expect(await runErasure(db(), answered.erasureId, { now: () => new Date(), leaseMs, batchSize: 3 })).toBeNull();

    expect(await finishErasure(answered.erasureId)).toMatchObject({ outcome: "done" });
    const done = await officer().erasure({ tenantId: tenant.tenantId, erasureId: answered.erasureId });
    expect(done).toMatchObject({ progress: "done", counts: sizes(before), interruptions: [], signature: { algorithm: "Ed25519" } });
    expect(done.receipt).toMatchObject({ receipt: "mousetrail.visitor-erasure", receiptId: answered.erasureId, counts: sizes(before), remainingAtFinalPass: none, optOut: "recorded", interruptions: [] });
    expect(done.receipt?.statement).toContain("Aggregate reports (heatmaps, scroll maps, daily page and site totals)");
    expect(JSON.stringify(done)).not.toContain(erased);
    expect(JSON.stringify(done)).not.toContain(keyOf(erased));

    expect(await snapshotOf(kept)).toEqual(keptBefore);
    expect(await data().siteDaily.find({ siteId: site._id }).toArray()).toEqual(rollupsBefore);
    expect(await postBatch(server.url, batchPayload(site.siteKey, { visitorId: erased }))).toMatchObject({ body: { stored: false, reason: "opted-out" } });

    const audit = await collections(db()).auditLog.find({ tenantId: tenant.tenantId, "details.erasureId": answered.erasureId }).sort({ seq: 1 }).toArray();
    expect(audit.map((entry) => entry.action)).toEqual(["visitor.erase.request", "visitor.erase"]);
    expect(audit[1]).toMatchObject({ target: { type: "site", id: site._id }, details: { counts: sizes(before), receiptSha256: done.receiptSha256 } });
    expect(JSON.stringify(audit)).not.toContain(erased);
    expect(JSON.stringify(audit)).not.toContain(keyOf(erased));
  });

  it("MS-4.1 the final pass deletes and counts what landed after the first pass, so the receipt covers it", async () => {
    const visitorId = randomRecorderId();
    await recordVisitor(visitorId);
    const before = sizes(await snapshotOf(visitorId));
    const answered = await erase(visitorId);
    // A batch that passed its opt-out check before the fence lands now, with its derived page view.
    const template = await lateChunkTemplate();
    await data().recordingChunks.insertOne({ ...template, context: { ...template.context, visitorKey: keyOf(visitorId) } });
    await data().pageViews.insertOne({ tenantId: tenant.tenantId, siteId: site._id, sessionKey: "late-session", pageId: "late-page", visitorKey: keyOf(visitorId), url: "https://shop.example/", urlKey: "k", referrer: null, startedAt: new Date(), lastEventAt: new Date(), loadTimeMs: null, breakpoint: "desktop", maxScrollDepth: 0 });

    expect(await finishErasure(answered.erasureId)).toMatchObject({ outcome: "done" });
    const done = await officer().erasure({ tenantId: tenant.tenantId, erasureId: answered.erasureId });
    expect(done.receipt?.counts).toEqual({ ...before, recordingChunks: before.recordingChunks + 1, pageViews: before.pageViews + 1 });
    expect(sizes(await snapshotOf(visitorId))).toEqual(none);
  });

  /** A stored chunk of another visitor, without its id, as the template of one that lands late. */
  async function lateChunkTemplate() {
    const { _id, ...chunk } = (await data().recordingChunks.findOne({ tenantId: tenant.tenantId, siteId: site._id }))!;
    return { ...chunk, sessionKey: `late-${_id.toHexString()}`, pageId: "late-page", seq: 7 };
  }

  it("MS-4.1 asking again while an erasure runs returns it; once done, a new one finds nothing and says the opt-out was there", async () => {
    const visitorId = randomRecorderId();
    await recordVisitor(visitorId);
    const first = await erase(visitorId);
    expect(first.counts.recordingChunks).toBe(8);
    expect((await erase(visitorId)).erasureId).toBe(first.erasureId);
    await finishErasure(first.erasureId);
    const second = await erase(visitorId);
    expect(second.erasureId).not.toBe(first.erasureId);
    expect(second.counts).toEqual(none);
    await finishErasure(second.erasureId);
    expect((await officer().erasure({ tenantId: tenant.tenantId, erasureId: second.erasureId })).receipt).toMatchObject({ optOut: "already-recorded", counts: none });
    expect(await data().optOuts.countDocuments({ siteId: site._id, visitorKey: keyOf(visitorId) })).toBe(1);
  });

  it("MS-4.1 an erasure whose process died between deleting a batch and counting it is resumed by another, counts it once, and the receipt records the interruption", async () => {
    const visitorId = randomRecorderId();
    const bystander = randomRecorderId();
    await recordVisitor(visitorId);
    await recordVisitor(bystander);
    const before = sizes(await snapshotOf(visitorId));
    const bystanderBefore = await snapshotOf(bystander);
    const { erasure } = await requestVisitorErasureAsOfficer(visitorId);

    const dying = interceptedDb(db(), async (call, proceed) => {
      const result = await proceed();
      if (call.collection === "recordingChunks" && call.method === "deleteMany" && call.count === 2) throw new SimulatedCrash("process died");
      return result;
    });
    const now = new Date();
    expect(await runErasure(dying, erasure._id, { now: () => now, leaseMs, batchSize: 3, owner: "crashed-process" })).toEqual({ erasureId: erasure._id, outcome: "failed", error: "process died" });
    const stuck = await complianceCollections(db()).erasures.findOne({ _id: erasure._id });
    expect(stuck).toMatchObject({ state: "erasing", lease: { owner: "crashed-process" }, batch: { kind: "recordingChunks" } });

    // Nobody takes it over while the lease lasts; then another process does.
    expect(await runErasure(db(), erasure._id, { now: () => now, leaseMs, batchSize: 3 })).toBeNull();
    const later = new Date(now.getTime() + leaseMs + 1);
    // By then the final pass is due too (the lease outlasts the in-flight bound): it runs to the end.
    expect(await runErasure(db(), erasure._id, { now: () => later, leaseMs, batchSize: 3 })).toMatchObject({ outcome: "done" });

    const done = await officer().erasure({ tenantId: tenant.tenantId, erasureId: erasure._id });
    expect(done.counts).toEqual(before);
    expect(done.receipt?.interruptions).toEqual([{ detectedAt: later.toISOString(), state: "erasing", reason: "the run stopped on an error: process died" }]);
    expect(done.receipt?.statement).toContain("interrupted 1 time(s)");
    expect(sizes(await snapshotOf(visitorId))).toEqual(none);
    expect(await snapshotOf(bystander)).toEqual(bystanderBefore);
  });

  function requestVisitorErasureAsOfficer(visitorId: string) {
    const call = { scope: tenantScope(db(), tenant.tenantId), actor: { type: "user" as const, id: tenant.members.compliance._id, platform: false }, now: new Date() };
    return requestVisitorErasure(call, { siteId: site._id, visitorId, visitorKeySecret: visitorKeySecretOf(testSecret) });
  }

  it("MS-4.1 derivation derives nothing from a fenced visitor's chunks (a round racing an erasure cannot recreate a session)", async () => {
    const visitorId = randomRecorderId();
    const sessionId = randomRecorderId();
    const pageId = randomRecorderId();
    const payload = batchPayload(site.siteKey, { visitorId, sessionId, pageId, seq: 0, page: { url: "https://shop.example/", startedAt: Date.now() } });
    expect((await postBatch(server.url, payload)).status).toBe(204);
    const scope = tenantScope(db(), tenant.tenantId);
    await fenceVisitorForErasure(scope, { siteId: site._id, visitorKey: keyOf(visitorId), erasureId: "ers_fencedbeforederiving", at: new Date() });
    await server.server.derivation.drain();
    expect(await data().sessions.countDocuments({ tenantId: tenant.tenantId, visitorKey: keyOf(visitorId) })).toBe(0);
    expect(await data().pageViews.countDocuments({ tenantId: tenant.tenantId, visitorKey: keyOf(visitorId) })).toBe(0);
    // Discarded, not left pending: the erasure deletes it.
    expect(await data().recordingChunks.findOne({ tenantId: tenant.tenantId, "context.visitorKey": keyOf(visitorId) })).toMatchObject({ rollup: { state: "applied" } });
  });

  it("MS-4.1 a batch already in the pipeline when the fence is written is not stored", async () => {
    const visitorId = randomRecorderId();
    const sessionId = randomRecorderId();
    const pageId = randomRecorderId();
    const scope = tenantScope(db(), tenant.tenantId);
    // The fence lands while the batch is on its way, before its opt-out check (its page's urlKey
    // lookup); a fence after the check is the final pass's (erasureRace.int.test.ts).
    const racing = interceptedDb(db(), async (call, proceed) => {
      if (call.collection === "recordingChunks" && call.method === "findOne") await fenceVisitorForErasure(scope, { siteId: site._id, visitorKey: keyOf(visitorId), erasureId: "ers_fencedinflight", at: new Date() });
      return proceed();
    });
    const pipeline = createCollectPipeline({ db: racing, sites: createSiteDirectory(db()), visitorKeySecret: visitorKeySecretOf(testSecret) });
    const payload = batchPayload(site.siteKey, { visitorId, sessionId, pageId, seq: 1, page: undefined });
    const outcome = await pipeline.run({ body: Buffer.from(JSON.stringify(payload)), encoding: "identity", origin: "https://shop.example", ip: "203.0.113.9", userAgent: "test", receivedAt: new Date() });
    expect(outcome).toMatchObject({ kind: "drop", reason: "opted-out", step: "storeBatch" });
    expect(await data().recordingChunks.countDocuments({ tenantId: tenant.tenantId, "context.visitorKey": keyOf(visitorId) })).toBe(0);
  });

  it("MS-4.1 a batch that reaches its insert later than the in-flight bound after its opt-out check is refused for a retry, not stored", async () => {
    const visitorId = randomRecorderId();
    const receivedAt = new Date();
    // Every reading of the clock is later than the bound after the one before: the opt-out read
    // (between the check's start and the insert) is answered too late.
    let reads = 0;
    const now = () => new Date(receivedAt.getTime() + reads++ * (maxBatchInFlightMs + 1));
    const pipeline = createCollectPipeline({ db: db(), sites: createSiteDirectory(db()), visitorKeySecret: visitorKeySecretOf(testSecret), now });
    const payload = batchPayload(site.siteKey, { visitorId, sessionId: randomRecorderId(), pageId: randomRecorderId(), seq: 1, page: undefined });
    const outcome = await pipeline.run({ body: Buffer.from(JSON.stringify(payload)), encoding: "identity", origin: "https://shop.example", ip: "203.0.113.9", userAgent: "test", receivedAt });
    expect(outcome).toMatchObject({ kind: "reject", rejection: { code: "UNAVAILABLE", message: expect.stringContaining(`${maxBatchInFlightMs} ms`) } });
    expect(await data().recordingChunks.countDocuments({ tenantId: tenant.tenantId, "context.visitorKey": keyOf(visitorId) })).toBe(0);
  });

  it("refuses a visitor id that is not one the recorder issues, naming the field", async () => {
    await expect(
      callerAs(db(), tenant.members.compliance).compliance.eraseVisitor({ tenantId: tenant.tenantId, siteId: site._id, visitorId: "jane@example.com" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["visitorId"], message: expect.stringContaining("must be the visitor id shown on the site's opt-out page") })] },
    });
  });
});
