import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections, type RecordingChunkDoc } from "../../db/analyticsCollections.js";
import { upsertOptOut } from "../../repositories/optOutRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { useTestDatabase } from "../../testing/testDatabase.js";

describe("compliance.optOutVerification", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;
  let other: TenantFixture;
  const at = (hour: number) => new Date(Date.UTC(2025, 2, 1, hour));
  // Only the fields the check reads: a chunk of this visitor received at this time.
  const chunk = (owner: TenantFixture, visitorKey: string, receivedAt: Date, seq: number) =>
    ({ tenantId: owner.tenantId, siteId: owner.site._id, sessionKey: `s-${visitorKey}`, pageId: "p1", seq, receivedAt, context: { visitorKey } }) as unknown as RecordingChunkDoc;

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Verified opt-outs");
    other = await createTenantFixture(database.db, "Other opt-outs");
    const scope = tenantScope(database.db, tenant.tenantId);
    await upsertOptOut(scope, { siteId: tenant.site._id, visitorKey: "visitor-clean", at: at(10) });
    await upsertOptOut(scope, { siteId: tenant.site._id, visitorKey: "visitor-leaked", at: at(11) });
    await upsertOptOut(tenantScope(database.db, other.tenantId), { siteId: other.site._id, visitorKey: "visitor-other", at: at(9) });
    await analyticsCollections(database.db).recordingChunks.insertMany([
      chunk(tenant, "visitor-clean", at(9), 1), // before the opt-out: allowed
      chunk(tenant, "visitor-leaked", at(10), 1), // before the opt-out: allowed
      chunk(tenant, "visitor-leaked", at(12), 2), // after: a breach
      chunk(tenant, "visitor-leaked", at(13), 3), // after: a breach
      chunk(tenant, "someone-else", at(12), 1), // never opted out
      chunk(other, "visitor-other", at(12), 1), // another tenant's breach
    ]);
  });

  it("MS-4.1 counts, for each opt-out, the chunks of that visitor received after it, never showing the key", async () => {
    const result = await callerAs(database.db, tenant.members.compliance).compliance.optOutVerification({ tenantId: tenant.tenantId, limit: 50 });
    expect(result.optOuts.map((row) => [row.optedOutAt, row.chunksStoredAfter])).toEqual([
      [at(11).toISOString(), 2],
      [at(10).toISOString(), 0],
    ]);
    expect(result).toMatchObject({ breached: 1, nextCursor: null });
    expect(JSON.stringify(result)).not.toMatch(/visitor-/);
  });

  it("MS-4.1 pages newest first and keeps to the tenant's own opt-outs", async () => {
    const caller = callerAs(database.db, tenant.members.owner);
    const first = await caller.compliance.optOutVerification({ tenantId: tenant.tenantId, limit: 1 });
    expect(first.optOuts.map((row) => row.chunksStoredAfter)).toEqual([2]);
    const second = await caller.compliance.optOutVerification({ tenantId: tenant.tenantId, limit: 1, cursor: first.nextCursor! });
    expect(second).toMatchObject({ optOuts: [{ chunksStoredAfter: 0 }], breached: 0, nextCursor: null });
    const theirs = await callerAs(database.db, other.members.owner).compliance.optOutVerification({ tenantId: other.tenantId, limit: 50 });
    expect(theirs.optOuts.map((row) => row.chunksStoredAfter)).toEqual([1]);
  });

  it("refuses a cursor it did not hand out, and analysts", async () => {
    await expect(callerAs(database.db, tenant.members.owner).compliance.optOutVerification({ tenantId: tenant.tenantId, cursor: "nope" })).rejects.toThrow(/cursor: not a cursor/);
    await expect(callerAs(database.db, tenant.members.analyst).compliance.optOutVerification({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
