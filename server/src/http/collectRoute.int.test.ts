import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../db/analyticsCollections.js";
import { collections, type SiteDoc } from "../db/collections.js";
import { createSite } from "../domain/sites/createSite.js";
import { decodeChunkEvents } from "../repositories/recordingChunkRepository.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { createTenantFixture, type TenantFixture } from "../testing/apiHarness.js";
import { batchPayload, checkoutSecrets, postBatch, randomRecorderId } from "../testing/collectClient.js";
import { useTestServer } from "../testing/testServer.js";

describe("POST /collect", () => {
  const server = useTestServer({ trustProxy: true });
  let tenant: TenantFixture;
  let site: SiteDoc;
  const db = () => server.server.database.db;
  const stored = () => analyticsCollections(db());

  beforeAll(async () => {
    tenant = await createTenantFixture(db(), "Collect");
    site = await createSite(
      { scope: tenantScope(db(), tenant.tenantId), actor: { type: "user", id: tenant.members.owner._id, platform: false }, now: new Date() },
      { name: "Shop", allowedOrigins: ["https://shop.example"] },
    );
  });

  // Sessions, page views and rollups are derived after the 204, by the server's derivation worker.
  const derived = () => server.server.derivation.drain();
  const chunksOf = (sessionKeyFilter: Record<string, unknown> = {}) => stored().recordingChunks.find({ siteId: site._id, ...sessionKeyFilter }).toArray();

  it("204: stores a gzip batch masked, with a session, a page view and rollups", async () => {
    const payload = batchPayload(site.siteKey);
    const response = await postBatch(server.url, payload, { headers: { "x-forwarded-for": "203.0.113.77" } });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");

    await derived();
    const session = await stored().sessions.findOne({ siteId: site._id, entryUrl: { $regex: "checkout" } });
    expect(session).toMatchObject({
      tenantId: tenant.tenantId,
      ipTruncated: "203.0.113.0",
      policy: { id: "mousestats", version: 1 },
      pageCount: 1,
      entryUrl: "https://shop.example/checkout",
      referrer: "https://search.example/",
      technical: { browser: "Chrome", os: "Mac OS", language: "en-GB", timeZone: "Europe/London", deviceClass: "desktop" },
    });
    const chunks = await stored().recordingChunks.find({ sessionKey: session!.sessionKey }).toArray();
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.rollup.state).toBe("applied");
    const text = JSON.stringify(await decodeChunkEvents(chunks[0]!));
    for (const secret of Object.values(checkoutSecrets)) expect(text).not.toContain(secret);
    expect(await stored().pageViews.countDocuments({ sessionKey: session!.sessionKey })).toBe(1);
    const daily = await stored().siteDaily.findOne({ siteId: site._id });
    expect(daily).toMatchObject({ sessions: 1, pageViews: 1, loadTimeMsSum: 840, loadTimeCount: 1 });
    const scroll = await stored().scrollRollups.findOne({ siteId: site._id });
    expect(scroll?.reached["0"]).toBe(1);
  });

  it("MS-1.2 keeps only the truncated address, in storage and nowhere else", async () => {
    const payload = batchPayload(site.siteKey);
    expect((await postBatch(server.url, payload, { headers: { "x-forwarded-for": "2001:db8:abcd:12::1" } })).status).toBe(204);
    let all = "";
    for (const { name } of await db().listCollections({}, { nameOnly: true }).toArray()) {
      all += JSON.stringify(await db().collection(name).find({}).toArray());
    }
    expect(all).toContain("2001:db8:abcd::");
    expect(all).not.toContain("2001:db8:abcd:12::1");
    expect(all).not.toContain("203.0.113.77");
  });

  it("200 duplicate: a replayed batch is stored once and counted once", async () => {
    const payload = batchPayload(site.siteKey);
    expect((await postBatch(server.url, payload)).status).toBe(204);
    await derived();
    const before = await stored().siteDaily.findOne({ siteId: site._id });
    const replay = await postBatch(server.url, payload);
    expect(replay).toMatchObject({ status: 200, body: { duplicate: true } });
    const pageChunks = await stored().recordingChunks.countDocuments({ siteId: site._id, pageId: { $exists: true }, seq: 0, "context.page.startedAt": new Date(payload.page!.startedAt) });
    expect(pageChunks).toBe(1);
    await derived();
    expect(await stored().siteDaily.findOne({ siteId: site._id })).toEqual(before);
  });

  it("400: malformed JSON, wrong types and unknown fields, each named", async () => {
    const bad = await postBatch(server.url, null, { rawBody: "{not json", gzip: false });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { message: expect.stringContaining("body: not valid JSON") } });

    const wrongType = await postBatch(server.url, { ...batchPayload(site.siteKey), seq: "first" });
    expect(wrongType).toMatchObject({ status: 400, body: { error: { field: "seq", message: expect.stringContaining("seq: ") } } });

    const tooLong = await postBatch(server.url, { ...batchPayload(site.siteKey), page: { url: `https://shop.example/${"a".repeat(3000)}`, startedAt: 1 } });
    expect(tooLong).toMatchObject({ status: 400, body: { error: { field: "page.url", message: expect.stringContaining("at most 2048") } } });

    const before = await stored().recordingChunks.countDocuments();
    const notGzip = await postBatch(server.url, null, { rawBody: "plain text", gzip: false, headers: { "content-encoding": "gzip" } });
    expect(notGzip).toMatchObject({ status: 400, body: { error: { message: "body: not valid gzip data" } } });
    expect(await stored().recordingChunks.countDocuments()).toBe(before);
  });

  it("MS-2.2 refuses fields the payload schema does not name", async () => {
    const response = await postBatch(server.url, { ...batchPayload(site.siteKey), installedPlugins: ["pdf"] });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain("installedPlugins");
  });

  it("MS-2.1 403: an unknown site key, a foreign origin, no origin", async () => {
    const unknown = await postBatch(server.url, batchPayload(`pk_${"0".repeat(24)}`));
    expect(unknown).toMatchObject({ status: 403, body: { error: { field: "siteKey" } } });
    const foreign = await postBatch(server.url, batchPayload(site.siteKey), { origin: "https://evil.example" });
    expect(foreign).toMatchObject({ status: 403, body: { error: { message: "origin https://evil.example is not an allowed origin of this site" } } });
    const none = await postBatch(server.url, batchPayload(site.siteKey), { origin: null });
    expect(none.status).toBe(403);
    expect(await stored().sessions.countDocuments({ siteId: site._id, entryUrl: { $exists: false } })).toBe(0);
  });

  it("413: over the compressed limit, and a gzip bomb over the decompressed limit", async () => {
    const huge = await postBatch(server.url, null, { rawBody: Buffer.alloc(1024 * 1024 + 1, 32), gzip: false });
    expect(huge).toMatchObject({ status: 413, body: { error: { message: "body: larger than 1048576 bytes" } } });
    const bomb = gzipSync(Buffer.alloc(9 * 1024 * 1024, 32));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await fetch(`${server.url}/collect?enc=gzip`, { method: "POST", headers: { origin: "https://shop.example" }, body: bomb });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", field: "body", message: "body: larger than 8388608 bytes once decompressed" } });
  });

  it("MS-4.1 drops every batch of a visitor who opted out, storing nothing", async () => {
    const visitorId = randomRecorderId();
    const payload = batchPayload(site.siteKey, { visitorId });
    const { siteScopedKey, visitorKeySecretOf } = await import("../domain/sites/siteScopedKey.js");
    await stored().optOuts.insertOne({
      tenantId: tenant.tenantId,
      siteId: site._id,
      visitorKey: siteScopedKey(visitorKeySecretOf("test-session-secret-test-session-secret"), site._id, visitorId),
      at: new Date(),
    });
    const response = await postBatch(server.url, payload);
    expect(response).toMatchObject({ status: 200, body: { stored: false, reason: "opted-out" } });
    expect(await stored().recordingChunks.countDocuments({ pageId: { $exists: true }, "context.page.startedAt": new Date(payload.page!.startedAt) })).toBe(0);
  });

  it("MS-4.2 drops batches without consent where the site requires it", async () => {
    expect(site.privacy.settings.consentMode).toBe("required");
    const payload = batchPayload(site.siteKey, { consent: "not-required" });
    const response = await postBatch(server.url, payload);
    expect(response).toMatchObject({ status: 200, body: { stored: false, reason: "consent-missing" } });
    expect(await stored().recordingChunks.countDocuments({ "context.page.startedAt": new Date(payload.page!.startedAt) })).toBe(0);
  });

  it("MS-1.7 redacts PII that masking let through and records a violation without the value", async () => {
    const other = await createSite(
      { scope: tenantScope(db(), tenant.tenantId), actor: { type: "system", id: "test" }, now: new Date() },
      { name: "Leaky", allowedOrigins: ["https://leaky.example"] },
    );
    await collections(db()).sites.updateOne({ _id: other._id }, { $set: { "privacy.settings.textMasking": "inputs-only" } });
    const payload = batchPayload(other.siteKey, { page: { url: "https://leaky.example/account/jane.doe@example.com", startedAt: Date.now() } });
    expect((await postBatch(server.url, payload, { origin: "https://leaky.example" })).status).toBe(204);
    const violations = await stored().piiViolations.find({ siteId: other._id }).toArray();
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.map((v) => v.location)).toContain("page.url");
    expect(JSON.stringify(violations)).not.toContain("jane");
    const chunk = await stored().recordingChunks.findOne({ siteId: other._id });
    expect(chunk?.context.violationCount).toBe(violations.length);
    const text = JSON.stringify(await decodeChunkEvents(chunk!));
    expect(text).not.toContain("jane.doe@example.com");
    expect(chunk?.context.page?.url).toBe("https://leaky.example/account/:email");
  });

  it("MS-1.6 MS-2.4 keeps what visitors type into fields marked non-sensitive, never passwords or card numbers even when marked", async () => {
    const chosen = await createSite(
      { scope: tenantScope(db(), tenant.tenantId), actor: { type: "system", id: "test" }, now: new Date() },
      { name: "Chosen", allowedOrigins: ["https://shop.example"] },
    );
    await collections(db()).sites.updateOne(
      { _id: chosen._id },
      { $set: { "privacy.settings.nonSensitiveSelectors": ["#site-search", "#password", "[autocomplete=cc-number]"] } },
    );
    expect((await postBatch(server.url, batchPayload(chosen.siteKey))).status).toBe(204);
    const chunk = await stored().recordingChunks.findOne({ siteId: chosen._id });
    const text = JSON.stringify(await decodeChunkEvents(chunk!));
    expect(text).toContain("red shoes");
    expect(text).not.toContain(checkoutSecrets.password);
    expect(text).not.toContain(checkoutSecrets.cardNumber);
    expect(text).not.toContain(checkoutSecrets.typedEmail);
  });

  it("MS-1.1 stores exactly the allowed technical fields, parsed from the User-Agent or read off the batch's view, dropping the rest", async () => {
    const payload = batchPayload(site.siteKey, {
      technical: { language: "de-DE", timeZone: "Europe/Berlin", screenWidth: 1440, screenHeight: 900, fonts: "Arial,Comic Sans", cpuCores: 8 },
    });
    expect((await postBatch(server.url, payload)).status).toBe(204);
    await derived();
    const session = await stored().sessions.findOne({ siteId: site._id, "technical.language": "de-DE" });
    expect(Object.keys(session!.technical).sort()).toEqual([
      "browser",
      "deviceClass",
      "language",
      "os",
      "osVersion",
      "screenHeight",
      "screenWidth",
      "timeZone",
      "viewportHeight",
      "viewportWidth",
    ]);
    // The recorder sends the viewport once, in the view, not again among the technical fields.
    expect(session!.technical).toMatchObject({ viewportWidth: payload.view!.width, viewportHeight: payload.view!.height });
    expect(JSON.stringify(session)).not.toContain("Comic Sans");
    expect(JSON.stringify(session)).not.toContain("AppleWebKit");
  });

  it("MS-1.3 stores page views and referrers without query strings or PII", async () => {
    const payload = batchPayload(site.siteKey, {
      page: { url: "https://shop.example/orders/123456789/track?email=jane%40example.com#token=abc", referrer: "https://mail.example/inbox?user=jane", startedAt: Date.now() },
    });
    expect((await postBatch(server.url, payload)).status).toBe(204);
    await derived();
    const view = await stored().pageViews.findOne({ siteId: site._id, url: { $regex: "/orders/" } });
    expect(view).toMatchObject({ url: "https://shop.example/orders/:number/track", referrer: "https://mail.example/inbox", urlKey: "shop.example/orders/:number/track" });
  });

  it("MS-3.1 keeps a page view as ordered chunks that recreate the session, and click and scroll aggregates for it", async () => {
    const events = batchPayload(site.siteKey).events;
    const first = batchPayload(site.siteKey, { events: events.slice(0, 60), page: { url: "https://shop.example/replay", startedAt: Date.now() } });
    const second = { ...first, seq: 1, page: undefined, events: events.slice(60) };
    expect((await postBatch(server.url, second)).status).toBe(204);
    expect((await postBatch(server.url, first)).status).toBe(204);
    await derived();
    const chunks = await stored().recordingChunks.find({ siteId: site._id, pageId: first.pageId }).sort({ seq: 1 }).toArray();
    expect(chunks.map((chunk) => chunk.seq)).toEqual([0, 1]);
    const replay = (await Promise.all(chunks.map((chunk) => decodeChunkEvents(chunk)))).flat() as { type: number }[];
    expect(replay.slice(0, 2).map((event) => event.type)).toEqual([4, 2]);
    expect(replay.length).toBe(events.length);
    const clicks = await stored().heatmapRollups.findOne({ siteId: site._id, urlKey: "shop.example/replay", kind: "click" });
    expect(clicks?.total).toBeGreaterThan(0);
    expect(await stored().pageViews.countDocuments({ siteId: site._id, pageId: first.pageId })).toBe(1);
  });

  it("MS-2.3 keys visitor ids to the site: one cookie value on two sites links nothing", async () => {
    const second = await createSite(
      { scope: tenantScope(db(), tenant.tenantId), actor: { type: "system", id: "test" }, now: new Date() },
      { name: "Second", allowedOrigins: ["https://shop.example"] },
    );
    const visitorId = randomRecorderId();
    const sessionId = randomRecorderId();
    await postBatch(server.url, batchPayload(site.siteKey, { visitorId, sessionId }));
    await postBatch(server.url, batchPayload(second.siteKey, { visitorId, sessionId }));
    await derived();
    const [a, b] = await Promise.all([stored().sessions.findOne({ siteId: site._id, visitorKey: { $ne: "" } }, { sort: { _id: -1 } }), stored().sessions.findOne({ siteId: second._id })]);
    expect(a?.visitorKey).toBeTruthy();
    expect(b?.visitorKey).toBeTruthy();
    expect(a?.visitorKey).not.toBe(b?.visitorKey);
    expect(a?.sessionKey).not.toBe(b?.sessionKey);
    const everything = JSON.stringify(await stored().sessions.find({}).toArray());
    expect(everything).not.toContain(visitorId);
  });
});

describe("POST /collect under load", () => {
  const server = useTestServer({ maxCollectInFlight: 0 });

  it("MS-3.4 answers 429 with Retry-After past the in-flight limit, before reading anything", async () => {
    const response = await postBatch(server.url, batchPayload(`pk_${"1".repeat(24)}`));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(response.headers.get("access-control-expose-headers")).toBe("Retry-After");
  });
});
