import { analyticsCollections, type BreakdownDimension, type Breakpoint, type PageViewDoc } from "../db/analyticsCollections.js";
import type { DayRange } from "./rollupQueryRepository.js";
import type { TenantScope } from "./tenantScope.js";

/**
 * The reports' reads beyond one document per day: grouped sums over a site's daily rollups, and
 * where a heatmap finds a page to draw on. Every filter starts with the tenant and site.
 */

export interface ValueCount {
  value: string;
  sessions: number;
  pageViews: number;
}

/** The `limit` values of one dimension with the most sessions over the range (then page views). */
export function topBreakdownValues(scope: TenantScope, query: { siteId: string; dimension: BreakdownDimension; limit: number } & DayRange): Promise<ValueCount[]> {
  const { siteId, dimension, fromDay, toDay, limit } = query;
  return analyticsCollections(scope.db)
    .siteBreakdownDaily.aggregate<ValueCount>([
      { $match: { tenantId: scope.tenantId, siteId, day: { $gte: fromDay, $lte: toDay }, dimension } },
      { $group: { _id: "$value", sessions: { $sum: "$sessions" }, pageViews: { $sum: "$pageViews" } } },
      { $sort: { sessions: -1, pageViews: -1, _id: 1 } },
      { $limit: limit },
      { $project: { _id: 0, value: "$_id", sessions: 1, pageViews: 1 } },
    ])
    .toArray();
}

export interface PageTotals {
  urlKey: string;
  pageViews: number;
  clicks: number;
  rageClicks: number;
  deadClicks: number;
  loadTimeMsSum: number;
  loadTimeCount: number;
}

/** A site's pages over the range, most viewed first; `search` keeps those whose key contains it. */
export function topPages(scope: TenantScope, query: { siteId: string; search?: string | undefined; limit: number } & DayRange): Promise<PageTotals[]> {
  const { siteId, fromDay, toDay, search, limit } = query;
  const urlKey = search ? { urlKey: { $regex: escapeRegex(search), $options: "i" } } : {};
  return analyticsCollections(scope.db)
    .pageDaily.aggregate<PageTotals>([
      { $match: { tenantId: scope.tenantId, siteId, day: { $gte: fromDay, $lte: toDay }, ...urlKey } },
      {
        $group: {
          _id: "$urlKey",
          pageViews: { $sum: "$pageViews" },
          clicks: { $sum: "$clicks" },
          rageClicks: { $sum: "$rageClicks" },
          deadClicks: { $sum: "$deadClicks" },
          loadTimeMsSum: { $sum: "$loadTimeMsSum" },
          loadTimeCount: { $sum: "$loadTimeCount" },
        },
      },
      { $sort: { pageViews: -1, _id: 1 } },
      { $limit: limit },
      { $project: { _id: 0, urlKey: "$_id", pageViews: 1, clicks: 1, rageClicks: 1, deadClicks: 1, loadTimeMsSum: 1, loadTimeCount: 1 } },
    ])
    .toArray();
}

export interface ClickProblem {
  urlKey: string;
  selector: string;
  rageClicks: number;
  deadClicks: number;
}

/** The page elements with the most rage and dead clicks over the range, optionally on one page. */
export function topClickProblems(scope: TenantScope, query: { siteId: string; urlKey?: string | undefined; limit: number } & DayRange): Promise<ClickProblem[]> {
  const { siteId, urlKey, fromDay, toDay, limit } = query;
  return analyticsCollections(scope.db)
    .clickTargetDaily.aggregate<ClickProblem>([
      { $match: { tenantId: scope.tenantId, siteId, day: { $gte: fromDay, $lte: toDay }, ...(urlKey === undefined ? {} : { urlKey }) } },
      { $group: { _id: { urlKey: "$urlKey", selector: "$selector" }, rageClicks: { $sum: "$rageClicks" }, deadClicks: { $sum: "$deadClicks" } } },
      { $addFields: { problems: { $add: ["$rageClicks", "$deadClicks"] } } },
      { $sort: { problems: -1, rageClicks: -1, "_id.urlKey": 1, "_id.selector": 1 } },
      { $limit: limit },
      { $project: { _id: 0, urlKey: "$_id.urlKey", selector: "$_id.selector", rageClicks: 1, deadClicks: 1 } },
    ])
    .toArray();
}

/** The most recent page views of a page at a breakpoint, newest first. */
export function findRecentPageViews(
  scope: TenantScope,
  query: { siteId: string; urlKey: string; breakpoint: Breakpoint; limit: number },
): Promise<Pick<PageViewDoc, "sessionKey" | "pageId" | "startedAt">[]> {
  const { siteId, urlKey, breakpoint, limit } = query;
  return analyticsCollections(scope.db)
    .pageViews.find({ tenantId: scope.tenantId, siteId, urlKey, breakpoint }, { projection: { _id: 0, sessionKey: 1, pageId: 1, startedAt: 1 } })
    .sort({ startedAt: -1 })
    .limit(limit)
    .toArray();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
