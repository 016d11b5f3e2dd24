import type { MousetrailClient, RouterOutputs } from "@mousetrail/client-sdk";
import { createResource } from "solid-js";
import type { DayRange } from "./reportRange.js";

export type Overview = RouterOutputs["reports"]["overview"];
export type OverviewDay = Overview["days"][number];
export type SitePage = RouterOutputs["reports"]["pages"][number];
export type BreakdownName = keyof Overview["breakdowns"];

/** Values listed per breakdown, and pages in the top pages table. */
export const overviewLimit = 10;
export const topPagesLimit = 20;

/** A site's overview and its top pages over a range; nothing is asked while the range is not valid (null). */
export function createOverviewStore(api: MousetrailClient, tenantId: string, siteId: string, range: () => DayRange | null) {
  const [overview] = createResource(range, (days) => api.reports.overview.query({ tenantId, siteId, ...days, limit: overviewLimit }));
  const [pages] = createResource(range, (days) => api.reports.pages.query({ tenantId, siteId, ...days, limit: topPagesLimit }));
  return { overview, pages };
}
