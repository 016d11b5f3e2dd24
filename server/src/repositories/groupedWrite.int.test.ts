import { randomBytes } from "node:crypto";
import { Binary, MongoClient, type Db } from "mongodb";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { RecordingChunkDoc } from "../db/analyticsCollections.js";
import { ensureIndexes } from "../db/ensureIndexes.js";
import { GroupedWriteError, groupedWrite } from "./groupedWrite.js";

describe("groupedWrite", () => {
  let client: MongoClient;
  let db: Db;
  /** `<command> <collection>` of every command the client sends. */
  let commands: string[] = [];

  beforeAll(async () => {
    client = await new MongoClient(inject("mongoUri"), { monitorCommands: true }).connect();
    client.on("commandStarted", (event) => commands.push(`${event.commandName} ${String(event.command[event.commandName])}`));
    db = client.db(`test_${randomBytes(6).toString("hex")}`);
    await ensureIndexes(db);
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
  });
  beforeEach(() => {
    commands = [];
  });

  const dayUpsert = (day: string, events: number) => ({
    updateOne: { filter: { tenantId: "tenant_grouped", siteId: "site_grouped", day }, update: { $inc: { events } }, upsert: true },
  });

  it("sends what concurrent callers write to one collection as one command, and gives each caller its own outcomes", async () => {
    const days = ["2026-03-01", "2026-03-02"];
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, caller) => groupedWrite(db, "siteDaily", [dayUpsert(days[caller % 2] as string, caller + 1)])));

    expect(commands.filter((command) => command === "update siteDaily")).toHaveLength(1);
    // The first upsert of each day created its document; the others added to it.
    expect(outcomes.map((outcome) => outcome.map((operation) => operation.upserted))).toEqual(
      Array.from({ length: 10 }, (_, caller) => [caller < 2]),
    );
    const totals = await db.collection("siteDaily").find({ tenantId: "tenant_grouped" }, { sort: { day: 1 }, projection: { _id: 0, day: 1, events: 1 } }).toArray();
    expect(totals).toEqual([
      { day: "2026-03-01", events: 1 + 3 + 5 + 7 + 9 },
      { day: "2026-03-02", events: 2 + 4 + 6 + 8 + 10 },
    ]);
  });

  it("fails only the caller whose own operation hits a duplicate key", async () => {
    const chunk = (seq: number): RecordingChunkDoc => ({
      tenantId: "tenant_grouped",
      siteId: "site_grouped",
      sessionKey: "session-key-grouped",
      pageId: "page-id-grouped-000001",
      seq,
      receivedAt: new Date(),
      firstEventAt: null,
      lastEventAt: null,
      eventCount: 0,
      events: new Binary(Buffer.from("[]")),
      rawBytes: 2,
      storedBytes: 2,
      policy: { id: "mousestats", version: 1 },
      context: {
        visitorKey: "visitor-key-grouped",
        technical: {},
        ipTruncated: null,
        breakpoint: "desktop",
        urlKey: "",
        day: "2026-03-01",
        page: null,
        view: null,
        violationCount: 0,
      },
      rollup: { state: "pending", claimedUntil: new Date() },
    });
    await groupedWrite(db, "recordingChunks", [{ insertOne: { document: chunk(0) } }]);
    commands = [];

    const [replayed, next] = await Promise.allSettled([
      groupedWrite(db, "recordingChunks", [{ insertOne: { document: chunk(0) } }]),
      groupedWrite(db, "recordingChunks", [{ insertOne: { document: chunk(1) } }]),
    ]);

    expect(commands.filter((command) => command === "insert recordingChunks")).toHaveLength(1);
    expect(replayed.status === "rejected" && replayed.reason).toBeInstanceOf(GroupedWriteError);
    expect(replayed.status === "rejected" && (replayed.reason as GroupedWriteError).code).toBe(11000);
    expect(next.status).toBe("fulfilled");
    expect(await db.collection("recordingChunks").countDocuments({ sessionKey: "session-key-grouped" })).toBe(2);
  });

  it("keeps collections apart, and sends a write that comes while another is on its way in the next command", async () => {
    const first = groupedWrite(db, "siteDaily", [dayUpsert("2026-04-01", 1)]);
    const other = groupedWrite(db, "pageDaily", [
      { updateOne: { filter: { tenantId: "tenant_grouped", siteId: "site_grouped", urlKey: "shop.example/", day: "2026-04-01" }, update: { $inc: { clicks: 1 } }, upsert: true } },
    ]);
    // Sent once this turn of the event loop is over; the next write waits for its answer.
    await new Promise((resolve) => setImmediate(resolve));
    const second = groupedWrite(db, "siteDaily", [dayUpsert("2026-04-01", 2)]);
    await Promise.all([first, other, second]);

    expect(commands.filter((command) => command === "update siteDaily")).toHaveLength(2);
    expect(commands.filter((command) => command === "update pageDaily")).toHaveLength(1);
    expect(await db.collection("siteDaily").findOne({ tenantId: "tenant_grouped", day: "2026-04-01" })).toMatchObject({ events: 3 });
  });
});
