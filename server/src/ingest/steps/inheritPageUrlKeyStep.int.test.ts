import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { collections } from "../../db/collections.js";
import { createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, randomRecorderId } from "../../testing/collectClient.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import type { CollectPayload } from "../collectPayload.schema.js";
import { createCollectPipeline } from "../collectPipeline.js";
import { createSiteDirectory } from "../../domain/sites/siteDirectory.js";
import { deriveStoredChunks } from "../../testing/derivation.js";
import { visitorKeySecretOf } from "../../domain/sites/siteScopedKey.js";

/** A pipeline as one server process has it (its own caches). */
function serverProcess(db: Parameters<typeof createCollectPipeline>[0]["db"]) {
  const pipeline = createCollectPipeline({ db, sites: createSiteDirectory(db), visitorKeySecret: visitorKeySecretOf("inherit-page-url-key-test-secret") });
  return async (payload: CollectPayload) => {
    const outcome = await pipeline.run({
      body: Buffer.from(JSON.stringify(payload)),
      encoding: "identity",
      origin: "https://shop.example",
      ip: "203.0.113.9",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
      receivedAt: new Date(),
    });
    expect(outcome.kind).toBe("ok");
    // What the process's derivation worker does soon after the 204.
    await deriveStoredChunks(db);
  };
}

/** The rest of a visit, as the batches after the first carry it: three clicks and a scroll to the bottom. */
function laterBatch(first: CollectPayload, seq: number): CollectPayload {
  const at = Date.now();
  const click = (x: number) => ({ type: 3, data: { source: 2, type: 2, id: 73, x, y: 200 }, timestamp: at + x });
  const { page: _page, technical: _technical, ...rest } = first;
  return {
    ...rest,
    seq,
    view: { width: 1280, height: 720, scrollX: 0, scrollY: 0, documentHeight: 2880 },
    events: [click(100), click(400), click(900), { type: 3, data: { source: 3, id: 1, x: 0, y: 2160 }, timestamp: at + 1_000 }],
  };
}

describe("MS-1.4 MS-3.1 the batches after a page view's first reach its heatmaps, scroll map and daily figures", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;
  const stored = () => analyticsCollections(database.db);

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Inherit page");
    await collections(database.db).sites.updateOne({ _id: tenant.site._id }, { $set: { allowedOrigins: ["https://shop.example"] } });
  });

  const clicksOn = async (urlKey: string) =>
    (await stored().heatmapRollups.find({ siteId: tenant.site._id, urlKey, kind: "click" }).toArray()).reduce((sum, rollup) => sum + rollup.total, 0);

  it("in the process that took the first batch, and in another one", async () => {
    for (const [label, second] of [
      ["same process", null],
      ["another process", serverProcess(database.db)],
    ] as const) {
      const send = serverProcess(database.db);
      const url = `https://shop.example/${label.replace(" ", "-")}`;
      const urlKey = `shop.example/${label.replace(" ", "-")}`;
      const first = batchPayload(tenant.site.siteKey, { page: { url, startedAt: Date.now() } });
      await send(first);
      const firstClicks = await clicksOn(urlKey);
      await (second ?? send)(laterBatch(first, 1));

      const chunk = await stored().recordingChunks.findOne({ siteId: tenant.site._id, pageId: first.pageId, seq: 1 });
      expect(chunk?.context).toMatchObject({ urlKey, page: null });
      expect(await clicksOn(urlKey), label).toBe(firstClicks + 3);
      const daily = await stored().pageDaily.findOne({ siteId: tenant.site._id, urlKey });
      expect(daily).toMatchObject({ pageViews: 1 });
      expect(daily?.clicks).toBeGreaterThanOrEqual(3);
      const scroll = await stored().scrollRollups.findOne({ siteId: tenant.site._id, urlKey });
      expect(scroll?.reached["100"], label).toBe(1);
    }
  });

  it("leaves a batch whose page view has no first batch stored without a page", async () => {
    const orphan = laterBatch(batchPayload(tenant.site.siteKey, { pageId: randomRecorderId() }), 3);
    await serverProcess(database.db)(orphan);
    const chunk = await stored().recordingChunks.findOne({ siteId: tenant.site._id, pageId: orphan.pageId });
    expect(chunk?.context).toMatchObject({ urlKey: "", page: null });
  });
});
