import {
  analyticsCollections,
  type Breakpoint,
  type HeatmapKind,
  type HeatmapRollupDoc,
  type PageDailyDoc,
  type ScrollRollupDoc,
  type SiteDailyDoc,
} from "../db/analyticsCollections.js";
import type { TenantScope } from "./tenantScope.js";

/**
 * The rollups as the reports read them: one site's documents for a page (urlKey), breakpoint
 * and range of UTC days, inclusive. Every filter starts with the tenant and site, the prefix of
 * each collection's unique key, and the round marks are never returned.
 */

export interface DayRange {
  fromDay: string;
  toDay: string;
}

const withoutInternals = { _id: 0, derivingChunks: 0, tenantId: 0 } as const;

export function findHeatmapRollups(
  scope: TenantScope,
  query: { siteId: string; urlKey: string; breakpoint: Breakpoint; kind: HeatmapKind } & DayRange,
): Promise<Omit<HeatmapRollupDoc, "tenantId">[]> {
  const { siteId, urlKey, breakpoint, kind, fromDay, toDay } = query;
  return analyticsCollections(scope.db)
    .heatmapRollups.find({ tenantId: scope.tenantId, siteId, urlKey, breakpoint, kind, day: { $gte: fromDay, $lte: toDay } }, { projection: withoutInternals })
    .toArray();
}

export function findScrollRollups(scope: TenantScope, query: { siteId: string; urlKey: string; breakpoint: Breakpoint } & DayRange): Promise<Omit<ScrollRollupDoc, "tenantId">[]> {
  const { siteId, urlKey, breakpoint, fromDay, toDay } = query;
  return analyticsCollections(scope.db)
    .scrollRollups.find({ tenantId: scope.tenantId, siteId, urlKey, breakpoint, day: { $gte: fromDay, $lte: toDay } }, { projection: withoutInternals })
    .toArray();
}

export function findPageDaily(scope: TenantScope, query: { siteId: string; urlKey: string } & DayRange): Promise<Omit<PageDailyDoc, "tenantId">[]> {
  const { siteId, urlKey, fromDay, toDay } = query;
  return analyticsCollections(scope.db)
    .pageDaily.find({ tenantId: scope.tenantId, siteId, urlKey, day: { $gte: fromDay, $lte: toDay } }, { projection: withoutInternals })
    .toArray();
}

export function findSiteDaily(scope: TenantScope, query: { siteId: string } & DayRange): Promise<Omit<SiteDailyDoc, "tenantId">[]> {
  const { siteId, fromDay, toDay } = query;
  return analyticsCollections(scope.db)
    .siteDaily.find({ tenantId: scope.tenantId, siteId, day: { $gte: fromDay, $lte: toDay } }, { projection: withoutInternals })
    .toArray();
}
