import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "../domain/apiKeys/authenticateApiKey.js";
import { createTenantFixture } from "../testing/apiHarness.js";
import { useTestDatabase } from "../testing/testDatabase.js";
import { revokeApiKey } from "./apiKeyRepository.js";
import { tenantScope } from "./tenantScope.js";

describe("revokeApiKey", () => {
  const database = useTestDatabase();

  it("stamps a live key, which then no longer authenticates, and keeps the first time when revoked again", async () => {
    const tenant = await createTenantFixture(database.db, "Revoking");
    const scope = tenantScope(database.db, tenant.tenantId);
    const first = new Date("2026-03-01T10:00:00Z");
    const later = new Date("2026-03-02T10:00:00Z");
    expect(await authenticateApiKey(database.db, tenant.apiKeySecret, first)).not.toBeNull();

    expect((await revokeApiKey(scope, tenant.apiKey._id, first))?.revokedAt).toEqual(first);
    expect(await authenticateApiKey(database.db, tenant.apiKeySecret, later)).toBeNull();
    expect((await revokeApiKey(scope, tenant.apiKey._id, later))?.revokedAt).toEqual(first);
  });

  it("finds no key of another tenant", async () => {
    const owner = await createTenantFixture(database.db, "Owner of the key");
    const other = await createTenantFixture(database.db, "Someone else");
    expect(await revokeApiKey(tenantScope(database.db, other.tenantId), owner.apiKey._id, new Date("2026-03-01T10:00:00Z"))).toBeNull();
    expect(await authenticateApiKey(database.db, owner.apiKeySecret, new Date("2026-03-01T10:00:00Z"))).not.toBeNull();
  });
});
