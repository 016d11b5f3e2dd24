import { beforeAll, describe, expect, it } from "vitest";
import { collections } from "../db/collections.js";
import { createTenantFixture, type TenantFixture } from "../testing/apiHarness.js";
import { batchPayload, postBatch } from "../testing/collectClient.js";
import { useTestServer } from "../testing/testServer.js";

describe("GET /stats", () => {
  const server = useTestServer();
  let tenants: TenantFixture[];

  beforeAll(async () => {
    const db = server.server.database.db;
    tenants = [await createTenantFixture(db, "Stats A"), await createTenantFixture(db, "Stats B")];
    for (const [index, tenant] of tenants.entries()) {
      await collections(db).sites.updateOne({ _id: tenant.site._id }, { $set: { allowedOrigins: ["https://shop.example"] } });
      const payload = batchPayload(tenant.site.siteKey, { page: { url: "https://shop.example/", startedAt: Date.now(), loadTimeMs: 400 + index * 200 } });
      expect((await postBatch(server.url, payload)).status).toBe(204);
    }
    // The daily figures are derived from the stored chunks by the server's worker.
    await server.server.derivation.drain();
  });

  it("MS-3.2 shares pages processed per day and the average load time, and nothing per tenant or visitor", async () => {
    const response = await fetch(`${server.url}/stats?days=7`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { days: { day: string; pagesProcessed: number; averageLoadTimeMs: number }[] };
    const today = new Date().toISOString().slice(0, 10);
    expect(body.days).toEqual([{ day: today, pagesProcessed: 2, averageLoadTimeMs: 500 }]);
    const text = JSON.stringify(body);
    for (const tenant of tenants) {
      for (const identifier of [tenant.tenantId, tenant.site._id, tenant.site.siteKey]) expect(text).not.toContain(identifier);
    }
    expect(text).not.toContain("shop.example");
  });

  it("names the bad parameter", async () => {
    const response = await fetch(`${server.url}/stats?days=0`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { message: "days: must be a whole number from 1 to 366", field: "days" } });
  });
});
