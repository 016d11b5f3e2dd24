import { Binary } from "mongodb";
import { describe, expect, it } from "vitest";
import type { RecordingChunkDoc } from "../db/analyticsCollections.js";
import { useTestDatabase } from "../testing/testDatabase.js";
import { findChunk, insertChunk } from "./recordingChunkRepository.js";
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

  it("stores a chunk once: a replay of the same address is a duplicate and changes nothing", async () => {
    const scope = tenantScope(database.db, "tenant_chunks");
    const chunk = pendingChunk(0, new Date(0));
    expect(await insertChunk(scope, chunk)).toBe("inserted");
    expect(await insertChunk(scope, { ...chunk, eventCount: 99 })).toBe("duplicate");
    const address = { siteId: chunk.siteId, sessionKey: chunk.sessionKey, pageId: chunk.pageId, seq: chunk.seq };
    expect(await findChunk(scope, address)).toMatchObject({ eventCount: 1, rollup: { state: "pending" } });
  });

  it("finds a chunk only in its own tenant", async () => {
    const scope = tenantScope(database.db, "tenant_chunks_a");
    const other = tenantScope(database.db, "tenant_chunks_b");
    await insertChunk(scope, pendingChunk(1, new Date(0)));
    const address = { siteId: "site_chunks", sessionKey: "session-key-of-the-test", pageId: "page-id-of-the-test-0001", seq: 1 };
    expect(await findChunk(scope, address)).not.toBeNull();
    expect(await findChunk(other, address)).toBeNull();
  });
});
