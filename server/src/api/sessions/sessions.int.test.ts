import { beforeAll, describe, expect, it } from "vitest";
import { collections } from "../../db/collections.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, postBatch, randomRecorderId } from "../../testing/collectClient.js";
import { useTestServer } from "../../testing/testServer.js";

describe("sessions.list and sessions.get", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;
  let tenant: TenantFixture;

  beforeAll(async () => {
    tenant = await createTenantFixture(db(), "Sessions");
    await collections(db()).sites.updateOne({ _id: tenant.site._id }, { $set: { allowedOrigins: ["https://shop.example"] } });
  });

  it("lists recorded sessions newest first, page by page, and shows one in detail", async () => {
    const reader = callerAs(db(), await tenant.keyWithScopes(["reports:read"]));
    const sessionIds: string[] = [];
    for (let index = 0; index < 3; index++) {
      const sessionId = randomRecorderId();
      const startedAt = Date.now() + index * 1000;
      const first = batchPayload(tenant.site.siteKey, { sessionId, page: { url: `https://shop.example/p/${index}?utm=x`, startedAt, loadTimeMs: 500 + index } });
      expect((await postBatch(server.url, first)).status).toBe(204);
      sessionIds.push(sessionId);
    }
    await server.server.derivation.drain();
    const firstPage = await reader.sessions.list({ tenantId: tenant.tenantId, siteId: tenant.site._id, limit: 2 });
    expect(firstPage.sessions).toHaveLength(2);
    expect(firstPage.nextCursor).not.toBeNull();
    const secondPage = await reader.sessions.list({ tenantId: tenant.tenantId, siteId: tenant.site._id, limit: 2, cursor: firstPage.nextCursor! });
    const all = [...firstPage.sessions, ...secondPage.sessions];
    // Three recorded here plus the fixture's own session.
    expect(all).toHaveLength(4);
    const times = all.map((session) => session.firstSeenAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const raw of sessionIds) expect(JSON.stringify(all)).not.toContain(raw);

    const newest = all.find((session) => session.entryUrl?.endsWith("/p/2"));
    expect(newest).toBeDefined();
    const detail = await reader.sessions.get({ tenantId: tenant.tenantId, siteId: tenant.site._id, sessionId: newest!.sessionId });
    expect(detail).toMatchObject({
      entryUrl: "https://shop.example/p/2",
      policy: { id: "mousestats", version: 1 },
      ipTruncated: expect.stringMatching(/\.0$|::$/),
      technical: { browser: "Chrome", deviceClass: "desktop", timeZone: "Europe/London" },
      pages: [{ url: "https://shop.example/p/2", loadTimeMs: 502, breakpoint: "desktop" }],
    });
    expect(detail.violationCount).toBe(Object.values(detail.violationsByKind).reduce((a, b) => a + b, 0));
  });

  it("says how many events the recorder's bounded queue dropped before sending", async () => {
    const sessionId = randomRecorderId();
    const first = batchPayload(tenant.site.siteKey, { sessionId, page: { url: "https://shop.example/busy", startedAt: Date.now() } });
    expect((await postBatch(server.url, first)).status).toBe(204);
    expect((await postBatch(server.url, { ...first, seq: 1, page: undefined, droppedEvents: 42 })).status).toBe(204);
    const reader = callerAs(db(), tenant.members.analyst);
    await server.server.derivation.drain();
    const { sessions } = await reader.sessions.list({ tenantId: tenant.tenantId, siteId: tenant.site._id, limit: 100 });
    const busy = sessions.find((session) => session.entryUrl === "https://shop.example/busy");
    expect(busy?.droppedEvents).toBe(42);
  });

  it("refuses a cursor it did not make", async () => {
    await expect(callerAs(db(), tenant.members.analyst).sessions.list({ tenantId: tenant.tenantId, cursor: "bogus" })).rejects.toThrow(
      "cursor: not a cursor returned by sessions.list",
    );
  });

  it("is for members who read reports: compliance officers are refused", async () => {
    await expect(callerAs(db(), tenant.members.compliance).sessions.list({ tenantId: tenant.tenantId })).rejects.toThrow(/role \(compliance\)/);
  });
});
