import type { ObjectId } from "mongodb";
import type { AnalyticsCollectionName } from "../db/analyticsCollections.js";
import type { TenantScope } from "./tenantScope.js";

/** Any analytics collection, by name: all of them carry tenantId and siteId, and ObjectId ids given by the driver. */
function analyticsCollection(scope: TenantScope, name: AnalyticsCollectionName) {
  return scope.db.collection<{ _id: ObjectId; tenantId: string; siteId: string }>(name);
}

function tenantFilter(scope: TenantScope, siteId: string | null) {
  return { tenantId: scope.tenantId, ...(siteId ? { siteId } : {}) };
}

/** The ids of up to `limit` documents of the tenant (or of one of its sites). */
export async function selectTenantDocumentIds(scope: TenantScope, name: AnalyticsCollectionName, siteId: string | null, limit: number): Promise<ObjectId[]> {
  const found = await analyticsCollection(scope, name).find(tenantFilter(scope, siteId), { projection: { _id: 1 } }).limit(limit).toArray();
  return found.map((document) => document._id);
}

/** Deletes the given documents, and only if they are the tenant's. */
export async function deleteTenantDocumentsById(scope: TenantScope, name: AnalyticsCollectionName, ids: readonly ObjectId[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await analyticsCollection(scope, name).deleteMany({ tenantId: scope.tenantId, _id: { $in: [...ids] } });
  return result.deletedCount;
}

export function countTenantDocuments(scope: TenantScope, name: AnalyticsCollectionName, siteId: string | null): Promise<number> {
  return analyticsCollection(scope, name).countDocuments(tenantFilter(scope, siteId));
}
