import type { Db } from "mongodb";
import { collections, type TenantDoc } from "../db/collections.js";
import type { TenantScope } from "./tenantScope.js";

export async function insertTenant(db: Db, tenant: TenantDoc): Promise<void> {
  await collections(db).tenants.insertOne(tenant);
}

export function findTenant(scope: TenantScope): Promise<TenantDoc | null> {
  return collections(scope.db).tenants.findOne({ _id: scope.tenantId });
}

export function setTenantName(scope: TenantScope, name: string): Promise<TenantDoc | null> {
  return collections(scope.db).tenants.findOneAndUpdate({ _id: scope.tenantId }, { $set: { name } }, { returnDocument: "after" });
}

/** The user's own tenants: the ids come from their memberships. */
export function listTenantsByIds(db: Db, tenantIds: readonly string[]): Promise<TenantDoc[]> {
  return collections(db).tenants.find({ _id: { $in: [...tenantIds] } }).toArray();
}

/**
 * Platform staff only (ToS enforcement): every tenant, newest first, with how many members and
 * sites each has. `nameContains` is matched literally, ignoring case.
 */
export async function listTenantsWithSizes(
  db: Db,
  options: { limit: number; nameContains?: string | undefined },
): Promise<{ tenant: TenantDoc; members: number; sites: number }[]> {
  const { tenants, memberships, sites } = collections(db);
  const filter = options.nameContains ? { name: { $regex: escapeRegex(options.nameContains), $options: "i" } } : {};
  const page = await tenants.find(filter).sort({ createdAt: -1 }).limit(options.limit).toArray();
  const ids = page.map((tenant) => tenant._id);
  const countPerTenant = [{ $match: { tenantId: { $in: ids } } }, { $group: { _id: "$tenantId", n: { $sum: 1 } } }];
  const [memberCounts, siteCounts] = await Promise.all([
    memberships.aggregate<{ _id: string; n: number }>(countPerTenant).toArray(),
    sites.aggregate<{ _id: string; n: number }>(countPerTenant).toArray(),
  ]);
  const count = (rows: { _id: string; n: number }[], id: string) => rows.find((row) => row._id === id)?.n ?? 0;
  return page.map((tenant) => ({ tenant, members: count(memberCounts, tenant._id), sites: count(siteCounts, tenant._id) }));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
