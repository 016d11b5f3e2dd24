import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { collections } from "../../db/collections.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, postBatch, randomRecorderId } from "../../testing/collectClient.js";
import { useTestServer } from "../../testing/testServer.js";

describe("page views of a single-page application", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;
  let tenant: TenantFixture;

  beforeAll(async () => {
    tenant = await createTenantFixture(db(), "Single page");
    await collections(db()).sites.updateOne({ _id: tenant.site._id }, { $set: { allowedOrigins: ["https://app.example"] } });
  });

  it("counts each route the recorder reported as a page view, per normalised URL", async () => {
    const sessionId = randomRecorderId();
    const visitorId = randomRecorderId();
    const startedAt = Date.now();
    // What the recorder sends for a landing page and two route changes: a new page id each, seq 0 carrying the URL.
    const routes = [
      { url: "https://app.example/app", referrer: "https://search.example/" },
      { url: "https://app.example/app/cart?sort=price", referrer: "https://app.example/app" },
      { url: "https://app.example/app/cart/", referrer: "https://app.example/app/cart?sort=price" },
    ];
    for (const [index, route] of routes.entries()) {
      const payload = batchPayload(tenant.site.siteKey, { sessionId, visitorId, pageId: randomRecorderId(), page: { ...route, startedAt: startedAt + index * 1000, loadTimeMs: index === 0 ? 400 : undefined } });
      expect(await postBatch(server.url, payload, { origin: "https://app.example" })).toMatchObject({ status: 204 });
    }
    // Sessions and page views are derived from the stored chunks by the server's worker.
    await server.server.derivation.drain();
    const reader = callerAs(db(), tenant.members.analyst);
    const { sessions } = await reader.sessions.list({ tenantId: tenant.tenantId, url: "https://app.example/app/cart" });
    expect(sessions).toHaveLength(1);
    const detail = await reader.sessions.get({ tenantId: tenant.tenantId, siteId: tenant.site._id, sessionId: sessions[0]!.sessionId });
    expect(detail.pageCount).toBe(3);
    expect(detail.pages.map((page) => [page.url, page.loadTimeMs])).toEqual([
      ["https://app.example/app", 400],
      ["https://app.example/app/cart", null],
      ["https://app.example/app/cart/", null],
    ]);
    const daily = await analyticsCollections(db()).pageDaily.find({ tenantId: tenant.tenantId, siteId: tenant.site._id }).toArray();
    expect(Object.fromEntries(daily.map((row) => [row.urlKey, row.pageViews]))).toEqual({ "app.example/app": 1, "app.example/app/cart": 2 });
  });
});
