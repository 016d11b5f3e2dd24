import { getSite } from "../../domain/sites/getSite.js";
import { breakdownDimensions, type BreakdownDimension } from "../../db/analyticsCollections.js";
import { findSiteDaily } from "../../repositories/rollupQueryRepository.js";
import { topBreakdownValues, topPages, type ValueCount } from "../../repositories/reportQueryRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { siteDailySeries, type SiteDay } from "./siteDailySeries.js";

export interface OverviewReport {
  sessions: number;
  pageViews: number;
  /** Null without sessions. */
  pagesPerSession: number | null;
  /** Share of the range's new sessions that saw one page; null without sessions. */
  bounceRate: number | null;
  averageLoadTimeMs: number | null;
  /** MS-3.2: the pages processed on each day of the range, with the rest of each day's figures. */
  days: SiteDay[];
  topPages: { urlKey: string; pageViews: number; averageLoadTimeMs: number | null }[];
  /** The top values of each dimension, most sessions first. */
  breakdowns: Record<BreakdownDimension, ValueCount[]>;
}

/**
 * MS-3.1, MS-3.2: a site's overview over a range of its days (the site's time zone: the rollups'
 * days are the site's local days at receipt), from the daily rollups, the bounces included (the
 * sessions created on each day that saw one page, counted as derivation adds their pages).
 */
export async function overviewReport(scope: TenantScope, query: { siteId: string; fromDay: string; toDay: string; limit: number }): Promise<OverviewReport> {
  await getSite(scope, query.siteId);
  const days = await siteDailySeries(scope, query);
  const [documents, pages, ...values] = await Promise.all([
    findSiteDaily(scope, query),
    topPages(scope, query),
    ...breakdownDimensions.map((dimension) => topBreakdownValues(scope, { ...query, dimension })),
  ]);
  const sum = (field: "sessions" | "pageViews") => days.reduce((total, day) => total + day[field], 0);
  const sessions = sum("sessions");
  const pageViews = sum("pageViews");
  const loadTimeMsSum = documents.reduce((total, day) => total + day.loadTimeMsSum, 0);
  const loadTimeCount = documents.reduce((total, day) => total + day.loadTimeCount, 0);
  const bounced = documents.reduce((total, day) => total + (day.bounces ?? 0), 0);
  return {
    sessions,
    pageViews,
    pagesPerSession: sessions === 0 ? null : Math.round((pageViews / sessions) * 100) / 100,
    bounceRate: sessions === 0 ? null : Math.round((bounced / sessions) * 1000) / 1000,
    averageLoadTimeMs: loadTimeCount === 0 ? null : Math.round(loadTimeMsSum / loadTimeCount),
    days,
    topPages: pages.map((page) => ({ urlKey: page.urlKey, pageViews: page.pageViews, averageLoadTimeMs: page.loadTimeCount ? Math.round(page.loadTimeMsSum / page.loadTimeCount) : null })),
    breakdowns: Object.fromEntries(breakdownDimensions.map((dimension, index) => [dimension, values[index] ?? []])) as Record<BreakdownDimension, ValueCount[]>,
  };
}
