import { findPageDaily } from "../../repositories/rollupQueryRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { reportDays } from "./reportDays.js";

export interface PageDay {
  day: string;
  pageViews: number;
  clicks: number;
  rageClicks: number;
  deadClicks: number;
  /** Null on a day without a measured load. */
  averageLoadTimeMs: number | null;
}

/** MS-3.1, MS-3.2: one page's figures for every day of the range, zero on days without visits. */
export async function pageDailySeries(scope: TenantScope, query: { siteId: string; urlKey: string; fromDay: string; toDay: string }): Promise<PageDay[]> {
  const days = reportDays(query);
  const byDay = new Map((await findPageDaily(scope, query)).map((document) => [document.day, document]));
  return days.map((day) => {
    const document = byDay.get(day);
    return {
      day,
      pageViews: document?.pageViews ?? 0,
      clicks: document?.clicks ?? 0,
      rageClicks: document?.rageClicks ?? 0,
      deadClicks: document?.deadClicks ?? 0,
      averageLoadTimeMs: document?.loadTimeCount ? Math.round(document.loadTimeMsSum / document.loadTimeCount) : null,
    };
  });
}
