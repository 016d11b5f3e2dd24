import type { Filter, UpdateFilter, WithId } from "mongodb";
import {
  analyticsCollections,
  type PageDailyDoc,
  type PageViewDoc,
  type RecordingChunkDoc,
  type SessionDoc,
  type SiteDailyDoc,
} from "../db/analyticsCollections.js";
import { groupedWrite } from "./groupedWrite.js";
import type { TenantScope } from "./tenantScope.js";

type Chunk = Pick<RecordingChunkDoc, "siteId" | "sessionKey" | "pageId" | "seq" | "firstEventAt" | "lastEventAt" | "receivedAt" | "policy" | "context">;

/**
 * Deriving a chunk writes several documents, and no transaction holds them together: a process
 * can die between any two writes, after which the chunk is derived again (by the sweeper, or by
 * the recorder's retry). So that nothing is counted twice, every counting write carries the
 * chunk's mark into the document it changes, in the same write, and skips a document that
 * already carries it; the marks are removed once the chunk is marked applied. A document holds
 * the marks of the derivations in progress on it, plus the rare one a crash left behind after
 * its chunk was marked applied (never derived again, so harmless).
 */
export function derivationMarkOf(chunk: Pick<RecordingChunkDoc, "sessionKey" | "pageId" | "seq">): string {
  return `${chunk.sessionKey}/${chunk.pageId}/${chunk.seq}`;
}

/** The documents a derivation counts into: any of them may hold marks. */
interface Derivable {
  derivingChunks?: string[];
}

/** A document a derivation wrote its mark into, to be released when the chunk is applied. */
export interface MarkedDocument {
  collection: "sessions" | "heatmapRollups" | "scrollRollups" | "pageDaily" | "siteDaily";
  filter: Filter<Derivable>;
}

/**
 * Applies `update` to the document `filter` names (creating it if needed) unless it carries
 * `mark`, and leaves the mark in it in the same write. An upsert that collides with the document
 * another chunk created meanwhile is retried; one that collides with this chunk's own earlier
 * write is already done. With `before`, returns the document as it was before the write.
 */
async function applyOnce(
  scope: TenantScope,
  target: MarkedDocument,
  update: UpdateFilter<Derivable>,
  mark: string,
  options: { before: boolean },
): Promise<{ before: WithId<Derivable> | null } | "already"> {
  const collection = scope.db.collection<Derivable>(target.collection);
  const filter: Filter<Derivable> = { ...target.filter, derivingChunks: { $ne: mark } };
  const marking: UpdateFilter<Derivable> = { ...update, $push: { derivingChunks: mark } };
  for (let attempt = 1; ; attempt++) {
    try {
      if (!options.before) {
        await groupedWrite<MarkedDocument["collection"], Derivable>(scope.db, target.collection, [{ updateOne: { filter, update: marking, upsert: true } }]);
        return { before: null };
      }
      return { before: await collection.findOneAndUpdate(filter, marking, { upsert: true, returnDocument: "before" }) };
    } catch (error) {
      if ((error as { code?: number }).code !== 11000 || attempt === 3) throw error;
    }
    if ((await collection.countDocuments({ ...target.filter, derivingChunks: mark }, { limit: 1 })) > 0) return "already";
  }
}

/** Removes a finished derivation's mark from the documents it wrote. */
export async function releaseDerivationMark(scope: TenantScope, targets: readonly MarkedDocument[], mark: string): Promise<void> {
  const release: UpdateFilter<Derivable> = { $pull: { derivingChunks: mark } };
  await Promise.all(
    targets.map((target) => groupedWrite<MarkedDocument["collection"], Derivable>(scope.db, target.collection, [{ updateOne: { filter: target.filter, update: release } }])),
  );
}

/**
 * Creates the page view of a chunk that carries the page's details (its first), and reports
 * whether this chunk created it (now, or in an earlier attempt that died) and how deep the page
 * had been scrolled before this chunk. The depth itself is raised by `extendPageView`, after the
 * rollups, so that an attempt repeated before it sees the same depth as the first.
 */
export async function openPageView(scope: TenantScope, chunk: Chunk, mark: string): Promise<{ created: boolean; previousMaxScrollDepth: number | null }> {
  const { page } = chunk.context;
  const filter = { tenantId: scope.tenantId, siteId: chunk.siteId, sessionKey: chunk.sessionKey, pageId: chunk.pageId };
  const pageViews = analyticsCollections(scope.db).pageViews;
  const before = page
    ? await pageViews.findOneAndUpdate(
        filter,
        {
          $setOnInsert: {
            url: page.url,
            urlKey: page.urlKey,
            referrer: page.referrer,
            startedAt: page.startedAt,
            loadTimeMs: page.loadTimeMs,
            breakpoint: chunk.context.breakpoint,
            lastEventAt: page.startedAt,
            maxScrollDepth: 0,
            createdBy: mark,
          } satisfies Partial<PageViewDoc>,
        },
        { upsert: true, returnDocument: "before" },
      )
    : await pageViews.findOne(filter);
  const created = page !== null && (before === null || before.createdBy === mark);
  return { created, previousMaxScrollDepth: created || !before ? null : before.maxScrollDepth };
}

