import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { useTestDatabase } from "../../testing/testDatabase.js";

describe("API keys with the admin scope", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;
  let other: TenantFixture;

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Admin key");
    other = await createTenantFixture(database.db, "Admin key elsewhere");
  });

  it("list the tenant's members and keys, without any key's secret or hash", async () => {
    const key = await tenant.keyWithScopes(["admin"]);
    const asKey = callerAs(database.db, key);
    const { members } = await asKey.members.list({ tenantId: tenant.tenantId });
    expect(members.map((member) => member.role).sort()).toEqual(["admin", "analyst", "compliance", "owner"]);
    const keys = await asKey.apiKeys.list({ tenantId: tenant.tenantId });
    expect(keys.map((listed) => listed.keyId)).toEqual(expect.arrayContaining([key._id, tenant.apiKey._id]));
    expect(JSON.stringify(keys)).not.toContain(key.hash);
  });

  it("cannot grant or revoke access: members and keys change through a signed-in owner or admin only", async () => {
    const asKey = callerAs(database.db, await tenant.keyWithScopes(["admin"]));
    const refusal = /not available to API keys/;
    await expect(asKey.apiKeys.create({ tenantId: tenant.tenantId, name: "escalated", scopes: ["admin"] })).rejects.toThrow(refusal);
    await expect(asKey.apiKeys.revoke({ tenantId: tenant.tenantId, keyId: tenant.apiKey._id })).rejects.toThrow(refusal);
    await expect(asKey.members.invite({ tenantId: tenant.tenantId, email: "new@example.test", role: "owner" })).rejects.toThrow(refusal);
    await expect(asKey.members.remove({ tenantId: tenant.tenantId, userId: tenant.members.analyst._id })).rejects.toThrow(refusal);
  });

  it("are refused to keys without it, and see nothing of another tenant", async () => {
    const reportsKey = callerAs(database.db, await tenant.keyWithScopes(["reports:read", "config:write", "compliance:write"]));
    await expect(reportsKey.members.list({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: "FORBIDDEN", message: "This API key needs one of the scopes: admin" });
    await expect(reportsKey.apiKeys.list({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const otherAdminKey = callerAs(database.db, await other.keyWithScopes(["admin"]));
    await expect(otherAdminKey.members.list({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(otherAdminKey.apiKeys.list({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is the only scope that reads members: analysts and compliance officers still cannot", async () => {
    await expect(callerAs(database.db, tenant.members.analyst).members.list({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(database.db, tenant.members.admin).members.list({ tenantId: tenant.tenantId })).resolves.toMatchObject({ members: expect.any(Array) });
  });
});
