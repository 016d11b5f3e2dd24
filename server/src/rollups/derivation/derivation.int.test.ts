import { Binary, ObjectId, type Db } from "mongodb";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { analyticsCollections, type RecordingChunkDoc } from "../../db/analyticsCollections.js";
import type { SiteDoc } from "../../db/collections.js";
import { createSite } from "../../domain/sites/createSite.js";
import { createBatchMemoryBudget } from "../../memory/batchMemoryBudget.js";
import type { CollectPayload } from "../../ingest/collectPayload.schema.js";
import { createCollectPipeline } from "../../ingest/collectPipeline.js";
import { createSiteDirectory } from "../../domain/sites/siteDirectory.js";
import { visitorKeySecretOf } from "../../domain/sites/siteScopedKey.js";
import { decodeChunkEvents } from "../../repositories/recordingChunkRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, largePageEvents, recordedAt, recordedCheckoutEvents } from "../../testing/collectClient.js";
import { interceptedDb, SimulatedCrash } from "../../testing/interceptedDb.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { computeBatchRollups } from "../computeBatchRollups.js";
import { DerivationWorker, defaultDerivationOptions, handOverLimits, type DerivationOptions } from "./derivationWorker.js";
import { reachedBuckets } from "./reachedBuckets.js";

/**
 * Exactly once: a stored chunk is counted in sessions, page views and rollups once, whether a
 * round dies after any of its writes, two workers share the database, or a batch is replayed.
 */

const origin = "https://shop.example";
const startedAt = Date.parse("2026-03-02T10:00:00Z");
const receivedAt = new Date(startedAt + 10_000);
const { leaseMs } = defaultDerivationOptions;
const afterLease = () => new Date(Date.now() + leaseMs + 1_000);

const click = (at: number, x: number, y: number) => ({ type: 3, data: { source: 2, type: 2, id: 73, x, y }, timestamp: at });
const move = (at: number, x: number, y: number) => ({ type: 3, data: { source: 1, positions: [{ x, y, id: 70, timeOffset: 0 }] }, timestamp: at });
const scroll = (at: number, y: number) => ({ type: 3, data: { source: 3, id: 1, x: 0, y }, timestamp: at });
const view = { width: 1280, height: 720, scrollX: 0, scrollY: 0, documentHeight: 2880 };

/** The first batch of a page view (it creates the page view and the session), then a later one. */
function visitBatches(siteKey: string, overrides: Partial<CollectPayload> = {}): [CollectPayload, CollectPayload] {
  const first = batchPayload(siteKey, { page: { url: `${origin}/checkout`, startedAt, loadTimeMs: 640 }, sentAt: startedAt + 5_000, events: recordedAt(recordedCheckoutEvents(), startedAt), ...overrides });
  const at = startedAt + 6_000;
  const { page: _page, technical: _technical, ...rest } = first;
  const second: CollectPayload = { ...rest, seq: 1, sentAt: at + 5_000, view, events: [click(at + 100, 100, 200), click(at + 110, 110, 200), click(at + 120, 120, 200), scroll(at + 2_000, 2160)] };
  return [first, second];
}

function ingestInto(db: Db, at: Date = receivedAt, derivation?: DerivationWorker) {
  const pipeline = createCollectPipeline({ db, sites: createSiteDirectory(db), visitorKeySecret: visitorKeySecretOf("derivation-test-secret"), ...(derivation ? { derivation } : {}) });
  return async (payload: CollectPayload) => {
    const outcome = await pipeline.run({
      body: Buffer.from(JSON.stringify(payload)),
      encoding: "identity",
      origin,
      ip: "203.0.113.9",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
      receivedAt: at,
    });
    if (outcome.kind !== "ok") throw new Error(`batch not stored: ${outcome.kind} at ${outcome.step}`);
    return outcome.value;
  };
}

const worker = (db: Db, now: () => Date = () => new Date(), options: Partial<DerivationOptions> = {}) => new DerivationWorker(db, null, now, options);

