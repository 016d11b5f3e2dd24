import { MongoClient, type CommandStartedEvent, type CommandSucceededEvent } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { tenantScope } from "../../repositories/tenantScope.js";
import { createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { recordSessions, type RecordedSessionSpec } from "../../testing/recordedSessions.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { exportBatchSize } from "./download.js";
import { exportSessions } from "./exportSessions.js";

describe("exportSessions", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;
  let client: MongoClient;
  /** Session documents each reply of the database carried while exporting. */
  let replies: number[] = [];
  const total = exportBatchSize * 2 + 7;

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Export memory");
    const specs: RecordedSessionSpec[] = Array.from({ length: total }, (_, index) => ({
      siteId: tenant.site._id,
      firstSeenAt: new Date(Date.UTC(2026, 0, 1) + index * 1000),
      durationMs: 1000,
      urls: index % 2 ? ["https://memory.example/odd"] : [],
    }));
    await recordSessions(database.db, tenant.tenantId, specs);
    client = await new MongoClient(inject("mongoUri"), { monitorCommands: true }).connect();
    const watched = new Set<number>();
    client.on("commandStarted", (event: CommandStartedEvent) => {
      const collection = event.command.find ?? event.command.aggregate ?? event.command.collection;
      if (collection === "sessions" && ["find", "aggregate", "getMore"].includes(event.commandName)) watched.add(event.requestId);
    });
    client.on("commandSucceeded", (event: CommandSucceededEvent) => {
      if (!watched.has(event.requestId)) return;
      const cursor = (event.reply as { cursor?: { firstBatch?: unknown[]; nextBatch?: unknown[] } }).cursor;
      replies.push((cursor?.firstBatch ?? cursor?.nextBatch ?? []).length);
    });
  });

  afterAll(async () => {
    await client?.close();
  });

  async function exportedRows(filter: { siteId: string; url?: string }): Promise<number> {
    replies = [];
    const call = { scope: tenantScope(client.db(database.name), tenant.tenantId), actor: { type: "user" as const, id: "tester", platform: false }, now: new Date() };
    const download = await exportSessions(call, filter, { format: "csv", bom: false });
    let text = "";
    for await (const piece of download.body) text += piece;
    return text.split("\r\n").length - 2;
  }

  it(`reads ${total} sessions at most ${exportBatchSize} at a time from the database`, async () => {
    expect(await exportedRows({ siteId: tenant.site._id })).toBe(total + 1 /* the fixture's own session */);
    expect(replies.reduce((sum, size) => sum + size, 0)).toBe(total + 1);
    expect(Math.max(...replies)).toBeLessThanOrEqual(exportBatchSize);
  });

  it("pages through the sessions that visited a URL the same way", async () => {
    expect(await exportedRows({ siteId: tenant.site._id, url: "https://memory.example/odd" })).toBe((total - 1) / 2);
    expect(Math.max(...replies)).toBeLessThanOrEqual(exportBatchSize);
  });
});
