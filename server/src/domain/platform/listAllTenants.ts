import type { Db } from "mongodb";
import { collections } from "../../db/collections.js";

export interface PlatformTenantSummary {
  tenantId: string;
  name: string;
  createdAt: Date;
  members: number;
  sites: number;
}

/** For platform staff only (ToS enforcement): every tenant with its size, newest first. */
export async function listAllTenants(db: Db, options: { limit: number; search?: string | undefined }): Promise<PlatformTenantSummary[]> {
  const { tenants, memberships, sites } = collections(db);
  const filter = options.search ? { name: { $regex: escapeRegex(options.search), $options: "i" } } : {};
  const page = await tenants.find(filter).sort({ createdAt: -1 }).limit(options.limit).toArray();
  const ids = page.map((tenant) => tenant._id);
  const [memberCounts, siteCounts] = await Promise.all([
    memberships.aggregate<{ _id: string; n: number }>([{ $match: { tenantId: { $in: ids } } }, { $group: { _id: "$tenantId", n: { $sum: 1 } } }]).toArray(),
    sites.aggregate<{ _id: string; n: number }>([{ $match: { tenantId: { $in: ids } } }, { $group: { _id: "$tenantId", n: { $sum: 1 } } }]).toArray(),
  ]);
  const count = (rows: { _id: string; n: number }[], id: string) => rows.find((row) => row._id === id)?.n ?? 0;
  return page.map((tenant) => ({
    tenantId: tenant._id,
    name: tenant.name,
    createdAt: tenant.createdAt,
    members: count(memberCounts, tenant._id),
    sites: count(siteCounts, tenant._id),
  }));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