/** What derivation writes: the derived documents, and the chunks' state. */
const derivedCollections = new Set(["pageViews", "sessions", "heatmapRollups", "scrollRollups", "pageDaily", "siteDaily", "siteBreakdownDaily", "clickTargetDaily", "recordingChunks"]);
const writeMethods = new Set(["updateOne", "updateMany", "bulkWrite", "findOneAndUpdate", "insertOne"]);

/** A database on which the worker "dies" after its `crashAt`-th write has reached the database (0: before the first). */
function dyingAfterWrite(db: Db, crashAt: number): Db {
  let writes = 0;
  return interceptedDb(db, async (call, proceed) => {
    if (!writeMethods.has(call.method) || !derivedCollections.has(call.collection)) return proceed();
    writes++;
    if (crashAt === 0 || writes > crashAt) throw new SimulatedCrash(`died before derivation write ${writes}`);
    const result = await proceed();
    if (writes === crashAt) throw new SimulatedCrash(`died after derivation write ${writes}`);
    return result;
  });
}

/** What the reports read of one site, without what differs from run to run (ids, round names). */
async function figuresOf(db: Db, siteId: string) {
  const strip = ({ _id, tenantId, siteId: _siteId, sessionKey, visitorKey, pageId, createdBy, derivingChunks, pageSteps, ...rest }: Record<string, unknown>) => rest;
  const all = async (name: "sessions" | "pageViews" | "heatmapRollups" | "scrollRollups" | "pageDaily" | "siteDaily" | "siteBreakdownDaily" | "clickTargetDaily") =>
    (await db.collection(name).find({ siteId }).toArray()).map((document) => strip(document)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    sessions: await all("sessions"),
    pageViews: await all("pageViews"),
    heatmaps: await all("heatmapRollups"),
    scroll: await all("scrollRollups"),
    pageDaily: await all("pageDaily"),
    siteDaily: await all("siteDaily"),
    breakdowns: await all("siteBreakdownDaily"),
    clickTargets: await all("clickTargetDaily"),
    pending: await analyticsCollections(db).recordingChunks.countDocuments({ siteId, "rollup.state": "pending" }),
  };
}

