import type { Db } from "mongodb";
import { complianceCollections, type PurgeDoc } from "../db/complianceCollections.js";
import type { TenantScope } from "./tenantScope.js";

export function purgeActiveKey(tenantId: string, siteId: string | null): string {
  return `${tenantId}:${siteId ?? "*"}`;
}

/** Inserts a purge unless one of the same scope is in progress; returns the one that stands. */
export async function insertPurgeUnlessActive(scope: TenantScope, purge: Omit<PurgeDoc, "tenantId" | "activeKey">): Promise<{ purge: PurgeDoc; created: boolean }> {
  const activeKey = purgeActiveKey(scope.tenantId, purge.siteId);
  const purges = complianceCollections(scope.db).purges;
  // Twice at most: the active purge found on a conflict may finish before it is read.
  for (let attempt = 0; attempt < 2; attempt++) {
    const doc: PurgeDoc = { ...purge, tenantId: scope.tenantId, activeKey };
    try {
      await purges.insertOne(doc);
      return { purge: doc, created: true };
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    const active = await purges.findOne({ tenantId: scope.tenantId, activeKey });
    if (active) return { purge: active, created: false };
  }
  throw new Error(`could not insert or find the active purge of ${activeKey}`);
}

export function findPurge(scope: TenantScope, purgeId: string): Promise<PurgeDoc | null> {
  return complianceCollections(scope.db).purges.findOne({ _id: purgeId, tenantId: scope.tenantId });
}

/** The tenant's purges newest first, keyset-paginated on (requestedAt, _id). */
export function listPurges(scope: TenantScope, options: { limit: number; before?: { at: Date; id: string } | undefined }): Promise<PurgeDoc[]> {
  const before = options.before;
  const filter = before
    ? { tenantId: scope.tenantId, $or: [{ requestedAt: { $lt: before.at } }, { requestedAt: before.at, _id: { $lt: before.id } }] }
    : { tenantId: scope.tenantId };
  return complianceCollections(scope.db).purges.find(filter).sort({ requestedAt: -1, _id: -1 }).limit(options.limit).toArray();
}

/**
 * MS-1.7: the purge in progress that covers a site (its own, or its tenant's), if any: one read
 * by the unique active key, made by the site directory when it resolves a site key (so at most
 * once per site and cache period, not per batch).
 */
export async function findActivePurgeOf(db: Db, tenantId: string, siteId: string): Promise<string | null> {
  const active = await complianceCollections(db).purges.findOne(
    { activeKey: { $in: [purgeActiveKey(tenantId, siteId), purgeActiveKey(tenantId, null)] } },
    { projection: { _id: 1 } },
  );
  return active?._id ?? null;
}
