// Proves the offline MongoDB fallback (mongo-java-server 1.47.0) serves what the server relies on,
// through the real mongodb 6.x driver, and that its process lifecycle is sound.

import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MongoBulkWriteError, MongoClient, MongoServerError, type Collection } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOfflineMongo, type OfflineMongo } from "@mousetrail/scripts/offline-db/offlineMongo.mjs";

const quiet = () => {};

/** True once nothing accepts connections on the port, i.e. the server socket is closed. */
function portRefuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });
}

describe("offline MongoDB fallback, in memory", () => {
  let server: OfflineMongo;
  let client: MongoClient;
  const logs: string[] = [];
  let handshakeWireVersion: number | undefined;

  beforeAll(async () => {
    server = await startOfflineMongo({ onLog: (line) => logs.push(line) });
    client = new MongoClient(server.uri);
    client.on("serverDescriptionChanged", (event) => (handshakeWireVersion = event.newDescription.maxWireVersion));
    await client.connect();
  });

  afterAll(async () => {
    await client?.close();
    await server?.stop();
  });

  it("warns loudly that it is for development and tests only", () => {
    expect(logs.filter((line) => /DEVELOPMENT AND TESTS ONLY.*NOT MongoDB.*production/.test(line))).toHaveLength(1);
  });

  it("hands the driver wire version 8 (MongoDB 5.0) in the connection handshake", async () => {
    expect(server.uri).toBe(`mongodb://127.0.0.1:${server.port}/`);
    expect(handshakeWireVersion).toBe(8);
    const isMaster = await client.db("admin").command({ isMaster: 1 });
    expect(isMaster.maxWireVersion).toBe(8);
    expect((await client.db("admin").command({ buildInfo: 1 })).version).toBe("5.0.0");
  });

  it("does not implement the explicit hello command: health checks must use ping", async () => {
    // The driver's own handshake falls back to isMaster, so only a hand-written hello fails.
    await expect(client.db("admin").command({ hello: 1 })).rejects.toMatchObject({ code: 59, codeName: "CommandNotFound" });
    expect((await client.db("admin").command({ ping: 1 })).ok).toBe(1);
  });

  describe("a unique index", () => {
    let visitors: Collection<{ siteId: string; visitorId: string }>;

    beforeAll(async () => {
      visitors = client.db("mousetrail").collection("visitors");
      await visitors.createIndex({ siteId: 1, visitorId: 1 }, { unique: true });
      await visitors.insertOne({ siteId: "s1", visitorId: "v1" });
    });

    it("rejects a duplicate with E11000", async () => {
      const duplicate = visitors.insertOne({ siteId: "s1", visitorId: "v1" });
      await expect(duplicate).rejects.toBeInstanceOf(MongoServerError);
      await expect(duplicate).rejects.toMatchObject({ code: 11000, message: expect.stringMatching(/^E11000 /) });
    });

    it("rejects only the duplicate in an unordered insertMany and keeps the other documents", async () => {
      const batch = [
        { siteId: "s2", visitorId: "a" },
        { siteId: "s1", visitorId: "v1" },
        { siteId: "s2", visitorId: "b" },
      ];
      const error = await visitors.insertMany(batch, { ordered: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MongoBulkWriteError);
      const bulkError = error as MongoBulkWriteError;
      expect(bulkError.writeErrors).toMatchObject([{ index: 1, code: 11000 }]);
      // Count what was stored: mongo-java-server 1.47.0 reports n (so insertedCount) as the batch
      // size, 3 here, rejected duplicates included, where MongoDB reports 2.
      const stored = await visitors.find({ siteId: "s2" }, { projection: { _id: 0 } }).sort({ visitorId: 1 }).toArray();
      expect(stored).toEqual([
        { siteId: "s2", visitorId: "a" },
        { siteId: "s2", visitorId: "b" },
      ]);
    });
  });

  it("applies bulkWrite $inc upserts on a unique compound key", async () => {
    const counters = client.db("mousetrail").collection<{ siteId: string; day: string; views: number }>("counters");
    await counters.createIndex({ siteId: 1, day: 1 }, { unique: true });
    const increment = (siteId: string, day: string, views: number) => ({
      updateOne: { filter: { siteId, day }, update: { $inc: { views } }, upsert: true },
    });

    const first = await counters.bulkWrite([increment("s1", "2025-01-01", 2), increment("s1", "2025-01-02", 1)], { ordered: false });
    expect(first.upsertedCount).toBe(2);
    const second = await counters.bulkWrite([increment("s1", "2025-01-01", 3), increment("s2", "2025-01-01", 1)], { ordered: false });
    expect({ upserted: second.upsertedCount, modified: second.modifiedCount }).toEqual({ upserted: 1, modified: 1 });

    const rows = await counters.find({}, { projection: { _id: 0 } }).sort({ siteId: 1, day: 1 }).toArray();
    expect(rows).toEqual([
      { siteId: "s1", day: "2025-01-01", views: 5 },
      { siteId: "s1", day: "2025-01-02", views: 1 },
      { siteId: "s2", day: "2025-01-01", views: 1 },
    ]);
  });

  it("runs an aggregation with $group on a computed key and $facet", async () => {
    const events = client.db("mousetrail").collection("events");
    await events.insertMany([
      { siteId: "s1", path: "/a", durationMs: 1500 },
      { siteId: "s1", path: "/b", durationMs: 2500 },
      { siteId: "s1", path: "/a", durationMs: 4200 },
      { siteId: "s2", path: "/a", durationMs: 900 },
    ]);
    const [result] = await events
      .aggregate([
        { $match: { siteId: "s1" } },
        {
          $facet: {
            bySecond: [
              { $group: { _id: { $floor: { $divide: ["$durationMs", 1000] } }, visits: { $sum: 1 } } },
              { $sort: { _id: 1 } },
            ],
            byPath: [{ $group: { _id: { $concat: ["page:", "$path"] }, visits: { $sum: 1 } } }, { $sort: { _id: 1 } }],
          },
        },
      ])
      .toArray();
    expect(result).toEqual({
      bySecond: [
        { _id: 1, visits: 1 },
        { _id: 2, visits: 1 },
        { _id: 4, visits: 1 },
      ],
      byPath: [
        { _id: "page:/a", visits: 2 },
        { _id: "page:/b", visits: 1 },
      ],
    });
  });
});

describe("offline MongoDB fallback lifecycle", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "mousetrail-offline-mongo-"));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps documents in the H2 file across a stop and a restart", async () => {
    const persistFile = join(dataDir, "nested", "offline-mongo.mv.db");
    const writeAndRead = async (write: boolean) => {
      const server = await startOfflineMongo({ persistFile, onLog: quiet });
      const client = await MongoClient.connect(server.uri);
      try {
        const sites = client.db("mousetrail").collection("sites");
        if (write) await sites.insertOne({ _id: "site-1" as never, name: "Kept" });
        return await sites.find().toArray();
      } finally {
        await client.close();
        await server.stop();
      }
    };
    await writeAndRead(true);
    expect(await writeAndRead(false)).toEqual([{ _id: "site-1", name: "Kept" }]);
  });

  it("stop() ends the Java process and frees the port", async () => {
    const server = await startOfflineMongo({ onLog: quiet });
    await server.stop();
    // 'exit' is only emitted once the OS has reaped the process; 143 = exited after handling SIGTERM.
    await expect(server.exited).resolves.toEqual({ code: 143, signal: null });
    expect(await portRefuses(server.port)).toBe(true);
    await server.stop(); // idempotent
  });

  it("does not outlive a Node process that dies without calling stop()", async () => {
    const module = new URL("../offline-db/offlineMongo.mjs", import.meta.url).href;
    const script = `
      import { startOfflineMongo } from ${JSON.stringify(module)};
      const server = await startOfflineMongo({ onLog: () => {} });
      console.log(server.port);`;
    const parent = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const port = await new Promise<number>((resolve) => parent.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim()))));
    expect(await portRefuses(port)).toBe(false);
    parent.kill("SIGKILL");

    const deadline = Date.now() + 10_000;
    while (!(await portRefuses(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await portRefuses(port)).toBe(true);
  });
});
