import type { Breakpoint } from "../../db/analyticsCollections.js";
import { getSite } from "../../domain/sites/getSite.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { scrollDepths, type ScrollDepths } from "./scrollDepths.js";

/** MS-1.4, MS-3.1: a page's scroll map at a breakpoint over a range of the site's days; a site of another tenant is not found. */
export async function scrollMap(scope: TenantScope, query: { siteId: string; urlKey: string; breakpoint: Breakpoint; fromDay: string; toDay: string }): Promise<ScrollDepths> {
  await getSite(scope, query.siteId);
  return scrollDepths(scope, query);
}
