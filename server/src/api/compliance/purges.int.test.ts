import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { useTestDatabase } from "../../testing/testDatabase.js";

describe("compliance.purges", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;
  let other: TenantFixture;
  let sitePurgeId: string;
  let tenantPurgeId: string;

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Past purges");
    other = await createTenantFixture(database.db, "No purges");
    const officer = callerAs(database.db, tenant.members.compliance);
    sitePurgeId = (await officer.compliance.purgeAnalytics({ tenantId: tenant.tenantId, siteId: tenant.site._id, confirm: tenant.site.name, reason: "Site retired" })).purgeId;
    tenantPurgeId = (await officer.compliance.purgeAnalytics({ tenantId: tenant.tenantId, confirm: "Past purges", reason: "Starting over" })).purgeId;
  });

  it("MS-1.7 lists the tenant's past purges newest first, each with its sealed, signed receipt", async () => {
    const { purges, nextCursor } = await callerAs(database.db, tenant.members.owner).compliance.purges({ tenantId: tenant.tenantId });
    expect(nextCursor).toBeNull();
    // The fixture's own purge (apiHarness) is the first of the three.
    expect(purges.map((purge) => purge.purgeId).sort()).toEqual([tenant.purgeId, sitePurgeId, tenantPurgeId].sort());
    expect(purges.map((purge) => purge.requestedAt)).toEqual(purges.map((purge) => purge.requestedAt).sort().reverse());
    for (const purge of purges) {
      expect(purge).toMatchObject({ state: "done", receipt: { purgeId: purge.purgeId, tenantId: tenant.tenantId }, receiptSha256: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.any(Object) });
    }
    expect(purges.find((purge) => purge.purgeId === sitePurgeId)).toMatchObject({ siteId: tenant.site._id, reason: "Site retired", receipt: { siteName: tenant.site.name } });
  });

  it("MS-1.7 pages with a cursor and shows no other tenant's purges", async () => {
    const caller = callerAs(database.db, tenant.members.owner);
    const first = await caller.compliance.purges({ tenantId: tenant.tenantId, limit: 2 });
    const second = await caller.compliance.purges({ tenantId: tenant.tenantId, limit: 2, cursor: first.nextCursor! });
    expect([...first.purges, ...second.purges].map((purge) => purge.purgeId).sort()).toEqual([tenant.purgeId, sitePurgeId, tenantPurgeId].sort());
    expect(second.nextCursor).toBeNull();
    const theirs = await callerAs(database.db, other.members.owner).compliance.purges({ tenantId: other.tenantId });
    expect(theirs.purges.map((purge) => purge.purgeId)).toEqual([other.purgeId]);
  });

  it("refuses a cursor it did not hand out, and analysts", async () => {
    await expect(callerAs(database.db, tenant.members.owner).compliance.purges({ tenantId: tenant.tenantId, cursor: "nope" })).rejects.toThrow(/cursor: not a cursor/);
    await expect(callerAs(database.db, tenant.members.analyst).compliance.purges({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
