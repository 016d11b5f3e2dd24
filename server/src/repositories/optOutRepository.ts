import type { Db, Filter, ObjectId } from "mongodb";
import { analyticsCollections, type OptOutDoc } from "../db/analyticsCollections.js";
import type { TenantScope } from "./tenantScope.js";

/** MS-4.1: idempotent on (tenant, site, visitor key); true when this call stored it. */
export async function upsertOptOut(scope: TenantScope, optOut: { siteId: string; visitorKey: string; at: Date }): Promise<boolean> {
  const result = await analyticsCollections(scope.db).optOuts.updateOne(
    { tenantId: scope.tenantId, siteId: optOut.siteId, visitorKey: optOut.visitorKey },
    { $setOnInsert: { at: optOut.at } },
    { upsert: true },
  );
  return result.upsertedCount === 1;
}

export interface OptOutDayCount {
  siteId: string;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  optOuts: number;
}

/** Opt-outs per site and UTC day: counts only, never a key. */
export async function countOptOutsPerSiteDay(
  scope: TenantScope,
  filter: { siteId?: string | undefined; from?: Date | undefined; before?: Date | undefined },
): Promise<OptOutDayCount[]> {
  const match: Filter<OptOutDoc> = { tenantId: scope.tenantId };
  if (filter.siteId) match.siteId = filter.siteId;
  if (filter.from || filter.before) match.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.before ? { $lt: filter.before } : {}) };
  const rows = await analyticsCollections(scope.db)
    .optOuts.aggregate<{ _id: { siteId: string; day: string }; optOuts: number }>([
      { $match: match },
      { $group: { _id: { siteId: "$siteId", day: { $dateToString: { format: "%Y-%m-%d", date: "$at" } } }, optOuts: { $sum: 1 } } },
    ])
    .toArray();
  return rows.map((row) => ({ siteId: row._id.siteId, day: row._id.day, optOuts: row.optOuts }));
}

export function countOptOuts(scope: TenantScope, siteId: string | null): Promise<number> {
  return analyticsCollections(scope.db).optOuts.countDocuments({ tenantId: scope.tenantId, ...(siteId ? { siteId } : {}) });
}

export interface OptOutKey {
  tenantId: string;
  siteId: string;
  visitorKey: string;
}

/**
 * MS-4.1: which of these visitors opted out of the site each names, in one read: every clause is
 * the collection's whole unique key (tenant first), so each is an index lookup.
 */
export async function findOptOuts(db: Db, keys: readonly OptOutKey[]): Promise<OptOutKey[]> {
  if (keys.length === 0) return [];
  return analyticsCollections(db)
    .optOuts.find(
      { $or: keys.map(({ tenantId, siteId, visitorKey }) => ({ tenantId, siteId, visitorKey })) },
      { projection: { _id: 0, tenantId: 1, siteId: 1, visitorKey: 1 } },
    )
    .toArray();
}

export interface StoredOptOut {
  /** Opaque: the row's id, used as the paging cursor; never the visitor key. */
  optOutId: string;
  siteId: string;
  visitorKey: string;
  at: Date;
}

/** The tenant's opt-outs newest first, a page at a time, keyset-paginated on (at, _id). */
export async function listOptOutsPage(
  scope: TenantScope,
  options: { siteId?: string | undefined; limit: number; before?: { at: Date; id: ObjectId } | undefined },
): Promise<StoredOptOut[]> {
  const filter: Filter<OptOutDoc> = { tenantId: scope.tenantId };
  if (options.siteId) filter.siteId = options.siteId;
  if (options.before) filter.$or = [{ at: { $lt: options.before.at } }, { at: options.before.at, _id: { $lt: options.before.id } }];
  const rows = await analyticsCollections(scope.db).optOuts.find(filter).sort({ at: -1, _id: -1 }).limit(options.limit).toArray();
  return rows.map((row) => ({ optOutId: row._id.toHexString(), siteId: row.siteId, visitorKey: row.visitorKey, at: row.at }));
}

/**
 * Which of these visitors an erasure has fenced (the `erasure` mark on their opt-out), in one
 * read by the opt-outs' unique key: the derivation worker's check before it derives anything.
 */
export async function findErasureFences(db: Db, keys: readonly OptOutKey[]): Promise<OptOutKey[]> {
  if (keys.length === 0) return [];
  return analyticsCollections(db)
    .optOuts.find(
      { $or: keys.map(({ tenantId, siteId, visitorKey }) => ({ tenantId, siteId, visitorKey })), erasure: { $exists: true } },
      { projection: { _id: 0, tenantId: 1, siteId: 1, visitorKey: 1 } },
    )
    .toArray();
}

/**
 * The erasure fence (MS-4.1): the visitor's opt-out, stored if missing, marked with the erasure
 * that fenced them. Idempotent; the first erasure's mark stays. Returns whether the opt-out was
 * stored by this call.
 */
export async function fenceVisitorForErasure(scope: TenantScope, fence: { siteId: string; visitorKey: string; erasureId: string; at: Date }): Promise<boolean> {
  const optOuts = analyticsCollections(scope.db).optOuts;
  const key = { tenantId: scope.tenantId, siteId: fence.siteId, visitorKey: fence.visitorKey };
  const result = await optOuts.updateOne(key, { $setOnInsert: { at: fence.at } }, { upsert: true });
  await optOuts.updateOne({ ...key, erasure: { $exists: false } }, { $set: { erasure: { erasureId: fence.erasureId, fencedAt: fence.at } } });
  return result.upsertedCount === 1;
}
