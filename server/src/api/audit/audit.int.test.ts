import { beforeAll, describe, expect, it } from "vitest";
import { collections, type AuditEntryDoc } from "../../db/collections.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { appRouter } from "../router.js";
import { routerProcedures } from "../routerProcedures.js";

describe("MS-3.3 the audit log", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Audited");
    const owner = callerAs(database.db, tenant.members.owner);
    await owner.sites.update({ tenantId: tenant.tenantId, siteId: tenant.site._id, name: "Renamed shop" });
    await owner.apiKeys.revoke({ tenantId: tenant.tenantId, keyId: tenant.apiKey._id });
  });

  it("MS-3.3 records who did what to which object and when, newest first", async () => {
    const { entries } = await callerAs(database.db, tenant.members.owner).audit.list({ tenantId: tenant.tenantId, limit: 50 });
    expect(entries[0]).toMatchObject({ action: "apiKey.revoke", actor: { type: "user", id: tenant.members.owner._id }, target: { type: "apiKey", id: tenant.apiKey._id } });
    expect(entries[1]).toMatchObject({ action: "site.update", target: { type: "site", id: tenant.site._id }, details: { changed: ["name"], name: "Renamed shop" } });
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(["tenant.create", "site.create", "apiKey.create", "member.invite"]));
    const times = entries.map((entry) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("MS-3.3 is readable by owners, compliance officers and compliance keys only", async () => {
    const read = (who: Parameters<typeof callerAs>[1]) => callerAs(database.db, who).audit.list({ tenantId: tenant.tenantId, limit: 5 });
    await expect(read(tenant.members.compliance)).resolves.toMatchObject({ entries: expect.any(Array) });
    await expect(read(await tenant.keyWithScopes(["compliance:write"]))).resolves.toMatchObject({ entries: expect.any(Array) });
    await expect(read(tenant.members.admin)).rejects.toThrow(/role \(admin\)/);
    await expect(read(tenant.members.analyst)).rejects.toThrow(/role \(analyst\)/);
    await expect(read(await tenant.keyWithScopes(["reports:read"]))).rejects.toThrow(/scopes: compliance:write/);
  });

  it("MS-3.3 is append-only: no procedure edits or deletes audit entries", () => {
    const auditProcedures = routerProcedures(appRouter).filter(([path]) => path.startsWith("audit."));
    expect(auditProcedures.map(([path, procedure]) => `${path}:${procedure._def.type}`)).toEqual(["audit.list:query", "audit.verifyChain:query"]);
  });

  it("MS-3.3 verifies the tenant's hash chain and names the entry that was altered", async () => {
    const caller = callerAs(database.db, tenant.members.compliance);
    const intact = await caller.audit.verifyChain({ tenantId: tenant.tenantId });
    expect(intact).toMatchObject({ chain: `tenant:${tenant.tenantId}`, intact: true, firstBrokenLink: null, unchainedEntries: 0 });
    expect(intact.entriesChecked).toBeGreaterThanOrEqual(5);
    expect(intact.head?.seq).toBe(intact.entriesChecked);

    const { entries } = await caller.audit.list({ tenantId: tenant.tenantId, limit: 200 });
    const renamed = entries.find((entry) => entry.action === "site.update")!;
    await collections(database.db).auditLog.updateOne({ _id: renamed.entryId }, { $set: { "details.name": "Someone else's shop" } });
    const broken = await caller.audit.verifyChain({ tenantId: tenant.tenantId });
    expect(broken).toMatchObject({ intact: false, head: null, firstBrokenLink: { entryId: renamed.entryId, problem: "entry-altered" } });
    await collections(database.db).auditLog.updateOne({ _id: renamed.entryId }, { $set: { "details.name": "Renamed shop" } });
    await expect(caller.audit.verifyChain({ tenantId: tenant.tenantId })).resolves.toMatchObject({ intact: true });
  });

  it("MS-3.3 platform staff verify the platform's chain, which holds their own calls", async () => {
    const staff = await createTenantFixture(database.db, "Staff");
    await collections(database.db).users.updateOne({ _id: staff.members.owner._id }, { $set: { platform: true } });
    const caller = callerAs(database.db, { ...staff.members.owner, platform: true });
    const first = await caller.platform.verifyAuditChain();
    expect(first).toMatchObject({ chain: "platform", intact: true });
    // The call itself was audited before it ran, into the chain it verifies.
    const second = await caller.platform.verifyAuditChain({});
    expect(second.head?.seq).toBe(first.head!.seq + 1);
    await expect(callerAs(database.db, tenant.members.owner).platform.verifyAuditChain()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("MS-3.3 the chain check is for owners, compliance officers and compliance keys only", async () => {
    await expect(callerAs(database.db, tenant.members.admin).audit.verifyChain({ tenantId: tenant.tenantId })).rejects.toThrow(/role \(admin\)/);
    await expect(callerAs(database.db, await tenant.keyWithScopes(["reports:read"])).audit.verifyChain({ tenantId: tenant.tenantId })).rejects.toThrow(/scopes: compliance:write/);
  });

  it("pages through the log with a cursor", async () => {
    const caller = callerAs(database.db, tenant.members.owner);
    const first = await caller.audit.list({ tenantId: tenant.tenantId, limit: 2 });
    const second = await caller.audit.list({ tenantId: tenant.tenantId, limit: 2, cursor: first.nextCursor! });
    expect(second.entries.map((e) => e.entryId)).not.toContain(first.entries[0]?.entryId);
    expect(second.entries.length).toBeGreaterThan(0);
  });

  describe("filters applied by the server", () => {
    let filtered: TenantFixture;
    const at = (day: number) => new Date(Date.UTC(2026, 2, day, 12));
    beforeAll(async () => {
      filtered = await createTenantFixture(database.db, "Filtered");
      // Entries at known times (outside any chain) so the date range is deterministic.
      const entry = (id: string, day: number, action: string, actor: AuditEntryDoc["actor"]): AuditEntryDoc => ({
        _id: id,
        tenantId: filtered.tenantId,
        at: at(day),
        actor,
        action,
        target: { type: "site", id: filtered.site._id },
        details: {},
      });
      await collections(database.db).auditLog.insertMany([
        entry("aud_filter_1", 1, "site.update", { type: "user", id: "usr_alice", platform: false }),
        entry("aud_filter_2", 2, "site.delete", { type: "apiKey", id: "key_robot" }),
        entry("aud_filter_3", 3, "sites.other", { type: "user", id: "usr_bob", platform: false }),
        entry("aud_filter_4", 4, "site.update", { type: "user", id: "usr_bob", platform: false }),
        entry("aud_filter_5", 5, "privacy.update", { type: "system", id: "retention" }),
      ]);
    });
    const list = (filter: Record<string, unknown>) =>
      callerAs(database.db, filtered.members.owner).audit.list({ tenantId: filtered.tenantId, limit: 50, from: at(1).toISOString(), to: at(6).toISOString(), ...filter });
    const ids = async (filter: Record<string, unknown>) => (await list(filter)).entries.map((entry) => entry.entryId);

    it("MS-3.3 keeps entries whose action starts with the filter, not those that merely contain it", async () => {
      expect(await ids({ action: "site." })).toEqual(["aud_filter_4", "aud_filter_2", "aud_filter_1"]);
      expect(await ids({ action: "site.update" })).toEqual(["aud_filter_4", "aud_filter_1"]);
      expect(await ids({ action: "update" })).toEqual([]);
    });

    it("MS-3.3 keeps entries of one kind of actor, or of one actor", async () => {
      expect(await ids({ actorType: "apiKey" })).toEqual(["aud_filter_2"]);
      expect(await ids({ actorId: "usr_bob" })).toEqual(["aud_filter_4", "aud_filter_3"]);
      expect(await ids({ actorType: "user", action: "site." })).toEqual(["aud_filter_4", "aud_filter_1"]);
    });

    it("MS-3.3 keeps entries from the start of the range up to, not including, its end", async () => {
      expect(await ids({ from: at(2).toISOString(), to: at(4).toISOString() })).toEqual(["aud_filter_3", "aud_filter_2"]);
      // Without a range the tenant's own recent entries (fixture setup) come too.
      const { entries } = await callerAs(database.db, filtered.members.owner).audit.list({ tenantId: filtered.tenantId, limit: 50, action: "site." });
      expect(entries.map((entry) => entry.action)).toContain("site.create");
    });

    it("pages through the filtered entries only, with full pages", async () => {
      const first = await list({ action: "site.", limit: 2 });
      expect(first.entries.map((entry) => entry.entryId)).toEqual(["aud_filter_4", "aud_filter_2"]);
      const second = await list({ action: "site.", limit: 2, cursor: first.nextCursor! });
      expect(second).toEqual({ entries: [expect.objectContaining({ entryId: "aud_filter_1" })], nextCursor: null });
    });

    it("never returns another tenant's entries, whatever the filter", async () => {
      const { entries } = await callerAs(database.db, tenant.members.owner).audit.list({ tenantId: tenant.tenantId, limit: 200, actorId: "usr_bob", from: at(1).toISOString() });
      expect(entries).toEqual([]);
    });

    it("refuses a range that ends before it starts, and a malformed filter, naming the field", async () => {
      await expect(list({ from: at(4).toISOString(), to: at(2).toISOString() })).rejects.toThrow(/to: must be later than from/);
      await expect(list({ action: "site.*" })).rejects.toThrow(/action/);
      await expect(list({ from: "yesterday" })).rejects.toThrow(/from/);
      await expect(list({ actorType: "robot" })).rejects.toThrow(/actorType/);
    });
  });
});
