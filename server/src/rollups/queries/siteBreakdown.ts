import { getSite } from "../../domain/sites/getSite.js";
import type { BreakdownDimension } from "../../db/analyticsCollections.js";
import { topBreakdownValues, type ValueCount } from "../../repositories/reportQueryRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { reportDays } from "./reportDays.js";

/** MS-3.1: one breakdown of the overview (browser, OS, referrer...) with more values than the overview lists. */
export async function siteBreakdown(scope: TenantScope, query: { siteId: string; dimension: BreakdownDimension; fromDay: string; toDay: string; limit: number }): Promise<ValueCount[]> {
  reportDays(query);
  await getSite(scope, query.siteId);
  return topBreakdownValues(scope, query);
}
