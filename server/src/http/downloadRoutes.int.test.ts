import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../db/analyticsCollections.js";
import { collections } from "../db/collections.js";
import { callerAs, createTenantFixture, testPassword, type TenantFixture } from "../testing/apiHarness.js";
import { batchPayload, checkoutSecrets, postBatch, randomRecorderId } from "../testing/collectClient.js";
import { callOverHttp, sessionCookieFrom } from "../testing/httpClient.js";
import { recordSessions } from "../testing/recordedSessions.js";
import { useTestServer } from "../testing/testServer.js";

describe("download routes: exports and the recording stream", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;
  let tenant: TenantFixture;
  let other: TenantFixture;
  const at = new Date(Date.UTC(2026, 2, 1, 9));

  beforeAll(async () => {
    tenant = await createTenantFixture(db(), "Downloads");
    other = await createTenantFixture(db(), "Downloads other");
    await collections(db()).sites.updateOne({ _id: tenant.site._id }, { $set: { allowedOrigins: ["https://shop.example"] } });
    await recordSessions(db(), tenant.tenantId, [
      { siteId: tenant.site._id, firstSeenAt: at, durationMs: 4_000, urls: ["https://shop.example/a,b?q=1"], browser: "=cmd|' /C calc'!A0", rageClicks: 2 },
      { siteId: tenant.site._id, firstSeenAt: new Date(at.getTime() + 1000), durationMs: 1_000, urls: ["https://shop.example/ünïcødé"], browser: "Firefox" },
    ]);
  });

  async function download(path: string, input: unknown, auth: { apiKey?: string; cookie?: string } = { apiKey: tenant.apiKeySecret }) {
    const headers: Record<string, string> = {};
    if (auth.apiKey) headers.authorization = `Bearer ${auth.apiKey}`;
    if (auth.cookie) headers.cookie = auth.cookie;
    const response = await fetch(`${server.url}${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  async function auditActions(): Promise<string[]> {
    const log = await callerAs(db(), tenant.members.owner).audit.list({ tenantId: tenant.tenantId });
    return log.entries.map((entry: { action: string }) => entry.action);
  }

  it("exports the filtered sessions list as CSV with formula-safe cells, a BOM on request, and audits it", async () => {
    const input = { tenantId: tenant.tenantId, siteId: tenant.site._id, from: at.toISOString(), to: new Date(at.getTime() + 86_400_000).toISOString(), format: "csv", bom: true };
    const result = await download("/exports/sessions", input);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(result.headers.get("content-disposition")).toBe('attachment; filename="sessions.csv"');
    expect([...result.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = result.bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toMatch(/^sessionId,siteId,firstSeenAt,lastSeenAt,durationMs,/);
    expect(lines).toHaveLength(4); // header, two sessions, and the empty string after the last CRLF
    expect(lines[1]).toContain(",https://shop.example/ünïcødé,Firefox,");
    expect(lines[2]).toContain(`,"https://shop.example/a,b?q=1",'=cmd|' /C calc'!A0,`);
    expect(await auditActions()).toContain("export.sessions");
  });

  it("exports the same sessions as JSON, filters applied", async () => {
    const result = await download("/exports/sessions", { tenantId: tenant.tenantId, siteId: tenant.site._id, hasRageClicks: true, format: "json" });
    expect(result.status).toBe(200);
    const rows = JSON.parse(result.bytes.toString("utf8")) as { durationMs: number; rageClicks: number; technical: { browser: string } }[];
    expect(rows).toEqual([expect.objectContaining({ durationMs: 4_000, rageClicks: 2, technical: expect.objectContaining({ browser: "=cmd|' /C calc'!A0" }) })]);
  });

  it("exports survey answers with one column per question, and audits it", async () => {
    const survey = await callerAs(db(), tenant.members.owner).surveys.get({ tenantId: tenant.tenantId, surveyId: tenant.surveyId });
    const [choice, multiple, rating, text] = survey.questions.map((question: { questionId: string }) => question.questionId);
    await analyticsCollections(db()).surveyResponses.insertOne({
      tenantId: tenant.tenantId,
      siteId: tenant.site._id,
      surveyId: tenant.surveyId,
      responseId: randomRecorderId(),
      visitorKey: null,
      receivedAt: at,
      answers: [
        { questionId: choice!, choices: ["Partly"] },
        { questionId: multiple!, choices: ["Prices", "Reviews"] },
        { questionId: rating!, rating: 4 },
        { questionId: text!, text: '+1 "great", thanks' },
      ],
      hasFreeText: true,
      policy: { id: "mousestats", version: 1 },
      violationCount: 0,
    });
    const csv = await download("/exports/survey-answers", { tenantId: tenant.tenantId, surveyId: tenant.surveyId });
    expect(csv.status).toBe(200);
    const [header, row] = csv.bytes.toString("utf8").split("\r\n");
    expect(header).toBe("responseId,receivedAt,Did you find what you came for?,What did you look at?,How easy was the checkout?,Anything else?");
    expect(row).toMatch(/^[A-Za-z0-9_-]+,2026-03-01T09:00:00.000Z,Partly,Prices; Reviews,4,"'\+1 ""great"", thanks"$/);
    const json = await download("/exports/survey-answers", { tenantId: tenant.tenantId, surveyId: tenant.surveyId, format: "json" });
    expect(JSON.parse(json.bytes.toString("utf8"))).toEqual([expect.objectContaining({ receivedAt: "2026-03-01T09:00:00.000Z", answers: expect.arrayContaining([{ questionId: rating, rating: 4 }]) })]);
    expect(await auditActions()).toContain("export.surveyAnswers");
  });

  it("MS-1.5 streams a recorded session as NDJSON and exports it as rrweb JSON, typed values only as *", async () => {
    const sessionId = randomRecorderId();
    const pageId = randomRecorderId();
    const batch = batchPayload(tenant.site.siteKey, { sessionId, pageId, page: { url: "https://shop.example/checkout", referrer: "https://search.example/", startedAt: Date.now(), loadTimeMs: 100 } });
    expect(await postBatch(server.url, batch)).toMatchObject({ status: 204, body: null });
    expect((await postBatch(server.url, { ...batch, seq: 1, page: undefined })).status).toBe(204);
    // Sessions are derived from the stored batches in the background: waited for, not raced.
    await server.server.derivation.drain();
    const { sessions } = await callerAs(db(), tenant.members.analyst).sessions.list({ tenantId: tenant.tenantId, url: "https://shop.example/checkout" });
    const input = { tenantId: tenant.tenantId, siteId: tenant.site._id, sessionId: sessions[0]!.sessionId };

    const stream = await download("/recordings/events", input);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const text = stream.bytes.toString("utf8");
    const events = text.trimEnd().split("\n").map((line) => JSON.parse(line) as { type: number; data?: { source?: number; text?: string } });
    expect(events).toHaveLength(batch.events.length * 2);
    for (const secret of Object.values(checkoutSecrets)) expect(text).not.toContain(secret);
    const typed = events.filter((event) => event.type === 3 && event.data?.source === 5).map((event) => event.data?.text ?? "");
    expect(typed.length).toBeGreaterThan(0);
    for (const value of typed) expect(value).toMatch(/^\**$/);

    const exported = await download("/exports/recording", input);
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="recording.rrweb.json"');
    expect(JSON.parse(exported.bytes.toString("utf8"))).toEqual(events);
    expect(await auditActions()).toContain("export.recording");
  });

  it("works with a console session cookie, and refuses a role that may not read reports", async () => {
    const signIn = async (email: string) =>
      sessionCookieFrom((await callOverHttp(server.url, "auth.signIn", { email, password: testPassword }, { type: "mutation", csrf: true })).setCookie);
    const analyst = await download("/exports/sessions", { tenantId: tenant.tenantId, format: "json" }, { cookie: await signIn(tenant.members.analyst.email) });
    expect(analyst.status).toBe(200);
    const compliance = await download("/exports/sessions", { tenantId: tenant.tenantId }, { cookie: await signIn(tenant.members.compliance.email) });
    expect(compliance.status).toBe(403);
    expect(JSON.parse(compliance.bytes.toString("utf8"))).toMatchObject({ error: { appCode: "FORBIDDEN", message: expect.stringContaining("role (compliance)") } });
  });

  it.each([
    ["/exports/sessions", (owner: TenantFixture) => ({ tenantId: owner.tenantId }), "format"],
    ["/exports/survey-answers", (owner: TenantFixture) => ({ tenantId: owner.tenantId, surveyId: owner.surveyId }), "surveyId"],
    ["/exports/recording", (owner: TenantFixture) => ({ tenantId: owner.tenantId, siteId: owner.site._id, sessionId: owner.sessionKey }), "sessionId"],
    ["/recordings/events", (owner: TenantFixture) => ({ tenantId: owner.tenantId, siteId: owner.site._id, sessionId: owner.sessionKey }), "siteId"],
  ])("%s: another tenant's key gets 404, no key 401, a wrong field 400 naming it", async (path, inputOf, field) => {
    const foreign = await download(path, inputOf(tenant), { apiKey: other.apiKeySecret });
    expect(foreign.status).toBe(404);
    // The other tenant's own tenant id with this tenant's objects: the objects are not found either.
    const crossed = await download(path, { ...inputOf(tenant), tenantId: other.tenantId }, { apiKey: other.apiKeySecret });
    expect(path === "/exports/sessions" ? 200 : 404).toBe(crossed.status);
    expect((await download(path, inputOf(tenant), {})).status).toBe(401);
    const bad = await download(path, { ...inputOf(tenant), [field]: 7 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString("utf8"))).toMatchObject({ error: { appCode: "BAD_INPUT", issues: [{ field }] } });
  });

  it("refuses an input that is not JSON, naming the parameter", async () => {
    const response = await fetch(`${server.url}/exports/sessions?input=%7Bnot-json`, { headers: { authorization: `Bearer ${tenant.apiKeySecret}` } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { message: "input: must be JSON", appCode: "BAD_INPUT", issues: [{ field: "input", message: "must be JSON" }] } });
  });
});
