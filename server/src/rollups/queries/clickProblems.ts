import { getSite } from "../../domain/sites/getSite.js";
import { topClickProblems, type ClickProblem } from "../../repositories/reportQueryRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { reportDays } from "./reportDays.js";

/**
 * MS-3.1: where visitors hammer (rage clicks: bursts) or click without effect (dead clicks), per
 * page and element, most first, over a range of the site's days; one page or the whole site.
 */
export async function clickProblems(scope: TenantScope, query: { siteId: string; urlKey?: string | undefined; fromDay: string; toDay: string; limit: number }): Promise<ClickProblem[]> {
  reportDays(query);
  await getSite(scope, query.siteId);
  return topClickProblems(scope, query);
}
