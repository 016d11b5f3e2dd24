import { describe, expect, it } from "vitest";
import { createTenantFixture } from "@mousetrail/server/testing/apiHarness";
import { recordSessions } from "@mousetrail/server/testing/recordedSessions";
import { useTestServer } from "@mousetrail/server/testing/testServer";
import { RecordingStreamError, streamRecording, type RecordingEvent } from "./streamRecording.js";

const moves = (from: number, count: number) => Array.from({ length: count }, (_, index) => ({ type: 3, timestamp: from + index, data: { source: 1, positions: [{ x: index, y: 1, id: 9, timeOffset: 0 }] } }));

describe("streamRecording", () => {
  const server = useTestServer();

  it("yields a session's events in order, line by line, and stops early on request", async () => {
    const db = server.server.database.db;
    const tenant = await createTenantFixture(db, "SDK stream");
    const chunks = [moves(0, 300), moves(300, 300), moves(600, 7)];
    const [sessionId] = await recordSessions(db, tenant.tenantId, [{ siteId: tenant.site._id, firstSeenAt: new Date(0), durationMs: 10, urls: ["https://sdk.example/"], chunks }]);
    const options = { baseUrl: `${server.url}/`, apiKey: tenant.apiKeySecret };
    const session = { tenantId: tenant.tenantId, siteId: tenant.site._id, sessionId: sessionId! };

    const events: RecordingEvent[] = [];
    for await (const event of streamRecording(options, session)) events.push(event);
    expect(events.map((event) => event.timestamp)).toEqual(Array.from({ length: 607 }, (_, index) => index));

    const firstFew: number[] = [];
    for await (const event of streamRecording(options, session)) {
      firstFew.push(event.timestamp);
      if (firstFew.length === 3) break;
    }
    expect(firstFew).toEqual([0, 1, 2]);
  });

  it("throws the server's refusal with its code and fields", async () => {
    const tenant = await createTenantFixture(server.server.database.db, "SDK stream refused");
    const options = { baseUrl: server.url, apiKey: tenant.apiKeySecret };
    const missing = streamRecording(options, { tenantId: tenant.tenantId, siteId: tenant.site._id, sessionId: "m".repeat(27) });
    await expect(missing.next()).rejects.toMatchObject({ name: "RecordingStreamError", httpStatus: 404, appCode: "NOT_FOUND", message: "Session not found" });
    const bad = streamRecording(options, { tenantId: tenant.tenantId, siteId: tenant.site._id, sessionId: "short" });
    const error = await bad.next().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RecordingStreamError);
    expect((error as RecordingStreamError).issues).toEqual([{ field: "sessionId", message: "must be a session id from sessions.list" }]);
  });
});
