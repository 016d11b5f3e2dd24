import { getSite } from "../../domain/sites/getSite.js";
import { topPages } from "../../repositories/reportQueryRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { reportDays } from "./reportDays.js";

export interface SitePage {
  urlKey: string;
  pageViews: number;
  clicks: number;
  rageClicks: number;
  deadClicks: number;
}

/** MS-3.1: the site's pages seen over the range, most viewed first, for choosing one; `search` matches part of the page key. */
export async function sitePages(scope: TenantScope, query: { siteId: string; fromDay: string; toDay: string; search?: string | undefined; limit: number }): Promise<SitePage[]> {
  reportDays(query);
  await getSite(scope, query.siteId);
  return (await topPages(scope, query)).map(({ urlKey, pageViews, clicks, rageClicks, deadClicks }) => ({ urlKey, pageViews, clicks, rageClicks, deadClicks }));
}
