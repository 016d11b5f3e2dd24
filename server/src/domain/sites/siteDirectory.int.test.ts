import { describe, expect, it } from "vitest";
import { tenantScope } from "../../repositories/tenantScope.js";
import { createTenantFixture } from "../../testing/apiHarness.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { deleteSite } from "./deleteSite.js";
import { rotateSiteKey } from "./rotateSiteKey.js";
import { createSiteDirectory } from "./siteDirectory.js";
import { updateSite } from "./updateSite.js";

describe("MS-2.1 the site directory ingestion reads sites through", () => {
  const database = useTestDatabase();

  it("answers from its cache, and forgets a site at once when this process changes, re-keys or deletes it", async () => {
    const tenant = await createTenantFixture(database.db, "Directory");
    const call = { scope: tenantScope(database.db, tenant.tenantId), actor: { type: "system" as const, id: "test" }, now: new Date() };
    // A TTL far longer than the test: only explicit invalidation can make it see the changes.
    const directory = createSiteDirectory(database.db, { ttlMs: 3_600_000 });
    const { site } = tenant;
    expect((await directory.lookup(site.siteKey))?.site.allowedOrigins).toEqual(site.allowedOrigins);

    await updateSite(call, site._id, { allowedOrigins: ["https://moved.example"] });
    expect((await directory.lookup(site.siteKey))?.site.allowedOrigins).toEqual(["https://moved.example"]);

    const rotated = await rotateSiteKey(call, site._id);
    expect(await directory.lookup(site.siteKey)).toBeNull();
    expect((await directory.lookup(rotated.siteKey))?.site._id).toBe(site._id);

    await deleteSite(call, site._id);
    expect(await directory.lookup(rotated.siteKey)).toBeNull();
  });

  it("stays bounded: past its size the least recently used key is forgotten, not all of them", async () => {
    const tenant = await createTenantFixture(database.db, "Bounded");
    const directory = createSiteDirectory(database.db, { ttlMs: 3_600_000, maxEntries: 2 });
    await directory.lookup(tenant.site.siteKey);
    await directory.lookup("pk_unknown_one");
    await directory.lookup(tenant.site.siteKey);
    await directory.lookup("pk_unknown_two");
    // The site's key was used last but one: still cached even though the site is gone now.
    await database.db.collection("sites").deleteOne({ _id: tenant.site._id as never });
    expect(await directory.lookup(tenant.site.siteKey)).not.toBeNull();
  });
});
