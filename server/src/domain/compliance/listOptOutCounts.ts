import { AppError } from "../../errors/appError.js";
import { countOptOutsPerSiteDay, type OptOutDayCount } from "../../repositories/optOutRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { getSite } from "../sites/getSite.js";

const dayMs = 24 * 3600 * 1000;

export interface OptOutCounts {
  /** Newest day first, then by site. */
  days: OptOutDayCount[];
  total: number;
}

/**
 * MS-4.1 audit for compliance officers: how many visitors opted out, per site and UTC day,
 * between two days inclusive. Counts only: an opt-out's key never leaves the database.
 */
export async function listOptOutCounts(
  scope: TenantScope,
  filter: { siteId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<OptOutCounts> {
  if (filter.siteId) await getSite(scope, filter.siteId);
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError("BAD_INPUT", { userMessage: `to: must not be before from (${filter.from})`, field: "to" });
  }
  const days = await countOptOutsPerSiteDay(scope, {
    siteId: filter.siteId,
    from: filter.from ? new Date(`${filter.from}T00:00:00.000Z`) : undefined,
    before: filter.to ? new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + dayMs) : undefined,
  });
  days.sort((a, b) => (a.day === b.day ? a.siteId.localeCompare(b.siteId) : a.day < b.day ? 1 : -1));
  return { days, total: days.reduce((sum, row) => sum + row.optOuts, 0) };
}
