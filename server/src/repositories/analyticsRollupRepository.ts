import type { AnyBulkWriteOperation } from "mongodb";
import {
  analyticsCollections,
  type HeatmapRollupDoc,
  type PageDailyDoc,
  type PageViewDoc,
  type RecordingChunkDoc,
  type ScrollRollupDoc,
  type SessionDoc,
  type SiteDailyDoc,
} from "../db/analyticsCollections.js";
import type { TenantScope } from "./tenantScope.js";

type Chunk = Pick<RecordingChunkDoc, "siteId" | "sessionKey" | "pageId" | "firstEventAt" | "lastEventAt" | "receivedAt" | "policy" | "context">;

/**
 * Creates or extends the page view of a chunk and reports whether this chunk created it and how
 * deep the page had been scrolled before. Only a chunk carrying the page's details (its first)
 * may create the page view.
 */
export async function upsertPageView(
  scope: TenantScope,
  chunk: Chunk,
  maxScrollDepth: number | null,
): Promise<{ created: boolean; previousMaxScrollDepth: number | null }> {
  const { page } = chunk.context;
  const lastEventAt = chunk.lastEventAt ?? chunk.receivedAt;
  const before = await analyticsCollections(scope.db).pageViews.findOneAndUpdate(
    { tenantId: scope.tenantId, siteId: chunk.siteId, sessionKey: chunk.sessionKey, pageId: chunk.pageId },
    {
      ...(page
        ? {
            $setOnInsert: {
              url: page.url,
              urlKey: page.urlKey,
              referrer: page.referrer,
              startedAt: page.startedAt,
              loadTimeMs: page.loadTimeMs,
              breakpoint: chunk.context.breakpoint,
            } satisfies Partial<PageViewDoc>,
          }
        : {}),
      $max: { lastEventAt, maxScrollDepth: maxScrollDepth ?? 0 },
    },
    { upsert: page !== null, returnDocument: "before" },
  );
  return { created: before === null && page !== null, previousMaxScrollDepth: before ? before.maxScrollDepth : null };
}

export interface SessionIncrements {
  eventCount: number;
  pageCount: number;
  rageClicks: number;
  deadClicks: number;
  violationCount: number;
}

/** Creates or extends the session of a chunk; reports whether this chunk created it. */
export async function upsertSession(scope: TenantScope, chunk: Chunk, increments: SessionIncrements): Promise<{ created: boolean }> {
  const { context } = chunk;
  const before = await analyticsCollections(scope.db).sessions.findOneAndUpdate(
    { tenantId: scope.tenantId, siteId: chunk.siteId, sessionKey: chunk.sessionKey },
    {
      $setOnInsert: {
        visitorKey: context.visitorKey,
        technical: context.technical,
        ipTruncated: context.ipTruncated,
        policy: chunk.policy,
        entryUrl: context.page?.url ?? null,
        referrer: context.page?.referrer ?? null,
      } satisfies Partial<SessionDoc>,
      $min: { firstSeenAt: chunk.firstEventAt ?? chunk.receivedAt },
      $max: { lastSeenAt: chunk.lastEventAt ?? chunk.receivedAt },
      $inc: { ...increments },
    },
    { upsert: true, returnDocument: "before" },
  );
  return { created: before === null };
}

export interface RollupDeltas {
  clickCells: ReadonlyMap<string, number>;
  moveCells: ReadonlyMap<string, number>;
  /** Scroll-depth buckets newly reached by this chunk's page view. */
  reachedBuckets: readonly number[];
  page: Omit<PageDailyDoc, "tenantId" | "siteId" | "urlKey" | "day"> | null;
  site: Omit<SiteDailyDoc, "tenantId" | "siteId" | "day">;
}

/** One `$inc` upsert per rollup document, each on its unique compound key. */
export async function applyRollupDeltas(scope: TenantScope, chunk: Chunk, deltas: RollupDeltas): Promise<void> {
  const { tenantId } = scope;
  const { siteId } = chunk;
  const { urlKey, breakpoint, day } = chunk.context;
  const collections = analyticsCollections(scope.db);
  const writes: Promise<unknown>[] = [];

  const heatmaps: AnyBulkWriteOperation<HeatmapRollupDoc>[] = [];
  for (const [kind, cells] of [["click", deltas.clickCells], ["move", deltas.moveCells]] as const) {
    if (cells.size === 0 || !urlKey) continue;
    let total = 0;
    const inc: Record<string, number> = {};
    for (const [cell, count] of cells) {
      inc[`cells.${cell}`] = count;
      total += count;
    }
    heatmaps.push({ updateOne: { filter: { tenantId, siteId, urlKey, breakpoint, day, kind }, update: { $inc: { ...inc, total } }, upsert: true } });
  }
  if (heatmaps.length) writes.push(collections.heatmapRollups.bulkWrite(heatmaps, { ordered: false }));

  if (deltas.reachedBuckets.length && urlKey) {
    const inc = Object.fromEntries(deltas.reachedBuckets.map((bucket) => [`reached.${bucket}`, 1]));
    const scroll: AnyBulkWriteOperation<ScrollRollupDoc>[] = [
      { updateOne: { filter: { tenantId, siteId, urlKey, breakpoint, day }, update: { $inc: inc }, upsert: true } },
    ];
    writes.push(collections.scrollRollups.bulkWrite(scroll));
  }

  if (deltas.page && urlKey) {
    const pageDaily: AnyBulkWriteOperation<PageDailyDoc>[] = [
      { updateOne: { filter: { tenantId, siteId, urlKey, day }, update: { $inc: { ...deltas.page } }, upsert: true } },
    ];
    writes.push(collections.pageDaily.bulkWrite(pageDaily));
  }

  const siteDaily: AnyBulkWriteOperation<SiteDailyDoc>[] = [
    { updateOne: { filter: { tenantId, siteId, day }, update: { $inc: { ...deltas.site } }, upsert: true } },
  ];
  writes.push(collections.siteDaily.bulkWrite(siteDaily));
  await Promise.all(writes);
}
