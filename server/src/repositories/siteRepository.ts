import type { Db } from "mongodb";
import { collections, type SiteDoc } from "../db/collections.js";
import type { TenantScope } from "./tenantScope.js";

export async function insertSite(scope: TenantScope, site: Omit<SiteDoc, "tenantId">): Promise<SiteDoc> {
  const doc: SiteDoc = { ...site, tenantId: scope.tenantId };
  await collections(scope.db).sites.insertOne(doc);
  return doc;
}

export function findSite(scope: TenantScope, siteId: string): Promise<SiteDoc | null> {
  return collections(scope.db).sites.findOne({ tenantId: scope.tenantId, _id: siteId });
}

export function listSites(scope: TenantScope): Promise<SiteDoc[]> {
  return collections(scope.db).sites.find({ tenantId: scope.tenantId }).sort({ createdAt: -1 }).limit(1000).toArray();
}

export async function updateSite(
  scope: TenantScope,
  siteId: string,
  changes: Partial<Pick<SiteDoc, "name" | "allowedOrigins" | "siteKey" | "timeZone">>,
  now: Date,
): Promise<SiteDoc | null> {
  return collections(scope.db).sites.findOneAndUpdate(
    { tenantId: scope.tenantId, _id: siteId },
    { $set: { ...changes, updatedAt: now } },
    { returnDocument: "after" },
  );
}

export async function deleteSite(scope: TenantScope, siteId: string): Promise<boolean> {
  const result = await collections(scope.db).sites.deleteOne({ tenantId: scope.tenantId, _id: siteId });
  return result.deletedCount === 1;
}

/** A site by its public key, in whichever tenant: how the recorder's requests name their site (MS-2.1). */
export function findSiteByKey(db: Db, siteKey: string): Promise<SiteDoc | null> {
  return collections(db).sites.findOne({ siteKey });
}
