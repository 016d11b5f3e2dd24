import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { collections } from "../../db/collections.js";
import { everyStoredString } from "../../e2e/storedStrings.js";
import { visitorKeySecretOf } from "../sites/siteScopedKey.js";
import { createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { deriveStoredChunks } from "../../testing/derivation.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { demoRecordingsDir, loadDemoRecordings, type DemoRecording } from "./demoRecordings.js";
import { demoCheckoutInput, demoSearches } from "./demoVisitorInput.js";
import { planDemoVisits } from "./planDemoVisits.js";
import { seedDemo, type DemoLogin } from "./seedDemo.js";
import { seedDemoData } from "./seedDemoData.js";

const origin = "http://localhost:8080";
const day = 24 * 3600_000;
const visitorKeySecret = visitorKeySecretOf("seed-demo-data-test-session-secret");

/** Everything typed into the checkout forms of the recorded visits (MS-1.5, MS-2.4: never stored). */
const typedValues = Object.values(demoCheckoutInput)
  .flatMap((person) => Object.entries(person))
  .filter(([field, value]) => field !== "country" && value.length >= 5)
  .map(([, value]) => value);

describe("seedDemoData: the demo data of a first start", () => {
  const database = useTestDatabase();
  const db = () => database.db;
  const stored = () => analyticsCollections(db());
  let demo: DemoLogin;
  let other: TenantFixture;
  let recordings: DemoRecording[];
  const now = new Date();
  let seededInMs: number;

  beforeAll(async () => {
    demo = (await seedDemo(db(), { allowedOrigins: [origin], now }))!;
    other = await createTenantFixture(db(), "Not the demo");
    recordings = await loadDemoRecordings();
    const started = performance.now();
    const seeded = await seedDemoData(db(), { siteKey: demo.siteKey, now, visitorKeySecret });
    seededInMs = performance.now() - started;
    // What the server's derivation worker does with the stored chunks meanwhile.
    await deriveStoredChunks(db());
    expect(seeded).toMatchObject({ sessions: 60 });
  });

  it("replays every recording as sessions, page views, heatmaps, scroll maps and daily figures of the last two weeks", async () => {
    const site = { siteId: demo.siteId };
    const plan = await collections(db()).meta.findOne({ _id: "demoData" });
    expect(plan).toMatchObject({ status: "done", siteKey: demo.siteKey });
    const pageViews = recordings.reduce((sum, recording) => sum + recording.pageViews.length, 0);
    expect(await stored().sessions.countDocuments(site)).toBe(60);
    expect(await stored().pageViews.countDocuments(site)).toBeGreaterThan(60);
    expect(await stored().recordingChunks.countDocuments({ ...site, "rollup.state": "pending" })).toBe(0);
    expect(pageViews).toBeGreaterThanOrEqual(recordings.length);

    const daily = await stored().siteDaily.find(site).toArray();
    const days = daily.map((document) => document.day).sort();
    expect(days.length).toBeGreaterThanOrEqual(8);
    expect(Date.parse(days[0]!)).toBeGreaterThanOrEqual(now.getTime() - 15 * day);
    expect(days.at(-1)! <= now.toISOString().slice(0, 10)).toBe(true);
    expect(daily.reduce((sum, document) => sum + document.sessions, 0)).toBe(60);
    expect(daily.reduce((sum, document) => sum + document.pageViews, 0)).toBe(await stored().pageViews.countDocuments(site));
    expect(daily.reduce((sum, document) => sum + document.rageClicks, 0)).toBeGreaterThan(0);

    for (const urlKey of ["localhost:8080/demo", "localhost:8080/demo/journal", "localhost:8080/demo/product", "localhost:8080/demo/checkout"]) {
      expect(await stored().pageDaily.countDocuments({ ...site, urlKey }), urlKey).toBeGreaterThan(0);
    }
    expect(await stored().heatmapRollups.countDocuments({ ...site, kind: "click" })).toBeGreaterThan(0);
    expect(await stored().heatmapRollups.countDocuments({ ...site, kind: "move" })).toBeGreaterThan(0);
    const journal = await stored().scrollRollups.find({ ...site, urlKey: "localhost:8080/demo/journal" }).toArray();
    expect(journal.reduce((sum, rollup) => sum + (rollup.reached["100"] ?? 0), 0)).toBeGreaterThan(0);

    const devices = new Set((await stored().sessions.find(site).toArray()).map((session) => session.technical.deviceClass));
    expect([...devices].sort()).toEqual(["desktop", "mobile", "tablet"]);
    // A quarter of the visitors come back.
    expect((await stored().sessions.distinct("visitorKey", site)).length).toBeLessThan(60);
  });

  it("MS-1.2 MS-2.3 stores only truncated addresses and site-keyed ids, never the replayed visits' session and visitor ids", async () => {
    for (const session of await stored().sessions.find({ siteId: demo.siteId }).toArray()) expect(session.ipTruncated).toMatch(/\.0$|::$/);
    const plan = (await collections(db()).meta.findOne({ _id: "demoData" })) as unknown as Parameters<typeof planDemoVisits>[0];
    const strings = (await everyStoredString(db())).join("\u0000");
    for (const visit of planDemoVisits(plan, recordings)) {
      // (Page ids are stored as they come: random per page load, they name a page view, not a person.)
      for (const id of [visit.sessionId, visit.visitorId]) expect(strings).not.toContain(id);
      expect(strings).not.toContain(visit.ip);
    }
  });

  it("MS-1.5 MS-2.4 MS-1.6 holds nothing typed into a checkout, in the recordings or in storage, and the searches as typed", async () => {
    const recordingText = (
      await Promise.all((await readdir(demoRecordingsDir)).map(async (name) => gunzipSync(await readFile(path.join(demoRecordingsDir, name))).toString("utf8")))
    ).join("\n");
    const strings = (await everyStoredString(db())).join("\u0000");
    for (const value of typedValues) {
      expect(recordingText, value).not.toContain(value);
      expect(strings, value).not.toContain(value);
    }
    for (const search of demoSearches) expect(strings).toContain(search);
  });

  it("adds nothing to any other site", async () => {
    const otherSite = { siteId: other.site._id };
    // The fixture's own session and its one stored chunk, and nothing else.
    expect(await stored().recordingChunks.countDocuments(otherSite)).toBe(1);
    expect(await stored().siteDaily.countDocuments(otherSite)).toBe(0);
    expect(await stored().sessions.countDocuments(otherSite)).toBe(1);
    expect(await stored().recordingChunks.countDocuments({ siteId: { $ne: demo.siteId }, pageId: { $ne: other.pageId } })).toBe(0);
  });

  it("running it again adds nothing, and a seeding that died half-way resumes without counting anything twice", async () => {
    const figures = async () => ({
      chunks: await stored().recordingChunks.countDocuments(),
      sessions: await stored().sessions.countDocuments(),
      pageViews: await stored().pageViews.countDocuments(),
      daily: (await stored().siteDaily.find({}, { projection: { _id: 0, derivingChunks: 0 } }).sort({ day: 1 }).toArray()),
      heatmaps: (await stored().heatmapRollups.find({}, { projection: { _id: 0, derivingChunks: 0 } }).sort({ urlKey: 1, day: 1, kind: 1, breakpoint: 1 }).toArray()),
    });
    const before = await figures();
    expect(await seedDemoData(db(), { siteKey: demo.siteKey, now: new Date(), visitorKeySecret })).toBeNull();
    expect(await seedDemoData(db(), { now: new Date(), visitorKeySecret })).toBeNull();
    expect(await figures()).toEqual(before);

    // As if the process had died before marking it done: the next start replays the same plan.
    await collections(db()).meta.updateOne({ _id: "demoData" }, { $set: { status: "pending", leaseUntil: new Date(Date.now() - 1) } });
    expect(await seedDemoData(db(), { now: new Date(), visitorKeySecret })).toMatchObject({ sessions: 60 });
    expect(await deriveStoredChunks(db())).toBe(0);
    expect(await figures()).toEqual(before);
  });

  it("is quick enough for a first start", () => {
    console.info(`seedDemoData: ${recordings.length} recordings, 60 sessions in ${Math.round(seededInMs)} ms`);
    expect(seededInMs).toBeLessThan(60_000);
  });
});
