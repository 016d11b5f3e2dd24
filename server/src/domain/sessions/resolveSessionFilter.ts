import type { DeviceClass } from "../../db/analyticsCollections.js";
import { AppError } from "../../errors/appError.js";
import { urlKeyOf } from "../sites/urlKey.js";
import type { SessionFilter } from "../../repositories/sessionRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { getSite } from "../sites/getSite.js";

/** The filters of sessions.list and of the sessions export, as the caller gives them. */
export interface SessionListFilter {
  siteId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** A page the session visited; matched by its normalised form (host and path), as reports count pages. */
  url?: string | undefined;
  deviceClass?: DeviceClass | undefined;
  browser?: string | undefined;
  minDurationMs?: number | undefined;
  hasRageClicks?: boolean | undefined;
  hasViolations?: boolean | undefined;
}

/**
 * Checks the filter's site and turns the URL into the key pages are stored under. A site filter
 * must name one of the tenant's sites: another tenant's site is NOT_FOUND, not an empty list.
 */
export async function resolveSessionFilter(scope: TenantScope, filter: SessionListFilter): Promise<SessionFilter> {
  if (filter.from && filter.to && filter.to <= filter.from) {
    throw new AppError("BAD_INPUT", { userMessage: "to: must be after from", field: "to" });
  }
  if (filter.siteId) await getSite(scope, filter.siteId);
  const { url, ...rest } = filter;
  return { ...rest, ...(url !== undefined ? { urlKey: urlKeyOf(url) } : {}) };
}
