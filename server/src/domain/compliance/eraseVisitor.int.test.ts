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
import { findVisitorData, visitorErasurePlan } from "./eraseVisitor.js";

const testSecret = "test-session-secret-test-session-secret";

describe("compliance.eraseVisitor", () => {
  const server = useTestServer();
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
    const bySession = { tenantId: tenant.tenantId, siteId: site._id, sessionKey: { $in: sessionKeys } };
    const surveyResponses = await data().surveyResponses.find({ tenantId: tenant.tenantId, siteId: site._id, visitorKey }).sort({ _id: 1 }).toArray();
    const responseIds = surveyResponses.map((response) => response.responseId);
    return {
      sessions,
      pageViews: await data().pageViews.find(bySession).sort({ _id: 1 }).toArray(),
      recordingChunks: await data().recordingChunks.find({ tenantId: tenant.tenantId, siteId: site._id, "context.visitorKey": visitorKey }).sort({ _id: 1 }).toArray(),
      surveyResponses,
      violations: await data()
        .piiViolations.find({ tenantId: tenant.tenantId, siteId: site._id, $or: [{ sessionKey: { $in: sessionKeys } }, { surveyResponseId: { $in: responseIds } }] })
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

  const erase = (visitorId: string) => callerAs(db(), tenant.members.compliance).compliance.eraseVisitor({ tenantId: tenant.tenantId, siteId: site._id, visitorId });

  it("MS-4.1 erases exactly one visitor's sessions, page views, chunks, survey answers and violations, keeps the other's and the rollups, and opts them out", async () => {
    const erased = randomRecorderId();
    const kept = randomRecorderId();
    await recordVisitor(erased);
    await recordVisitor(kept);
    const before = await snapshotOf(erased);
    expect(sizes(before)).toEqual({ sessions: 2, pageViews: 4, recordingChunks: 8, surveyResponses: 1, violations: expect.any(Number) });
    expect(before.violations.filter((violation) => violation.source === "survey")).toHaveLength(1);
    expect(before.violations.filter((violation) => violation.source !== "survey").length).toBeGreaterThan(0);
    const keptBefore = await snapshotOf(kept);
    const rollupsBefore = await data().siteDaily.find({ siteId: site._id }).toArray();

    const receipt = await erase(erased);
    expect(receipt.counts).toEqual(sizes(before));
    expect(receipt).toMatchObject({ siteId: site._id, optOut: "recorded", receiptId: expect.stringMatching(/^ers_/) });
    expect(receipt.statement).toContain("Aggregate reports (heatmaps, scroll maps, daily page and site totals)");
    expect(receipt.statement).toContain("were kept");
    expect(JSON.stringify(receipt)).not.toContain(erased);

    expect(sizes(await snapshotOf(erased))).toEqual({ sessions: 0, pageViews: 0, recordingChunks: 0, surveyResponses: 0, violations: 0 });
    const sessionKeys = before.sessions.map((session) => session.sessionKey);
    expect(await data().pageViews.countDocuments({ sessionKey: { $in: sessionKeys } })).toBe(0);
    expect(await data().recordingChunks.countDocuments({ sessionKey: { $in: sessionKeys } })).toBe(0);
    expect(await snapshotOf(kept)).toEqual(keptBefore);
    expect(await data().siteDaily.find({ siteId: site._id }).toArray()).toEqual(rollupsBefore);

    // The erased visitor is opted out: their next batch is dropped and stores nothing.
    expect(await data().optOuts.countDocuments({ tenantId: tenant.tenantId, siteId: site._id, visitorKey: keyOf(erased) })).toBe(1);
    expect(await postBatch(server.url, batchPayload(site.siteKey, { visitorId: erased }))).toMatchObject({ body: { stored: false, reason: "opted-out" } });

    const audit = await collections(db()).auditLog.findOne({ tenantId: tenant.tenantId, action: "visitor.erase", "details.receiptId": receipt.receiptId });
    expect(audit).toMatchObject({ target: { type: "site", id: site._id }, details: { counts: receipt.counts } });
    expect(JSON.stringify(audit)).not.toContain(erased);
    expect(JSON.stringify(audit)).not.toContain(keyOf(erased));
  });

  it("is idempotent: erasing again deletes nothing more and says so", async () => {
    const visitorId = randomRecorderId();
    await recordVisitor(visitorId);
    const first = await erase(visitorId);
    expect(first.counts.recordingChunks).toBe(8);
    const second = await erase(visitorId);
    expect(second.counts).toEqual({ sessions: 0, pageViews: 0, recordingChunks: 0, surveyResponses: 0, violations: 0 });
    expect(second.optOut).toBe("already-recorded");
    expect(second.receiptId).not.toBe(first.receiptId);
    expect(await data().optOuts.countDocuments({ siteId: site._id, visitorKey: keyOf(visitorId) })).toBe(1);
  });

  it.each([
    ["after page views and violations", 2],
    ["after survey answers and recording chunks too, with only sessions left", 4],
  ])("resumes an erasure that stopped %s: the rerun finds and counts what was left", async (_, stepsDone) => {
    const visitorId = randomRecorderId();
    const bystander = randomRecorderId();
    await recordVisitor(visitorId);
    await recordVisitor(bystander);
    const before = sizes(await snapshotOf(visitorId));
    const bystanderBefore = await snapshotOf(bystander);

    // The crashed run: the first steps of the plan, then nothing.
    const scope = tenantScope(db(), tenant.tenantId);
    const visitor = await findVisitorData(scope, site._id, keyOf(visitorId));
    const deletedByCrashedRun: Record<string, number> = {};
    for (const step of visitorErasurePlan.slice(0, stepsDone)) deletedByCrashedRun[step.kind] = await step.erase(scope, visitor);
    expect(Object.values(deletedByCrashedRun).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);

    const rerun = await erase(visitorId);
    for (const kind of ["sessions", "pageViews", "recordingChunks", "surveyResponses", "violations"] as const) {
      expect(rerun.counts[kind] + (deletedByCrashedRun[kind] ?? 0), kind).toBe(before[kind]);
    }
    expect(sizes(await snapshotOf(visitorId))).toEqual({ sessions: 0, pageViews: 0, recordingChunks: 0, surveyResponses: 0, violations: 0 });
    expect(await snapshotOf(bystander)).toEqual(bystanderBefore);
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
