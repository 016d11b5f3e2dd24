import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { beforeAll, describe, expect, it } from "vitest";
import { collections } from "../../db/collections.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { useTestDatabase } from "../../testing/testDatabase.js";

describe("policy versions in the compliance centre", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;
  let other: TenantFixture;

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Versions");
    other = await createTenantFixture(database.db, "Other versions");
    await collections(database.db).users.updateOne({ _id: tenant.members.admin._id }, { $set: { platform: true } });
    const staff = (await collections(database.db).users.findOne({ _id: tenant.members.admin._id }))!;
    const next = { ...mouseStatsPolicyV1, version: 2, revisedOn: "2026-11-28", changelog: [...mouseStatsPolicyV1.changelog, { version: 2, revisedOn: "2026-11-28", summary: "Clarified retention." }] };
    await callerAs(database.db, staff).platform.policies.publish({ document: next });
    await callerAs(database.db, other.members.owner).privacy.updateSettings({ tenantId: other.tenantId, siteId: other.site._id, settings: {}, policyVersion: 2 });
  });

  it("MS-5.1 lists every published version newest first, each with its change log entry", async () => {
    const { policies } = await callerAs(database.db, tenant.members.compliance).compliance.policyVersions({ tenantId: tenant.tenantId });
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatchObject({ policyId: "mousestats", latestVersion: 2 });
    expect(policies[0]!.versions.map((v) => [v.version, v.revisedOn, v.changes])).toEqual([
      [2, "2026-11-28", "Clarified retention."],
      [1, mouseStatsPolicyV1.revisedOn, mouseStatsPolicyV1.changelog.at(-1)!.summary],
    ]);
  });

  it("MS-5.1 shows which version each of the tenant's own sites runs, and no other tenant's site", async () => {
    const mine = await callerAs(database.db, tenant.members.owner).compliance.policyVersions({ tenantId: tenant.tenantId });
    expect(mine.policies[0]!.sites).toEqual([{ siteId: tenant.site._id, name: tenant.site.name, version: 1 }]);
    const theirs = await callerAs(database.db, other.members.owner).compliance.policyVersions({ tenantId: other.tenantId });
    expect(theirs.policies[0]!.sites).toEqual([{ siteId: other.site._id, name: other.site.name, version: 2 }]);
  });

  it("is for owners, compliance officers and compliance keys only", async () => {
    await expect(callerAs(database.db, tenant.members.analyst).compliance.policyVersions({ tenantId: tenant.tenantId })).rejects.toThrow(/role \(analyst\)/);
  });
});
