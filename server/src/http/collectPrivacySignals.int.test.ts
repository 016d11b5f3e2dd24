import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../db/analyticsCollections.js";
import type { SiteDoc } from "../db/collections.js";
import { createSite } from "../domain/sites/createSite.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { createTenantFixture } from "../testing/apiHarness.js";
import { batchPayload, postBatch } from "../testing/collectClient.js";
import { useTestServer } from "../testing/testServer.js";

/**
 * MS-4.2 over real HTTP: the server decides again for every batch, with the rule the recorder
 * uses (policies/enforce/decideRecording), so a recorder that ignores the browser's Global Privacy
 * Control or Do Not Track, or the site's consent mode, gets its batches refused and nothing stored.
 */
describe("POST /collect re-checks consent, GPC and DNT", () => {
  const server = useTestServer();
  let site: SiteDoc;
  const db = () => server.server.database.db;
  const storedChunksOf = (pageId: string) => analyticsCollections(db()).recordingChunks.countDocuments({ siteId: site._id, pageId });

  beforeAll(async () => {
    const tenant = await createTenantFixture(db(), "Signals");
    site = await createSite(
      { scope: tenantScope(db(), tenant.tenantId), actor: { type: "system", id: "test" }, now: new Date() },
      { name: "Shop", allowedOrigins: ["https://shop.example"] },
    );
    // The policy honours both signals; a site requires consent unless its tenant relaxes it.
    expect(site.privacy.settings.consentMode).toBe("required");
  });

  it.each<{ header: Record<string, string>; reason: string }>([
    { header: { "sec-gpc": "1" }, reason: "global-privacy-control" },
    { header: { dnt: "1" }, reason: "do-not-track" },
  ])("MS-4.2 refuses a consented batch from a recorder that ignored $header, storing nothing", async ({ header, reason }) => {
    const payload = batchPayload(site.siteKey, { consent: "granted" });
    const response = await postBatch(server.url, payload, { headers: header });
    expect(response).toMatchObject({ status: 200, body: { stored: false, reason } });
    expect(await storedChunksOf(payload.pageId)).toBe(0);
  });

  it.each([
    { privacySignals: { globalPrivacyControl: true, doNotTrack: false }, reason: "global-privacy-control" },
    { privacySignals: { globalPrivacyControl: false, doNotTrack: true }, reason: "do-not-track" },
  ])("MS-4.2 refuses a batch whose recorder says the browser sent $privacySignals", async ({ privacySignals, reason }) => {
    const payload = batchPayload(site.siteKey, { consent: "granted", privacySignals });
    expect(await postBatch(server.url, payload)).toMatchObject({ status: 200, body: { stored: false, reason } });
    expect(await storedChunksOf(payload.pageId)).toBe(0);
  });

  it("MS-4.2 refuses a batch without consent where the site requires it, and stores one with it", async () => {
    const withoutConsent = batchPayload(site.siteKey, { consent: "not-required", privacySignals: { globalPrivacyControl: false, doNotTrack: false } });
    expect(await postBatch(server.url, withoutConsent)).toMatchObject({ status: 200, body: { stored: false, reason: "consent-missing" } });
    expect(await storedChunksOf(withoutConsent.pageId)).toBe(0);

    const consented = batchPayload(site.siteKey, { consent: "granted", privacySignals: { globalPrivacyControl: false, doNotTrack: false } });
    expect((await postBatch(server.url, consented, { headers: { "sec-gpc": "0", dnt: "0" } })).status).toBe(204);
    expect(await storedChunksOf(consented.pageId)).toBe(1);
  });
});
