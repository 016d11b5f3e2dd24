import { MongoClient, type CommandStartedEvent, type CommandSucceededEvent } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { tenantScope } from "../../repositories/tenantScope.js";
import { createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { recordSessions } from "../../testing/recordedSessions.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { droppedEventsTag } from "./droppedEventsMarker.js";
import { openRecording, recordingChunkBatchSize } from "./openRecording.js";

const chunkCount = 120;
const eventsPerChunk = 50;

/** A mouse-move event carrying its place in the recording, and ~1 kB of padding in its ids. */
function moveEvent(index: number) {
  return { type: 3, timestamp: index, data: { source: 1, positions: Array.from({ length: 40 }, (_, position) => ({ x: position, y: index % 500, id: 1000 + position, timeOffset: -position })) } };
}

describe("openRecording", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;
  let sessionKey: string;
  let client: MongoClient;
  /** Chunk documents each reply of the cursor carried, in order. */
  const batches: number[] = [];
  const requestedBatchSizes: (number | undefined)[] = [];

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Streaming");
    const chunks = Array.from({ length: chunkCount }, (_, chunk) => Array.from({ length: eventsPerChunk }, (_, event) => moveEvent(chunk * eventsPerChunk + event)));
    [sessionKey] = (await recordSessions(database.db, tenant.tenantId, [{ siteId: tenant.site._id, firstSeenAt: new Date(0), durationMs: 1, urls: ["https://big.example/"], chunks }])) as [string];
    client = await new MongoClient(inject("mongoUri"), { monitorCommands: true }).connect();
    const cursorIds = new Set<number>();
    client.on("commandStarted", (event: CommandStartedEvent) => {
      if (event.commandName === "find" && event.command.find === "recordingChunks") {
        cursorIds.add(event.requestId);
        requestedBatchSizes.push(event.command.batchSize as number | undefined);
      }
      if (event.commandName === "getMore" && event.command.collection === "recordingChunks") {
        cursorIds.add(event.requestId);
        requestedBatchSizes.push(event.command.batchSize as number | undefined);
      }
    });
    client.on("commandSucceeded", (event: CommandSucceededEvent) => {
      if (!cursorIds.has(event.requestId)) return;
      const cursor = (event.reply as { cursor?: { firstBatch?: unknown[]; nextBatch?: unknown[] } }).cursor;
      batches.push((cursor?.firstBatch ?? cursor?.nextBatch ?? []).length);
    });
  });

  afterAll(async () => {
    await client?.close();
  });

  it(`streams a recording of ${chunkCount} chunks in order while holding at most ${recordingChunkBatchSize} chunks from the cursor`, async () => {
    const scope = tenantScope(client.db(database.name), tenant.tenantId);
    const recording = await openRecording(scope, tenant.site._id, sessionKey);
    const iterator = recording.eventBatches[Symbol.asyncIterator]();

    const first = await iterator.next();
    expect((first.value as { timestamp: number }[]).map((event) => event.timestamp)).toEqual(Array.from({ length: eventsPerChunk }, (_, index) => index));
    // The first chunk is out while the rest of the recording is still in the database.
    expect(batches.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(recordingChunkBatchSize);

    let expected = eventsPerChunk;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      for (const event of next.value as { timestamp: number }[]) expect(event.timestamp).toBe(expected++);
    }
    expect(expected).toBe(chunkCount * eventsPerChunk);
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(chunkCount);
    expect(Math.max(...batches)).toBeLessThanOrEqual(recordingChunkBatchSize);
    expect(requestedBatchSizes.every((size) => size === recordingChunkBatchSize)).toBe(true);
  });

  it("follows a chunk whose batch reported dropped events with a marker spanning the gap", async () => {
    const at = (timestamp: number) => ({ type: 3, timestamp, data: { source: 1, positions: [{ x: 1, y: 1, id: 1, timeOffset: 0 }] } });
    const [gappy] = (await recordSessions(database.db, tenant.tenantId, [
      { siteId: tenant.site._id, firstSeenAt: new Date(0), durationMs: 1, urls: ["https://big.example/"], chunks: [[at(100), at(200)], [at(900), at(950)], [at(1_000)]], droppedBefore: [0, 12, 0] },
    ])) as [string];
    const recording = await openRecording(tenantScope(database.db, tenant.tenantId), tenant.site._id, gappy);
    const events: unknown[] = [];
    for await (const batch of recording.eventBatches) events.push(...batch);
    expect(events).toEqual([at(100), at(200), at(900), at(950), { type: 5, timestamp: 900, data: { tag: droppedEventsTag, payload: { droppedEvents: 12, from: 200, to: 900 } } }, at(1_000)]);
  });

  it("is NOT_FOUND for a session that does not exist, before any event", async () => {
    await expect(openRecording(tenantScope(database.db, tenant.tenantId), tenant.site._id, "x".repeat(27))).rejects.toThrow("Session not found");
  });

  it("is NOT_FOUND through another tenant, though the session key exists", async () => {
    const other = await createTenantFixture(database.db, "Streaming other");
    await expect(openRecording(tenantScope(database.db, other.tenantId), tenant.site._id, sessionKey)).rejects.toThrow("Site not found");
  });
});
