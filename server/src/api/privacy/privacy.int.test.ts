import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { collections, type UserDoc } from "../../db/collections.js";
import { enforcePrivacySettingsJob, enforcePrivacyJobType } from "../../domain/privacy/remaskStoredRecordings.js";
import { runJobsOnce } from "../../jobs/jobRunner.js";
import { createLogger } from "../../logging/logger.js";
import { decodeChunkEvents } from "../../repositories/recordingChunkRepository.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, postBatch } from "../../testing/collectClient.js";
import { useTestServer } from "../../testing/testServer.js";

describe("site privacy settings, the policy page and stored data", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;
  let tenant: TenantFixture;
  let owner: UserDoc;
  const page = (suffix = "") => fetch(`${server.url}/privacy/${tenant.site.siteKey}${suffix}`);
  const runJobs = () => runJobsOnce({ db: db(), logger: createLogger({ level: "silent" }), handlers: { [enforcePrivacyJobType]: enforcePrivacySettingsJob } });

  beforeAll(async () => {
    tenant = await createTenantFixture(db(), "Privacy");
    owner = tenant.members.owner;
    await collections(db()).sites.updateOne({ _id: tenant.site._id }, { $set: { allowedOrigins: ["https://shop.example"] } });
  });

  it("MS-5.1 serves the site's policy page generated from the enforced document, with its revision date", async () => {
    const response = await page();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("Last Revision: 02 March 2018");
    for (const cookie of ["mousestats_si", "mousestats_vi", "cenable", "mousestats_disable"]) expect(html).toContain(cookie);
    expect(html).toContain(`/optout/${tenant.site.siteKey}`);
    const markdown = await (await page(".md")).text();
    expect(markdown).toContain("Last Revision: 02 March 2018");
    const json = (await (await page("?format=json")).json()) as { policy: { policyVersion: number } };
    expect(json.policy.policyVersion).toBe(1);
    expect((await fetch(`${server.url}/privacy/pk_${"0".repeat(24)}`)).status).toBe(404);
  });

  it("refuses settings outside the policy's bounds, naming each field and limit", async () => {
    const caller = callerAs(db(), owner);
    const attempt = caller.privacy.updateSettings({
      tenantId: tenant.tenantId,
      siteId: tenant.site._id,
      settings: { consentMode: "none", retentionDays: { rawRecordings: 9999 }, nonSensitiveSelectors: ["input"] },
    });
    await expect(attempt).rejects.toBeInstanceOf(TRPCError);
    const error = (await attempt.catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain('settings.consentMode: consent mode must be at least "opt-out"');
    expect(error.message).toContain("settings.retentionDays.rawRecordings: retention must be between 1 and 365 days, got 9999");
    expect(error.message).toContain("settings.nonSensitiveSelectors.0: selector");
    const stored = await collections(db()).sites.findOne({ _id: tenant.site._id });
    expect(stored?.privacy.settings.consentMode).toBe("required");
  });

  it("MS-5.1 a setting change shows on the policy page and is audited", async () => {
    const before = await (await page(".md")).text();
    const result = await callerAs(db(), owner).privacy.updateSettings({
      tenantId: tenant.tenantId,
      siteId: tenant.site._id,
      settings: { consentMode: "opt-out", textMasking: "inputs-only", retentionDays: { rawRecordings: 14 } },
    });
    expect(result.tightened).toContain("rawRecordings retention shortened from 30 to 14 days");
    const after = await (await page(".md")).text();
    expect(after).not.toEqual(before);
    expect(after).toContain("14 days");
    const audit = await collections(db()).auditLog.findOne({ tenantId: tenant.tenantId, action: "site.privacy.update" });
    expect(audit?.details).toMatchObject({ changedSettings: expect.arrayContaining(["consentMode", "textMasking", "retentionDays"]) });
    await runJobs();
  });

  it("MS-1.5 tightening text masking re-masks stored recordings; loosening never un-masks them", async () => {
    const payload = batchPayload(tenant.site.siteKey, { consent: "not-required" });
    expect((await postBatch(server.url, payload)).status).toBe(204);
    const chunkOf = async () => {
      const chunk = await analyticsCollections(db()).recordingChunks.findOne({ siteId: tenant.site._id }, { sort: { receivedAt: -1 } });
      return JSON.stringify(await decodeChunkEvents(chunk!));
    };
    // Page text is kept under inputs-only masking ("Leave at the door" is the notes field's
    // placeholder text in the recorded page heading area; "Checkout" is its heading).
    expect(await chunkOf()).toContain("Checkout");

    const tighten = await callerAs(db(), owner).privacy.updateSettings({
      tenantId: tenant.tenantId,
      siteId: tenant.site._id,
      settings: { consentMode: "opt-out", textMasking: "all-text", retentionDays: { rawRecordings: 14 } },
    });
    expect(tighten.tightened).toContain("all page text is now masked");
    expect(tighten.jobId).toMatch(/^job_/);
    expect(await runJobs()).toBeGreaterThan(0);
    const status = await callerAs(db(), owner).privacy.jobStatus({ tenantId: tenant.tenantId, jobId: tighten.jobId! });
    expect(status).toMatchObject({ state: "done", progress: { done: expect.any(Number) } });
    expect(status.progress.done).toBe(status.progress.total);
    expect(await chunkOf()).not.toContain("Checkout");

    const loosen = await callerAs(db(), owner).privacy.updateSettings({
      tenantId: tenant.tenantId,
      siteId: tenant.site._id,
      settings: { consentMode: "opt-out", textMasking: "inputs-only", retentionDays: { rawRecordings: 14 } },
    });
    expect(loosen.jobId).toBeNull();
    expect(await chunkOf()).not.toContain("Checkout");
  });

  it("MS-5.1 publishing a new policy version keeps the old one and is audited; sites keep their version", async () => {
    await collections(db()).users.updateOne({ _id: tenant.members.admin._id }, { $set: { platform: true } });
    const staff = (await collections(db()).users.findOne({ _id: tenant.members.admin._id }))!;
    const next = { ...mouseStatsPolicyV1, version: 2, revisedOn: "2026-11-28", changelog: [...mouseStatsPolicyV1.changelog, { version: 2, revisedOn: "2026-11-28", summary: "Clarified retention." }] };
    await expect(callerAs(db(), staff).platform.policies.publish({ document: { ...mouseStatsPolicyV1 } })).rejects.toThrow(/at version 1; publish version 2/);
    expect(await callerAs(db(), staff).platform.policies.publish({ document: next })).toEqual({ policyId: "mousestats", version: 2, revisedOn: "2026-11-28" });
    expect(await collections(db()).policyVersions.countDocuments({ policyId: "mousestats" })).toBe(2);
    expect(await collections(db()).auditLog.findOne({ action: "platform.policies.publish" })).toBeTruthy();
    const settings = await callerAs(db(), owner).privacy.settings({ tenantId: tenant.tenantId, siteId: tenant.site._id });
    expect(settings.policyVersion).toBe(1);
    expect(settings.publishedVersions.map((v) => v.version)).toEqual([2, 1]);
  });
});
