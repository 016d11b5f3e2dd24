import { MongoClient } from "mongodb";
import { describe, expect, inject, it } from "vitest";
import { collections, type AuditEntryDoc } from "../../db/collections.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { appendAuditEntry } from "./appendAuditEntry.js";
import { auditChainGenesis, auditEntryHash } from "./auditEntryHash.js";
import { verifyAuditChain } from "./verifyAuditChain.js";

const at = new Date("2026-03-01T10:00:00.000Z");

function entry(id: string, details: Record<string, unknown> = {}): Omit<AuditEntryDoc, "tenantId"> {
  return { _id: id, at, actor: { type: "system", id: "test" }, action: "site.update", target: { type: "site", id: "sit_1" }, details };
}

describe("MS-3.3 the audit log is a hash chain per tenant and one for the platform", () => {
  const database = useTestDatabase();
  const auditLog = () => collections(database.db).auditLog;

  it("MS-3.3 links every entry to the previous one, starting from the genesis hash", async () => {
    const scope = { db: database.db, tenantId: "ten_linked" };
    for (let n = 1; n <= 3; n++) await appendAuditEntry(scope, entry(`aud_linked_${n}`, { n, when: at, dropped: undefined }));
    const stored = await auditLog().find({ chain: "tenant:ten_linked" }).sort({ seq: 1 }).toArray();
    expect(stored.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(stored[0]?.prevHash).toBe(auditChainGenesis);
    expect(stored[1]?.prevHash).toBe(stored[0]?.hash);
    expect(stored[2]?.prevHash).toBe(stored[1]?.hash);
    // Details are stored as the JSON they hash as.
    expect(stored[0]?.details).toEqual({ n: 1, when: at.toISOString() });
    await expect(verifyAuditChain(scope)).resolves.toMatchObject({ intact: true, entriesChecked: 3, head: { seq: 3, sha256: stored[2]?.hash }, firstBrokenLink: null });
  });

  it("MS-3.3 keeps the platform's chain apart from the tenants'", async () => {
    await appendAuditEntry({ db: database.db, tenantId: null }, entry("aud_platform_1"));
    const platform = await auditLog().findOne({ _id: "aud_platform_1" });
    expect(platform).toMatchObject({ chain: "platform", seq: 1, tenantId: null, prevHash: auditChainGenesis });
  });

  it("MS-3.3 appending an id already stored is a no-op, so crashed writers can run again", async () => {
    const scope = { db: database.db, tenantId: "ten_again" };
    await appendAuditEntry(scope, entry("aud_again_1"));
    await appendAuditEntry(scope, entry("aud_again_1"));
    expect(await auditLog().countDocuments({ chain: "tenant:ten_again" })).toBe(1);
  });

  it("MS-3.3 several server processes appending at once leave one unbroken chain", async () => {
    const scope = { db: database.db, tenantId: "ten_racing" };
    // Separate clients stand for separate processes: separate connection pools, interleaved writes.
    const clients = await Promise.all([0, 1, 2, 3].map(() => new MongoClient(inject("mongoUri")).connect()));
    const processes = clients.map((client) => client.db(database.name));
    try {
      await Promise.all(Array.from({ length: 40 }, (_, n) => appendAuditEntry({ db: processes[n % processes.length]!, tenantId: scope.tenantId }, entry(`aud_race_${n}`))));
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
    const seqs = (await auditLog().find({ chain: "tenant:ten_racing" }).sort({ seq: 1 }).toArray()).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
    await expect(verifyAuditChain(scope)).resolves.toMatchObject({ intact: true, entriesChecked: 40 });
  });

  describe("MS-3.3 names the first broken link of a tampered chain", () => {
    let hashes: string[] = [];
    async function freshChain(tenantId: string): Promise<{ db: typeof database.db; tenantId: string }> {
      const scope = { db: database.db, tenantId };
      for (let n = 1; n <= 5; n++) await appendAuditEntry(scope, entry(`aud_${tenantId}_${n}`, { n }));
      hashes = (await auditLog().find({ chain: `tenant:${tenantId}` }).sort({ seq: 1 }).toArray()).map((e) => e.hash!);
      return scope;
    }

    it("MS-3.3 an entry whose details were edited", async () => {
      const scope = await freshChain("ten_edited");
      await auditLog().updateOne({ _id: "aud_ten_edited_3" }, { $set: { "details.n": 30 } });
      const result = await verifyAuditChain(scope);
      expect(result).toMatchObject({ intact: false, entriesChecked: 2, head: null });
      expect(result.firstBrokenLink).toMatchObject({ seq: 3, entryId: "aud_ten_edited_3", problem: "entry-altered", expectedHash: hashes[2] });
      expect(result.firstBrokenLink?.foundHash).not.toBe(hashes[2]);
    });

    it("MS-3.3 an entry edited and re-hashed: the next entry's link breaks", async () => {
      const scope = await freshChain("ten_rehashed");
      const original = await auditLog().findOne({ _id: "aud_ten_rehashed_2" });
      await auditLog().updateOne({ _id: "aud_ten_rehashed_2" }, { $set: { action: "site.create" } });
      const forged = auditEntryHash({ ...(original as Required<AuditEntryDoc>), action: "site.create" });
      await auditLog().updateOne({ _id: "aud_ten_rehashed_2" }, { $set: { hash: forged } });
      const result = await verifyAuditChain(scope);
      expect(result.firstBrokenLink).toMatchObject({ seq: 3, entryId: "aud_ten_rehashed_3", problem: "link-broken", expectedHash: forged, foundHash: hashes[1] });
    });

    it("MS-3.3 a deleted entry", async () => {
      const scope = await freshChain("ten_deleted");
      await auditLog().deleteOne({ _id: "aud_ten_deleted_4" });
      const result = await verifyAuditChain(scope);
      expect(result.firstBrokenLink).toMatchObject({ seq: 5, entryId: "aud_ten_deleted_5", problem: "entry-missing", expectedHash: hashes[2], foundHash: hashes[3] });
      expect(result.firstBrokenLink?.message).toMatch(/seq 4 is missing/);
    });
  });

  it("MS-3.3 entries from before the chain existed are counted, outside the chain", async () => {
    const scope = { db: database.db, tenantId: "ten_legacy" };
    await auditLog().insertOne({ ...entry("aud_legacy_0"), tenantId: "ten_legacy" });
    await appendAuditEntry(scope, entry("aud_legacy_1"));
    await expect(verifyAuditChain(scope)).resolves.toMatchObject({ intact: true, entriesChecked: 1, unchainedEntries: 1 });
  });
});
