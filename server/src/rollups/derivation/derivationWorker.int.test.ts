import { describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { createTenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, postBatch } from "../../testing/collectClient.js";
import { useTestServer } from "../../testing/testServer.js";

describe("the derivation worker of a server", () => {
  const server = useTestServer();

  it("derives a stored batch within moments of the 204, woken by the chunk (no drain, no sleep)", async () => {
    const db = server.server.database.db;
    const tenant = await createTenantFixture(db, "Worker");
    const payload = batchPayload(tenant.site.siteKey);
    expect((await postBatch(server.url, payload, { origin: tenant.site.allowedOrigins[0] as string })).status).toBe(204);
    const answeredAt = Date.now();
    // The batch's chunk, not the fixture's own (stored already counted).
    const posted = { siteId: tenant.site._id, sessionKey: { $ne: tenant.sessionKey } };
    let chunk = await analyticsCollections(db).recordingChunks.findOne(posted);
    while (chunk?.rollup.state !== "applied" && Date.now() - answeredAt < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      chunk = await analyticsCollections(db).recordingChunks.findOne(posted);
    }
    expect(chunk?.rollup).toMatchObject({ state: "applied", appliedAt: expect.any(Date) });
    expect(chunk!.rollup.appliedAt!.getTime() - chunk!.receivedAt.getTime()).toBeLessThan(2_000);
    console.info(`derived ${chunk!.rollup.appliedAt!.getTime() - chunk!.receivedAt.getTime()} ms after receipt`);
    // The fixture's own session, and the batch's.
    expect(await analyticsCollections(db).sessions.countDocuments({ siteId: tenant.site._id })).toBe(2);
  });
});
