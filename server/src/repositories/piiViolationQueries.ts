import { ObjectId, type Filter, type WithId } from "mongodb";
import { analyticsCollections, type PiiViolationDoc } from "../db/analyticsCollections.js";
import type { TenantScope } from "./tenantScope.js";

export interface ViolationPageCursor {
  detectedAt: Date;
  id: ObjectId;
}

/** Newest first, keyset-paginated on (detectedAt, _id) so pages stay stable while violations arrive. */
export function listViolationsNewestFirst(
  scope: TenantScope,
  options: { siteId?: string | undefined; limit: number; before?: ViolationPageCursor | undefined },
): Promise<WithId<PiiViolationDoc>[]> {
  const filter: Filter<PiiViolationDoc> = { tenantId: scope.tenantId, ...(options.siteId ? { siteId: options.siteId } : {}) };
  if (options.before) {
    const { detectedAt, id } = options.before;
    filter.$or = [{ detectedAt: { $lt: detectedAt } }, { detectedAt, _id: { $lt: id } }];
  }
  return analyticsCollections(scope.db).piiViolations.find(filter).sort({ detectedAt: -1, _id: -1 }).limit(options.limit).toArray();
}

export function isObjectIdHex(value: string): boolean {
  return /^[0-9a-f]{24}$/.test(value) && ObjectId.isValid(value);
}
