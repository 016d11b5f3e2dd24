import { describe, expect, it } from "vitest";
import { createTenantFixture } from "../testing/apiHarness.js";
import { useTestDatabase } from "../testing/testDatabase.js";
import { listTenantsWithSizes } from "./tenantRepository.js";

describe("listTenantsWithSizes", () => {
  const database = useTestDatabase();

  it("counts each tenant's own members and sites, and matches the name literally, ignoring case", async () => {
    const plain = await createTenantFixture(database.db, "Sizes Plain Tenant");
    const dotted = await createTenantFixture(database.db, "Sizes a.b (dotted)");
    const rows = await listTenantsWithSizes(database.db, { limit: 1000, nameContains: "sizes" });
    const byId = new Map(rows.map((row) => [row.tenant._id, row]));
    // The fixture makes an owner, an admin, an analyst and a compliance officer, and one site.
    expect(byId.get(plain.tenantId)).toMatchObject({ members: 4, sites: 1 });
    expect(byId.get(dotted.tenantId)).toMatchObject({ members: 4, sites: 1 });

    // "a.b (" is text, not a pattern: it matches the dotted name only.
    const literal = await listTenantsWithSizes(database.db, { limit: 1000, nameContains: "A.B (" });
    expect(literal.map((row) => row.tenant._id)).toEqual([dotted.tenantId]);
    expect(await listTenantsWithSizes(database.db, { limit: 1000, nameContains: "sizes axb" })).toEqual([]);
  });
});