describe("derivation rounds: exactly once", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;
  let reference: Awaited<ReturnType<typeof figuresOf>>;
  const newSite = (name: string): Promise<SiteDoc> =>
    createSite({ scope: tenantScope(database.db, tenant.tenantId), actor: { type: "system", id: "test" }, now: new Date() }, { name, allowedOrigins: [origin] });

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Derive");
    // The reference: each batch counted in a round of its own, undisturbed.
    const site = await newSite("undisturbed");
    const ingest = ingestInto(database.db);
    for (const batch of visitBatches(site.siteKey)) {
      await ingest(batch);
      expect(await worker(database.db).drain()).toBe(1);
    }
    reference = await figuresOf(database.db, site._id);
    expect(reference.siteDaily).toMatchObject([{ sessions: 1, pageViews: 1, bounces: 1, events: expect.any(Number) }]);
    expect(reference.pageDaily).toMatchObject([{ pageViews: 1, clicks: expect.any(Number) }]);
    expect(reference.scroll).toHaveLength(1);
    // The second batch's three quick clicks on node 73, named from the first batch's full snapshot.
    expect(reference.clickTargets).toMatchObject([{ day: "2026-03-02", selector: "input#newsletter", rageClicks: 1 }]);
    expect(reference.breakdowns).toContainEqual({ day: "2026-03-02", dimension: "browser", value: "Chrome", sessions: 1, pageViews: 1 });
    expect(reference.breakdowns).toContainEqual({ day: "2026-03-02", dimension: "entryPage", value: "shop.example/checkout", sessions: 1, pageViews: 0 });
  });

  it("MS-1.4 counts everything once when a round dies after any of its writes and another worker takes it over once the lease has run out", async () => {
    let crashPoints = 0;
    for (let crashAt = 0; ; crashAt++) {
      const site = await newSite(`crash ${crashAt}`);
      const ingest = ingestInto(database.db);
      for (const batch of visitBatches(site.siteKey)) await ingest(batch);
      const crashed = await worker(dyingAfterWrite(database.db, crashAt))
        .drain()
        .then(
          () => false,
          (error: unknown) => {
            if (!(error instanceof SimulatedCrash)) throw error;
            return true;
          },
        );
      await worker(database.db, afterLease).drain();
      // Both batches in one round, or a round resumed after a crash: the figures of one batch per round.
      expect(await figuresOf(database.db, site._id), `died after derivation write ${crashAt}`).toEqual(reference);
      if (!crashed) break;
      crashPoints++;
    }
    // Claim, page views, sessions, four rollups, page depth, applied, five releases: every one a crash point.
    expect(crashPoints).toBeGreaterThanOrEqual(10);
  });

  it("counts the events ingestion handed over with its chunks as they were stored, without reading them back", async () => {
    const site = await newSite("handed over");
    const handedTo = worker(database.db);
    const ingest = ingestInto(database.db, receivedAt, handedTo);
    const [first, second] = visitBatches(site.siteKey);
    await ingest(first);
    const { chunk } = await ingest(second);
    expect(handedTo.handedBytes).toBeGreaterThan(0);
    // What the database holds of the second batch's events can no longer be decoded: only the
    // events in hand can count it.
    const chunks = analyticsCollections(database.db).recordingChunks;
    await chunks.updateOne({ _id: chunk._id as ObjectId }, { $set: { events: new Binary(Buffer.from("not brotli")) } });
    await expect(worker(database.db).drain()).rejects.toThrow();
    await chunks.updateMany({ siteId: site._id }, { $unset: { "rollup.claim": "" }, $set: { "rollup.claimedUntil": new Date(0) } });
    expect(await handedTo.drain()).toBe(2);
    expect(handedTo.handedBytes).toBe(0);
    expect(await figuresOf(database.db, site._id)).toEqual(reference);
  });

  it("keeps in hand only recorder-sized chunks, up to a bounded total", () => {
    const bounded = worker(database.db);
    bounded.chunkStored(new ObjectId(), { events: [], rawBytes: handOverLimits.chunkBytes + 1 });
    expect(bounded.handedBytes).toBe(0);
    const chunksToFill = handOverLimits.totalBytes / handOverLimits.chunkBytes;
    for (let index = 0; index < chunksToFill; index++) bounded.chunkStored(new ObjectId(), { events: [], rawBytes: handOverLimits.chunkBytes });
    expect(bounded.handedBytes).toBe(handOverLimits.totalBytes);
    bounded.chunkStored(new ObjectId(), { events: [], rawBytes: 1 });
    expect(bounded.handedBytes).toBe(handOverLimits.totalBytes);
  });

  it("leaves a round alone while its lease runs, and finishes it under the same name once the lease has run out", async () => {
    const site = await newSite("held");
    const [first] = visitBatches(site.siteKey);
    await ingestInto(database.db)(first);
    // Claimed, page view created, then the worker stopped.
    await expect(worker(dyingAfterWrite(database.db, 2)).drain()).rejects.toThrow(SimulatedCrash);
    expect(await worker(database.db).drain()).toBe(0);
    expect((await figuresOf(database.db, site._id)).pending).toBe(1);
    expect(await worker(database.db, afterLease).drain()).toBe(1);
    expect((await figuresOf(database.db, site._id)).siteDaily).toMatchObject([{ sessions: 1, pageViews: 1 }]);
  });

  it("counts a replayed batch once: the replay stores nothing and derives nothing more", async () => {
    const site = await newSite("replayed");
    const [first, second] = visitBatches(site.siteKey);
    const ingest = ingestInto(database.db);
    await ingest(first);
    await ingest(second);
    await worker(database.db).drain();
    expect(await ingest(second)).toMatchObject({ duplicate: true });
    expect(await ingest(first)).toMatchObject({ duplicate: true });
    expect(await worker(database.db, afterLease).drain()).toBe(0);
    expect(await figuresOf(database.db, site._id)).toEqual(reference);
  });

  it("MS-1.4 counts a later batch that arrived before its page's first one after it, in order", async () => {
    const site = await newSite("reordered");
    const [first, second] = visitBatches(site.siteKey);
    const ingest = ingestInto(database.db);
    await ingest(second);
    // The page's first batch is missing: the later one waits for it.
    expect(await worker(database.db).drain()).toBe(0);
    await ingest(first);
    expect(await worker(database.db).drain()).toBe(2);
    const figures = await figuresOf(database.db, site._id);
    expect(figures.scroll).toEqual(reference.scroll);
    expect(figures.pageViews).toEqual(reference.pageViews);
  });

  it("counts a later batch whose first batch never came alone once it has waited long enough", async () => {
    const site = await newSite("orphan");
    const [, second] = visitBatches(site.siteKey);
    await ingestInto(database.db)(second);
    expect(await worker(database.db, () => new Date(Date.now() + defaultDerivationOptions.waitForFirstBatchMs + 1_000)).drain()).toBe(1);
    const figures = await figuresOf(database.db, site._id);
    expect(figures.pageViews).toEqual([]);
    expect(figures.siteDaily).toMatchObject([{ sessions: 1, pageViews: 0, bounces: 0 }]);
  });

  it("MS-3.2 counts a bounce ended by a second page in a later round once, on the session's day, whichever write that round dies after", async () => {
    let crashPoints = 0;
    for (let crashAt = 0; ; crashAt++) {
      const site = await newSite(`second page ${crashAt}`);
      const [first] = visitBatches(site.siteKey);
      // The next day in the site's time zone (UTC): the bounce was the session's first day's.
      const nextDay = new Date(receivedAt.getTime() + 86_400_000);
      const secondPage: CollectPayload = {
        ...first,
        pageId: `${first.pageId.slice(0, -1)}${first.pageId.endsWith("x") ? "y" : "x"}`,
        page: { url: `${origin}/thanks`, startedAt: nextDay.getTime() - 5_000 },
        sentAt: nextDay.getTime() - 1_000,
        events: recordedAt(recordedCheckoutEvents(), nextDay.getTime() - 5_000),
      };
      await ingestInto(database.db)(first);
      await worker(database.db).drain();
      const before = await figuresOf(database.db, site._id);
      expect(before.siteDaily).toMatchObject([{ day: "2026-03-02", sessions: 1, pageViews: 1, bounces: 1 }]);

      await ingestInto(database.db, nextDay)(secondPage);
      const crashed = await worker(dyingAfterWrite(database.db, crashAt), () => nextDay)
        .drain()
        .then(
          () => false,
          (error: unknown) => {
            if (!(error instanceof SimulatedCrash)) throw error;
            return true;
          },
        );
      await worker(database.db, () => new Date(nextDay.getTime() + leaseMs + 1_000)).drain();
      const after = await figuresOf(database.db, site._id);
      expect(after.sessions, `died after derivation write ${crashAt}`).toMatchObject([{ pageCount: 2, day: "2026-03-02" }]);
      expect(
        after.siteDaily.map(({ day, sessions, pageViews, bounces }) => ({ day, sessions, pageViews, bounces })),
        `died after derivation write ${crashAt}`,
      ).toEqual([
        { day: "2026-03-02", sessions: 1, pageViews: 1, bounces: 0 },
        { day: "2026-03-03", sessions: 0, pageViews: 1, bounces: 0 },
      ]);
      if (!crashed) break;
      crashPoints++;
    }
    expect(crashPoints).toBeGreaterThanOrEqual(10);
  });
});