/** Raises the page view's last event time and depth ($max: repeating it changes nothing). */
export async function extendPageView(scope: TenantScope, chunk: Chunk, maxScrollDepth: number | null): Promise<void> {
  await groupedWrite(scope.db, "pageViews", [
    {
      updateOne: {
        filter: { tenantId: scope.tenantId, siteId: chunk.siteId, sessionKey: chunk.sessionKey, pageId: chunk.pageId },
        update: { $max: { lastEventAt: chunk.lastEventAt ?? chunk.receivedAt, maxScrollDepth: maxScrollDepth ?? 0 } },
      },
    },
  ]);
}

export interface SessionIncrements {
  eventCount: number;
  pageCount: number;
  rageClicks: number;
  deadClicks: number;
  violationCount: number;
  droppedEvents: number;
}

/** Creates or extends the session of a chunk, once per chunk; reports whether this chunk created it. */
export async function upsertSession(
  scope: TenantScope,
  chunk: Chunk,
  increments: SessionIncrements,
  mark: string,
): Promise<{ created: boolean; marked: MarkedDocument }> {
  const { context } = chunk;
  const marked: MarkedDocument = { collection: "sessions", filter: { tenantId: scope.tenantId, siteId: chunk.siteId, sessionKey: chunk.sessionKey } };
  const applied = await applyOnce(
    scope,
    marked,
    {
      $setOnInsert: {
        visitorKey: context.visitorKey,
        technical: context.technical,
        ipTruncated: context.ipTruncated,
        policy: chunk.policy,
        entryUrl: context.page?.url ?? null,
        referrer: context.page?.referrer ?? null,
        createdBy: mark,
      } satisfies Partial<SessionDoc>,
      $min: { firstSeenAt: chunk.firstEventAt ?? chunk.receivedAt },
      $max: { lastSeenAt: chunk.lastEventAt ?? chunk.receivedAt },
      $inc: { ...increments },
    },
    mark,
    { before: true },
  );
  if (applied !== "already") return { created: applied.before === null, marked };
  const session = await analyticsCollections(scope.db).sessions.findOne(marked.filter, { projection: { createdBy: 1 } });
  return { created: session?.createdBy === mark, marked };
}

export interface RollupDeltas {
  clickCells: ReadonlyMap<string, number>;
  moveCells: ReadonlyMap<string, number>;
  /** Scroll-depth buckets newly reached by this chunk's page view. */
  reachedBuckets: readonly number[];
  page: Omit<PageDailyDoc, "tenantId" | "siteId" | "urlKey" | "day"> | null;
  site: Omit<SiteDailyDoc, "tenantId" | "siteId" | "day">;
}

/** One `$inc` upsert per rollup document, each on its unique compound key, once per chunk. */
export async function applyRollupDeltas(scope: TenantScope, chunk: Chunk, deltas: RollupDeltas, mark: string): Promise<MarkedDocument[]> {
  const { tenantId } = scope;
  const { siteId } = chunk;
  const { urlKey, breakpoint, day } = chunk.context;
  const writes: { target: MarkedDocument; inc: Record<string, number> }[] = [];

  for (const [kind, cells] of [["click", deltas.clickCells], ["move", deltas.moveCells]] as const) {
    if (cells.size === 0 || !urlKey) continue;
    let total = 0;
    const inc: Record<string, number> = {};
    for (const [cell, count] of cells) {
      inc[`cells.${cell}`] = count;
      total += count;
    }
    writes.push({ target: { collection: "heatmapRollups", filter: { tenantId, siteId, urlKey, breakpoint, day, kind } }, inc: { ...inc, total } });
  }
  if (deltas.reachedBuckets.length && urlKey) {
    const inc = Object.fromEntries(deltas.reachedBuckets.map((bucket) => [`reached.${bucket}`, 1]));
    writes.push({ target: { collection: "scrollRollups", filter: { tenantId, siteId, urlKey, breakpoint, day } }, inc });
  }
  if (deltas.page && urlKey) writes.push({ target: { collection: "pageDaily", filter: { tenantId, siteId, urlKey, day } }, inc: { ...deltas.page } });
  writes.push({ target: { collection: "siteDaily", filter: { tenantId, siteId, day } }, inc: { ...deltas.site } });

  await Promise.all(writes.map(({ target, inc }) => applyOnce(scope, target, { $inc: inc }, mark, { before: false })));
  return writes.map(({ target }) => target);
}
