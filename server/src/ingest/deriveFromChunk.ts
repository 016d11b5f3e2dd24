import type { RecordingChunkDoc } from "../db/analyticsCollections.js";
import {
  applyRollupDeltas,
  derivationMarkOf,
  extendPageView,
  openPageView,
  releaseDerivationMark,
  upsertSession,
  type RollupDeltas,
} from "../repositories/analyticsRollupRepository.js";
import { markRollupApplied } from "../repositories/recordingChunkRepository.js";
import type { TenantScope } from "../repositories/tenantScope.js";
import { computeBatchRollups } from "./rollups/computeBatchRollups.js";

/** Scroll-depth buckets (every 5 %) newly reached when the deepest point moves from `before` to `after`. */
export function reachedBuckets(before: number | null, after: number): number[] {
  const buckets: number[] = [];
  for (let bucket = 0; bucket <= 100; bucket += 5) {
    if ((before === null || bucket > before) && bucket <= after) buckets.push(bucket);
  }
  return buckets;
}

/**
 * Everything derived from a stored chunk: its page view, its session, the heatmap, scroll and
 * daily rollups (MS-1.4, MS-3.1, MS-3.2). Called by the request that stored the chunk, or by
 * the rollup sweeper after a crash; the caller holds the chunk's rollup claim. Repeating it after
 * a crash at any point counts nothing twice (see derivationMarkOf): the page view and session
 * remember which chunk created them, every counting write is skipped where it already landed, and
 * the page view's depth is raised last, so a repeated attempt computes what the first did.
 */
export async function deriveFromChunk(scope: TenantScope, chunk: RecordingChunkDoc, maskedEvents: readonly unknown[]): Promise<void> {
  const mark = derivationMarkOf(chunk);
  const rollups = computeBatchRollups(maskedEvents, chunk.context.view);
  const page = await openPageView(scope, chunk, mark);
  const session = await upsertSession(
    scope,
    chunk,
    {
      eventCount: chunk.eventCount,
      pageCount: page.created ? 1 : 0,
      rageClicks: rollups.rageClicks,
      deadClicks: rollups.deadClicks,
      violationCount: chunk.context.violationCount,
      droppedEvents: chunk.context.droppedEvents ?? 0,
    },
    mark,
  );
  const loadTimeMs = page.created ? (chunk.context.page?.loadTimeMs ?? null) : null;
  const previousDepth = page.created ? null : page.previousMaxScrollDepth;
  const depth = Math.max(previousDepth ?? 0, rollups.maxScrollDepth ?? 0);
  const pageCounters = {
    pageViews: page.created ? 1 : 0,
    loadTimeMsSum: loadTimeMs ?? 0,
    loadTimeCount: loadTimeMs === null ? 0 : 1,
    clicks: rollups.clicks,
    rageClicks: rollups.rageClicks,
    deadClicks: rollups.deadClicks,
  };
  const deltas: RollupDeltas = {
    clickCells: rollups.clickCells,
    moveCells: rollups.moveCells,
    reachedBuckets: page.created || previousDepth !== null ? reachedBuckets(previousDepth, depth) : [],
    page: pageCounters,
    site: {
      sessions: session.created ? 1 : 0,
      pageViews: pageCounters.pageViews,
      events: chunk.eventCount,
      storedBytes: chunk.storedBytes,
      loadTimeMsSum: pageCounters.loadTimeMsSum,
      loadTimeCount: pageCounters.loadTimeCount,
      rageClicks: rollups.rageClicks,
      deadClicks: rollups.deadClicks,
      violations: chunk.context.violationCount,
    },
  };
  const marked = await applyRollupDeltas(scope, chunk, deltas, mark);
  await extendPageView(scope, chunk, rollups.maxScrollDepth);
  await markRollupApplied(scope, chunk);
  await releaseDerivationMark(scope, [session.marked, ...marked], mark);
}
