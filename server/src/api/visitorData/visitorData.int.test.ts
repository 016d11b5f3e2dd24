import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { collections } from "../../db/collections.js";
import { visitorKeyOf } from "../../domain/compliance/visitorId.js";
import { visitorKeySecretOf } from "../../domain/sites/siteScopedKey.js";
import { upsertOptOut } from "../../repositories/optOutRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, checkoutSecrets, postBatch, randomRecorderId } from "../../testing/collectClient.js";
import { recordSessions } from "../../testing/recordedSessions.js";
import { useTestServer } from "../../testing/testServer.js";
import { maxInlineRecordingEvents } from "../../domain/rightOfAccess/visitorDataDocument.js";

describe("visitorData.get: the right of access", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;
  let tenant: TenantFixture;
  const visitorId = randomRecorderId();
  const bystanderId = randomRecorderId();
  const optedOutAt = new Date(Date.UTC(2026, 5, 1));

  /** Two sessions of the visitor (two pages in the first), one of somebody else, a survey answer and an opt-out. */
  beforeAll(async () => {
    tenant = await createTenantFixture(db(), "Access");
    await collections(db()).sites.updateOne({ _id: tenant.site._id }, { $set: { allowedOrigins: ["https://shop.example"] } });
    const firstSession = randomRecorderId();
    const page = (path: string) => ({ url: `https://shop.example${path}`, referrer: "https://search.example/", startedAt: Date.now(), loadTimeMs: 120 });
    for (const payload of [
      batchPayload(tenant.site.siteKey, { visitorId, sessionId: firstSession, page: page("/checkout") }),
      batchPayload(tenant.site.siteKey, { visitorId, sessionId: firstSession, page: page("/thanks"), events: [{ type: 4, timestamp: Date.now(), data: { href: "https://shop.example/thanks", width: 800, height: 600 } }] }),
      batchPayload(tenant.site.siteKey, { visitorId, page: page("/") }),
      batchPayload(tenant.site.siteKey, { visitorId: bystanderId, page: page("/bystander") }),
    ]) {
      expect(await postBatch(server.url, payload)).toMatchObject({ status: 204 });
    }
    // Sessions and page views are derived from the stored chunks by the server's worker.
    await server.server.derivation.drain();
    const secret = visitorKeySecretOf(server.server.services.sessionSecret);
    const visitorKey = visitorKeyOf(secret, tenant.site._id, visitorId);
    await analyticsCollections(db()).surveyResponses.insertOne({
      tenantId: tenant.tenantId,
      siteId: tenant.site._id,
      surveyId: tenant.surveyId,
      responseId: randomRecorderId(),
      visitorKey,
      receivedAt: optedOutAt,
      answers: [{ questionId: "q1", text: "Lovely shop" }],
      hasFreeText: true,
      policy: { id: "mousestats", version: 1 },
      violationCount: 0,
    });
    await upsertOptOut(tenantScope(db(), tenant.tenantId), { siteId: tenant.site._id, visitorKey, at: optedOutAt });
  });

  it("returns every record held on the visitor, and nothing of anybody else's, as one document", async () => {
    const officer = callerAs(db(), tenant.members.compliance);
    const document = await officer.visitorData.get({ tenantId: tenant.tenantId, siteId: tenant.site._id, visitorId });
    expect(document.site).toEqual({ siteId: tenant.site._id, name: tenant.site.name });
    expect(document.optOut).toEqual({ optedOutAt: optedOutAt.toISOString() });
    expect(document.sessions).toHaveLength(2);
    expect(document.pageViews.map((pageView) => pageView.url).sort()).toEqual(["https://shop.example/", "https://shop.example/checkout", "https://shop.example/thanks"]);
    expect(document.surveyResponses).toEqual([expect.objectContaining({ surveyId: tenant.surveyId, answers: [{ questionId: "q1", text: "Lovely shop" }] })]);
    expect(document.recordings).toHaveLength(3);
    expect(document.recordings.reduce((sum, chunk) => sum + chunk.events.length, 0)).toBe(document.sessions.reduce((sum, session) => sum + session.eventCount, 0));
    const text = JSON.stringify(document);
    expect(text).not.toContain("bystander");
    // MS-1.5: what is held is masked, so what is shown is too.
    for (const secret of Object.values(checkoutSecrets)) expect(text).not.toContain(secret);
    // MS-2.3: the raw visitor id is not stored, so it is not in the document either.
    expect(text).not.toContain(visitorId);
  });

  it("is audited without the visitor id", async () => {
    await callerAs(db(), tenant.members.owner).visitorData.get({ tenantId: tenant.tenantId, siteId: tenant.site._id, visitorId });
    const log = await callerAs(db(), tenant.members.owner).audit.list({ tenantId: tenant.tenantId });
    const entry = log.entries.find((candidate: { action: string }) => candidate.action === "visitor.access");
    expect(entry).toMatchObject({ target: { type: "site", id: tenant.site._id }, details: { sessions: 2, surveyResponses: 1 } });
    expect(JSON.stringify(log)).not.toContain(visitorId);
  });

  it("is the same document over the download route, streamed, for a compliance:read key", async () => {
    const key = await callerAs(db(), tenant.members.owner).apiKeys.create({ tenantId: tenant.tenantId, name: "access requests", scopes: ["compliance:read"] });
    const input = { tenantId: tenant.tenantId, siteId: tenant.site._id, visitorId };
    const response = await fetch(`${server.url}/exports/visitor-data?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `Bearer ${key.secret}` } });
    expect(response.status).toBe(200);
    const downloaded = (await response.json()) as { generatedAt: string };
    const viaApi = await callerAs(db(), tenant.members.compliance).visitorData.get(input);
    expect({ ...downloaded, generatedAt: "" }).toEqual({ ...viaApi, generatedAt: "" });
  });

  it("is refused to analysts and to keys without a compliance scope", async () => {
    const input = { tenantId: tenant.tenantId, siteId: tenant.site._id, visitorId };
    await expect(callerAs(db(), tenant.members.analyst).visitorData.get(input)).rejects.toThrow(/role \(analyst\)/);
    await expect(callerAs(db(), await tenant.keyWithScopes(["reports:read"])).visitorData.get(input)).rejects.toThrow(/compliance:read, compliance:write/);
  });

  it("shows only the opt-out after an erasure: erasure deletes what access shows", async () => {
    const officer = callerAs(db(), tenant.members.compliance);
    // What the first pass deletes at once, before the answer; the final pass only repeats it.
    expect(await officer.compliance.eraseVisitor({ tenantId: tenant.tenantId, siteId: tenant.site._id, visitorId })).toMatchObject({ progress: "final-pass" });
    const document = await officer.visitorData.get({ tenantId: tenant.tenantId, siteId: tenant.site._id, visitorId });
    expect(document).toMatchObject({ optOut: { optedOutAt: optedOutAt.toISOString() }, sessions: [], pageViews: [], surveyResponses: [], violations: [], recordings: [] });
  });

  it("refuses recordings over what one answer carries, naming the limit, and streams them whole as a download", async () => {
    const heavyVisitor = randomRecorderId();
    const visitorKey = visitorKeyOf(visitorKeySecretOf(server.server.services.sessionSecret), tenant.site._id, heavyVisitor);
    const perChunk = 5_000;
    const chunks = Array.from({ length: maxInlineRecordingEvents / perChunk + 1 }, (_, chunk) =>
      Array.from({ length: perChunk }, (_, index) => ({ type: 3, timestamp: chunk * perChunk + index, data: { source: 1, positions: [] } })),
    );
    await recordSessions(db(), tenant.tenantId, [{ siteId: tenant.site._id, visitorKey, firstSeenAt: optedOutAt, durationMs: 1, urls: ["https://shop.example/long"], chunks }]);
    const input = { tenantId: tenant.tenantId, siteId: tenant.site._id, visitorId: heavyVisitor };
    await expect(callerAs(db(), tenant.members.compliance).visitorData.get(input)).rejects.toThrow(
      `visitorId: this visitor's recordings hold more than ${maxInlineRecordingEvents} events; download the document from GET /exports/visitor-data, which streams it`,
    );
    const response = await fetch(`${server.url}/exports/visitor-data?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `Bearer ${tenant.apiKeySecret}` } });
    const document = (await response.json()) as { recordings: { events: unknown[] }[] };
    expect(document.recordings.reduce((sum, chunk) => sum + chunk.events.length, 0)).toBe(maxInlineRecordingEvents + perChunk);
  });
});