/** A small deterministic pseudo-random sequence (mulberry32), so the generated data set is the same every run. */
function randomSequence(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

function generatedVisits(siteKey: string): CollectPayload[] {
  const random = randomSequence(8);
  const batches: CollectPayload[] = [];
  for (let visit = 0; visit < 8; visit++) {
    const base = batchPayload(siteKey);
    for (let page = 0; page < 1 + random(2); page++) {
      const pageId = `${base.pageId.slice(0, -2)}${visit}${page}`;
      let scrollY = 0;
      for (let seq = 0; seq < 1 + random(3); seq++) {
        const at = startedAt + visit * 60_000 + page * 20_000 + seq * 5_000;
        const events = Array.from({ length: 2 + random(6) }, (_, index) => {
          const kind = random(3);
          if (kind === 0) return click(at + index * 400, random(1280), random(720));
          if (kind === 1) return move(at + index * 400, random(1280), random(720));
          scrollY = Math.min(2160, scrollY + random(900));
          return scroll(at + index * 400, scrollY);
        });
        batches.push({
          ...base,
          pageId,
          seq,
          sentAt: at + 4_000,
          view: { ...view, scrollY: seq === 0 ? 0 : scrollY },
          events,
          ...(seq === 0 ? { page: { url: `${origin}/products/${random(3)}`, startedAt: at, loadTimeMs: 300 + random(500) } } : { page: undefined, technical: undefined }),
        });
      }
    }
  }
  return batches.map((batch) => JSON.parse(JSON.stringify(batch)) as CollectPayload);
}

/** The figures recounted from the raw chunks, all at once, without rounds, marks or leases. */
async function bruteForceRecount(chunks: RecordingChunkDoc[]) {
  const pages = new Map<string, { urlKey: string; breakpoint: string; created: boolean; depth: number }>();
  const heatmaps = new Map<string, { total: number; cells: Record<string, number> }>();
  const pageDaily = new Map<string, { pageViews: number; clicks: number; loadTimeMsSum: number }>();
  const site = { sessions: new Set<string>(), pageViews: 0, events: 0, storedBytes: 0, clicks: 0 };
  const pagesBySession = new Map<string, number>();
  for (const chunk of [...chunks].sort((a, b) => a.seq - b.seq)) {
    const rollups = computeBatchRollups(await decodeChunkEvents(chunk), chunk.context.view);
    const { urlKey, breakpoint } = chunk.context;
    const key = `${chunk.sessionKey}/${chunk.pageId}`;
    const page = pages.get(key) ?? { urlKey, breakpoint, created: false, depth: 0 };
    pages.set(key, page);
    if (chunk.context.page) page.created = true;
    page.depth = Math.max(page.depth, rollups.maxScrollDepth ?? 0);
    site.sessions.add(chunk.sessionKey);
    site.events += chunk.eventCount;
    site.storedBytes += chunk.storedBytes;
    site.clicks += rollups.clicks;
    for (const [kind, cells] of [["click", rollups.clickCells], ["move", rollups.moveCells], ["attention", rollups.attentionCells]] as const) {
      if (cells.size === 0) continue;
      const heatmap = heatmaps.get(`${urlKey}/${kind}`) ?? { total: 0, cells: {} };
      heatmaps.set(`${urlKey}/${kind}`, heatmap);
      for (const [cell, count] of cells) {
        heatmap.cells[cell] = (heatmap.cells[cell] ?? 0) + count;
        heatmap.total += count;
      }
    }
    const daily = pageDaily.get(urlKey) ?? { pageViews: 0, clicks: 0, loadTimeMsSum: 0 };
    pageDaily.set(urlKey, daily);
    daily.clicks += rollups.clicks;
    if (chunk.context.page) {
      pagesBySession.set(chunk.sessionKey, (pagesBySession.get(chunk.sessionKey) ?? 0) + 1);
      daily.pageViews++;
      daily.loadTimeMsSum += chunk.context.page.loadTimeMs ?? 0;
      site.pageViews++;
    }
  }
  const scroll = new Map<string, Record<string, number>>();
  for (const page of pages.values()) {
    const reached = scroll.get(page.urlKey) ?? {};
    scroll.set(page.urlKey, reached);
    for (const bucket of reachedBuckets(null, page.depth)) reached[bucket] = (reached[bucket] ?? 0) + 1;
  }
  const bounces = [...site.sessions].filter((session) => pagesBySession.get(session) === 1).length;
  return { pages, heatmaps, pageDaily, scroll, site: { ...site, bounces } };
}

/** A site of a tenant of its own, receiving from `origin`. */
async function siteOfNewTenant(db: Db, name: string): Promise<SiteDoc> {
  const tenant = await createTenantFixture(db, name);
  return createSite({ scope: tenantScope(db, tenant.tenantId), actor: { type: "system", id: "test" }, now: new Date() }, { name, allowedOrigins: [origin] });
}

describe("derivation rounds: two workers, one database", () => {
  const database = useTestDatabase();

  it("MS-1.4 derives a generated data set to exactly a brute-force recount over the raw chunks", async () => {
    const site = await siteOfNewTenant(database.db, "Generated");
    // Received after the last of the generated visits began (ingestion refuses times ahead of its clock).
    const ingest = ingestInto(database.db, new Date(startedAt + 10 * 60_000));
    const stored: ObjectId[] = [];
    for (const batch of generatedVisits(site.siteKey)) stored.push((await ingest(batch)).chunk._id as ObjectId);
    expect(stored.length).toBeGreaterThan(12);

    // Each worker is told of every chunk, in opposite orders, and takes a few per round: they meet.
    const first = worker(database.db, () => new Date(), { maxChunksPerRound: 3 });
    const second = worker(database.db, () => new Date(), { maxChunksPerRound: 3 });
    for (const id of stored) first.chunkStored(id);
    for (const id of [...stored].reverse()) second.chunkStored(id);
    const [byFirst, bySecond] = await Promise.all([first.drain(), second.drain()]);
    const byThird = await worker(database.db).drain();
    expect(byFirst + bySecond + byThird).toBe(stored.length);
    expect(byFirst).toBeGreaterThan(0);
    expect(bySecond).toBeGreaterThan(0);

    const data = analyticsCollections(database.db);
    const chunks = await data.recordingChunks.find({ siteId: site._id }).toArray();
    expect(chunks.every((chunk) => chunk.rollup.state === "applied" && chunk.rollup.appliedAt instanceof Date)).toBe(true);
    const expected = await bruteForceRecount(chunks);

    const [siteDaily] = await data.siteDaily.find({ siteId: site._id }).toArray();
    expect(siteDaily).toMatchObject({ sessions: expected.site.sessions.size, pageViews: expected.site.pageViews, events: expected.site.events, storedBytes: expected.site.storedBytes });
    // MS-3.2: the bounces counted round by round, some sessions' pages split between rounds and workers, are the one-page sessions.
    expect(expected.site.bounces).toBeGreaterThan(0);
    expect(expected.site.bounces).toBeLessThan(expected.site.sessions.size);
    expect(siteDaily?.bounces).toBe(expected.site.bounces);
    expect(await data.sessions.countDocuments({ siteId: site._id, pageCount: 1 })).toBe(expected.site.bounces);
    expect(await data.sessions.countDocuments({ siteId: site._id })).toBe(expected.site.sessions.size);
    const pageViews = await data.pageViews.find({ siteId: site._id }).toArray();
    expect(pageViews.map((page) => [`${page.sessionKey}/${page.pageId}`, page.maxScrollDepth]).sort()).toEqual(
      [...expected.pages].filter(([, page]) => page.created).map(([key, page]) => [key, page.depth]).sort(),
    );
    const heatmaps = await data.heatmapRollups.find({ siteId: site._id }).toArray();
    expect(Object.fromEntries(heatmaps.map((heatmap) => [`${heatmap.urlKey}/${heatmap.kind}`, { total: heatmap.total, cells: heatmap.cells }]))).toEqual(Object.fromEntries(expected.heatmaps));
    const pageDaily = await data.pageDaily.find({ siteId: site._id }).toArray();
    expect(Object.fromEntries(pageDaily.map((page) => [page.urlKey, { pageViews: page.pageViews, clicks: page.clicks, loadTimeMsSum: page.loadTimeMsSum }]))).toEqual(Object.fromEntries(expected.pageDaily));
    const scroll = await data.scrollRollups.find({ siteId: site._id }).toArray();
    expect(Object.fromEntries(scroll.map((rollup) => [rollup.urlKey, rollup.reached]))).toEqual(Object.fromEntries(expected.scroll));
    // No round's mark is left behind.
    for (const name of ["sessions", "heatmapRollups", "scrollRollups", "pageDaily", "siteDaily"]) {
      expect(await database.db.collection(name).countDocuments({ siteId: site._id, "derivingChunks.0": { $exists: true } })).toBe(0);
    }
  });
});


describe("the derivation of large chunks", () => {
  const database = useTestDatabase();

  it("reports a large chunk's decoded events as let go, and nothing for recorder-sized chunks", async () => {
    const site = await siteOfNewTenant(database.db, "Large pages");
    const ingest = ingestInto(database.db);
    for (const batch of visitBatches(site.siteKey)) await ingest(batch);
    const large = await ingest(batchPayload(site.siteKey, { page: { url: `${origin}/product`, startedAt }, sentAt: startedAt + 2_000, events: largePageEvents(1_500_000, startedAt + 1_000) }));
    const noted: number[] = [];
    expect(await worker(database.db, () => new Date(), { largeGarbage: { note: (bytes) => void noted.push(bytes), fullCollections: 0 } }).drain()).toBe(3);
    expect(large.chunk.rawBytes).toBeGreaterThan(1024 * 1024);
    expect(noted).toEqual([4 * large.chunk.rawBytes]);
  });

  it("decodes a large chunk only with its share of the batch memory budget, and gives the share back; small chunks take none", async () => {
    const site = await siteOfNewTenant(database.db, "Budgeted pages");
    const ingest = ingestInto(database.db);
    const budget = createBatchMemoryBudget({ totalBytes: 16 * 1024 * 1024, maxWaiting: 4 });
    const derive = () => worker(database.db, () => new Date(), { memoryBudget: budget }).drain();
    // A batch at the limits being parsed holds the whole budget.
    const parsing = await budget.acquire(16 * 1024 * 1024);
    for (const batch of visitBatches(site.siteKey)) await ingest(batch);
    expect(await derive()).toBe(2);
    const large = await ingest(batchPayload(site.siteKey, { page: { url: `${origin}/product`, startedAt }, sentAt: startedAt + 2_000, events: largePageEvents(1_500_000, startedAt + 1_000) }));
    const deriving = derive();
    await vi.waitFor(() => expect(budget.waiting).toBe(1), { timeout: 15_000 });
    const chunks = analyticsCollections(database.db).recordingChunks;
    expect((await chunks.findOne({ _id: large.chunk._id }))?.rollup.state).toBe("pending");
    parsing?.release();
    expect(await deriving).toBe(1);
    expect((await chunks.findOne({ _id: large.chunk._id }))?.rollup.state).toBe("applied");
    expect([budget.inUse, budget.waiting]).toEqual([0, 0]);
  });
});

describe("the derivation worker's rounds under load", () => {
  const database = useTestDatabase();

  it("gathers the chunks stored while it pauses between rounds into one round, and starts early once a full round waits", async () => {
    const site = await siteOfNewTenant(database.db, "Paced");
    const ingest = ingestInto(database.db);
    const storeVisit = async () => {
      const ids: ObjectId[] = [];
      for (const batch of visitBatches(site.siteKey, { sessionId: crypto.randomUUID() })) ids.push((await ingest(batch)).chunk._id as ObjectId);
      return ids;
    };
    const chunks = analyticsCollections(database.db).recordingChunks;
    const roundOf = async (ids: readonly ObjectId[]) => {
      for (;;) {
        const found = await chunks.find({ _id: { $in: [...ids] } }).toArray();
        if (found.every((chunk) => chunk.rollup.state === "applied")) return new Set(found.map((chunk) => chunk.rollup.claim));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    // A pause far longer than the test: only a full round can start the next one.
    const paced = worker(database.db, () => new Date(), { maxChunksPerRound: 4, roundEveryMs: 3_600_000, pollMs: 3_600_000, maxPollMs: 3_600_000 });
    paced.start();
    try {
      const first = await storeVisit();
      for (const id of first) paced.chunkStored(id);
      expect((await roundOf(first)).size).toBe(1);
      // Two chunks during the pause wait for it; two more make a full round, counted together.
      const second = await storeVisit();
      for (const id of second) paced.chunkStored(id);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await chunks.countDocuments({ _id: { $in: second }, "rollup.state": "pending" })).toBe(2);
      const third = await storeVisit();
      for (const id of third) paced.chunkStored(id);
      const rounds = await roundOf([...second, ...third]);
      expect(rounds.size).toBe(1);
      expect(rounds.has([...(await roundOf(first))][0])).toBe(false);
    } finally {
      await paced.stop();
    }
  });
});
