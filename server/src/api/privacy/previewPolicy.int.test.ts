import { describe, expect, it } from "vitest";
import { callerAs, createTenantFixture } from "../../testing/apiHarness.js";
import { useTestDatabase } from "../../testing/testDatabase.js";

describe("privacy.previewPolicy", () => {
  const database = useTestDatabase();

  it("MS-5.1 resolves the policy the proposed settings would run under, and saves nothing", async () => {
    const tenant = await createTenantFixture(database.db, "Previewing");
    const owner = callerAs(database.db, tenant.members.owner);
    const site = { tenantId: tenant.tenantId, siteId: tenant.site._id };
    const saved = await owner.privacy.settings(site);
    const preview = await owner.privacy.previewPolicy({ ...site, settings: { ...saved.settings, consentMode: "required", nonSensitiveSelectors: ["#search"] } });
    expect(preview.consent.mode).toBe("required");
    expect(JSON.stringify(preview)).toContain("#search");
    expect((await owner.privacy.settings(site)).settings).toEqual(saved.settings);
    expect((await owner.privacy.effectivePolicy(site)).consent.mode).toBe(saved.settings.consentMode);
  });

  it("refuses settings outside the policy's bounds, naming the field, as saving would", async () => {
    const tenant = await createTenantFixture(database.db, "Bounded");
    const owner = callerAs(database.db, tenant.members.owner);
    const site = { tenantId: tenant.tenantId, siteId: tenant.site._id };
    const { settings, bounds } = await owner.privacy.settings(site);
    const tooLong = { ...settings, retentionDays: { rawRecordings: bounds.retention.rawRecordings.maxDays + 1 } };
    await expect(owner.privacy.previewPolicy({ ...site, settings: tooLong })).rejects.toThrow(/settings\.retentionDays\.rawRecordings/);
    await expect(owner.privacy.updateSettings({ ...site, settings: tooLong })).rejects.toThrow(/settings\.retentionDays\.rawRecordings/);
  });
});
