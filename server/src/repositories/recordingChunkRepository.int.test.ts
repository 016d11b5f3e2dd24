import { Binary } from "mongodb";
import { describe, expect, it } from "vitest";
import type { RecordingChunkDoc } from "../db/analyticsCollections.js";
import { useTestDatabase } from "../testing/testDatabase.js";
import { claimPendingRollup, findChunk, insertChunk, markRollupApplied } from "./recordingChunkRepository.js";
import { tenantScope } from "./tenantScope.js";

describe("recordingChunkRepository", () => {
  const database = useTestDatabase();

  function pendingChunk(seq: number, claimedUntil: Date): Omit<RecordingChunkDoc, "tenantId"> {
    const receivedAt = new Date("2026-03-02T10:00:00Z");
    return {
      siteId: "site_chunks",
      sessionKey: "session-key-of-the-test",
      pageId: "page-id-of-the-test-0001",
      seq,
      receivedAt,
      firstEventAt: receivedAt,
      lastEventAt: receivedAt,
      eventCount: 1,
      events: new Binary(Buffer.from("not read by these tests")),
      rawBytes: 2,
      storedBytes: 23,
      policy: { id: "mousestats", version: 1 },
      context: {
        visitorKey: "visitor-key-of-the-test",
        technical: { deviceClass: "desktop" },
        ipTruncated: null,
        breakpoint: "desktop",
        urlKey: "shop.example/",
        day: "2026-03-02",
        page: null,
        view: null,
        violationCount: 0,
      },
      rollup: { state: "pending", claimedUntil },
    };
  }

  it("marks a chunk applied when its claim was renewed after it was read (a replayed batch taking over)", async () => {
    const scope = tenantScope(database.db, "tenant_chunks");
    const chunk = pendingChunk(0, new Date("2026-03-02T10:01:00Z"));
    expect(await insertChunk(scope, chunk)).toBe("inserted");
    const address = { siteId: chunk.siteId, sessionKey: chunk.sessionKey, pageId: chunk.pageId, seq: chunk.seq };

    // What storeBatchStep does with a replay whose first attempt died: read, then claim.
    const existing = await findChunk(scope, address);
    expect(await claimPendingRollup(scope, address, new Date("2026-03-02T10:05:00Z"), 60_000)).toBe(true);
    await markRollupApplied(scope, existing!);

    expect((await findChunk(scope, address))?.rollup.state).toBe("applied");
  });

  it("marks only the chunk it is given, and only in its tenant", async () => {
    const scope = tenantScope(database.db, "tenant_chunks_a");
    const other = tenantScope(database.db, "tenant_chunks_b");
    const claimedUntil = new Date("2026-03-02T10:01:00Z");
    for (const seq of [0, 1]) await insertChunk(scope, pendingChunk(seq, claimedUntil));
    await insertChunk(other, pendingChunk(0, claimedUntil));

    await markRollupApplied(scope, pendingChunk(0, claimedUntil));

    const states = async (target: typeof scope, seq: number) =>
      (await findChunk(target, { siteId: "site_chunks", sessionKey: "session-key-of-the-test", pageId: "page-id-of-the-test-0001", seq }))?.rollup.state;
    expect([await states(scope, 0), await states(scope, 1), await states(other, 0)]).toEqual(["applied", "pending", "pending"]);
  });
});
