import { Binary } from "mongodb";
import { describe, expect, it } from "vitest";
import { analyticsCollections } from "@mousetrail/server/db/analyticsCollections";
import { useTestDatabase } from "@mousetrail/server/testing/testDatabase";
import type { StoredChunk } from "./derivation.js";
import { prepareInsertManyBaseline } from "./insertManyBaseline.js";

const database = useTestDatabase();

const chunk = (sessionKey: string, seq: number): StoredChunk =>
  ({
    tenantId: "t1",
    siteId: "s1",
    sessionKey,
    pageId: "p1",
    seq,
    receivedAt: new Date(Date.UTC(2026, 11, 4)),
    eventCount: 13,
    events: new Binary(Buffer.from("events")),
    rollup: { state: "applied", claimedUntil: new Date(0) },
  }) as unknown as StoredChunk;

describe("B2 insertMany baseline", () => {
  it("fills its collection to the size ingest's had, then writes the same chunks under keys of their own", async () => {
    const baseline = await prepareInsertManyBaseline(database.db);
    const stored = [chunk("a", 0), chunk("a", 1), chunk("b", 0)];
    // The chunks as ingest stored them: B2 copies them without colliding with their unique key.
    await analyticsCollections(database.db).recordingChunks.insertMany(stored.map((entry) => ({ ...entry })));

    await baseline.topUp(7, stored);
    const first = await baseline.run(stored, { concurrency: 2 });
    expect(first).toMatchObject({ documents: 3, events: 39, heldBefore: 7 });
    // A later round tops up from where the last pass left it, never below.
    await baseline.topUp(5, stored);
    const second = await baseline.run(stored, { concurrency: 2 });
    expect(second.heldBefore).toBe(10);

    const copies = database.db.collection("benchB2Chunks");
    expect(await copies.countDocuments({})).toBe(13);
    const indexes = (await copies.listIndexes().toArray()).map((index) => index.name);
    expect(indexes).toContain("chunk_unique");
    await baseline.drop();
  });
});
