import { getSite } from "../../domain/sites/getSite.js";
import type { Breakpoint, HeatmapKind } from "../../db/analyticsCollections.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { heatmapCells, type HeatmapCells } from "./heatmapCells.js";
import { findHeatmapSnapshot, type SnapshotAddress } from "./pageSnapshot.js";
import { scrollDepths } from "./scrollDepths.js";

export interface HeatmapReport extends HeatmapCells {
  /** Page views of the page at the breakpoint over the range: how many visits the cells sum. */
  pageViews: number;
  /** A stored page to draw the cells over; null when no recent page view kept a full snapshot. */
  snapshot: SnapshotAddress | null;
}

/**
 * MS-1.4, MS-3.1: a page's click or movement heatmap at a breakpoint over a range of the site's
 * days, from the rollups only (its cost does not grow with the clicks behind it), with the page
 * views behind it (the scroll rollups count every page view at depth 0) and a page to draw on.
 */
export async function heatmapReport(
  scope: TenantScope,
  query: { siteId: string; urlKey: string; breakpoint: Breakpoint; kind: HeatmapKind; fromDay: string; toDay: string },
): Promise<HeatmapReport> {
  await getSite(scope, query.siteId);
  const [cells, scroll, snapshot] = await Promise.all([heatmapCells(scope, query), scrollDepths(scope, query), findHeatmapSnapshot(scope, query)]);
  return { ...cells, pageViews: scroll.pageViews, snapshot };
}
