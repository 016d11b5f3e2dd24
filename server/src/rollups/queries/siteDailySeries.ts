import { findSiteDaily } from "../../repositories/rollupQueryRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { reportDays } from "./reportDays.js";

export interface SiteDay {
  day: string;
  sessions: number;
  pageViews: number;
  events: number;
  storedBytes: number;
  rageClicks: number;
  deadClicks: number;
  violations: number;
  /** Null on a day without a measured load. */
  averageLoadTimeMs: number | null;
}

/** MS-3.2: a site's figures for every day of the range, zero on days without visits. */
export async function siteDailySeries(scope: TenantScope, query: { siteId: string; fromDay: string; toDay: string }): Promise<SiteDay[]> {
  const days = reportDays(query);
  const byDay = new Map((await findSiteDaily(scope, query)).map((document) => [document.day, document]));
  return days.map((day) => {
    const document = byDay.get(day);
    return {
      day,
      sessions: document?.sessions ?? 0,
      pageViews: document?.pageViews ?? 0,
      events: document?.events ?? 0,
      storedBytes: document?.storedBytes ?? 0,
      rageClicks: document?.rageClicks ?? 0,
      deadClicks: document?.deadClicks ?? 0,
      violations: document?.violations ?? 0,
      averageLoadTimeMs: document?.loadTimeCount ? Math.round(document.loadTimeMsSum / document.loadTimeCount) : null,
    };
  });
}
