import type { Db, Filter, UpdateFilter } from "mongodb";
import { complianceCollections, type ErasureDoc } from "../db/complianceCollections.js";
import type { TenantScope } from "./tenantScope.js";

export function erasureActiveKey(tenantId: string, siteId: string, visitorKey: string): string {
  return `${tenantId}:${siteId}:${visitorKey}`;
}

/** Inserts an erasure unless one of the same visitor is in progress; returns the one that stands. */
export async function insertErasureUnlessActive(scope: TenantScope, erasure: Omit<ErasureDoc, "tenantId" | "activeKey">): Promise<{ erasure: ErasureDoc; created: boolean }> {
  const activeKey = erasureActiveKey(scope.tenantId, erasure.siteId, erasure.visitorKey);
  const erasures = complianceCollections(scope.db).erasures;
  // Twice at most: the active erasure found on a conflict may finish before it is read.
  for (let attempt = 0; attempt < 2; attempt++) {
    const doc: ErasureDoc = { ...erasure, tenantId: scope.tenantId, activeKey };
    try {
      await erasures.insertOne(doc);
      return { erasure: doc, created: true };
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    const active = await erasures.findOne({ tenantId: scope.tenantId, activeKey });
    if (active) return { erasure: active, created: false };
  }
  throw new Error(`could not insert or find the active erasure of ${activeKey}`);
}

export function findErasure(scope: TenantScope, erasureId: string): Promise<ErasureDoc | null> {
  return complianceCollections(scope.db).erasures.findOne({ _id: erasureId, tenantId: scope.tenantId });
}

/** The tenant's erasures newest first (at most `limit`). */
export function listErasures(scope: TenantScope, options: { limit: number; siteId?: string | undefined }): Promise<ErasureDoc[]> {
  const filter: Filter<ErasureDoc> = { tenantId: scope.tenantId, ...(options.siteId ? { siteId: options.siteId } : {}) };
  return complianceCollections(scope.db).erasures.find(filter).sort({ requestedAt: -1, _id: -1 }).limit(options.limit).toArray();
}

/**
 * Takes the lease on an erasure that is not done, that nobody holds (or whose holder's lease ran
 * out) and that is not waiting for its final pass; the oldest request first. Returns the job as
 * it was before the claim, so the caller sees a lease left behind by a run that stopped (an
 * interruption), and the lease it now holds.
 */
export async function claimErasure(
  db: Db,
  options: { owner: string; now: Date; leaseMs: number; erasureId?: string; skip?: readonly string[] },
): Promise<{ before: ErasureDoc; lease: { owner: string; until: Date } } | null> {
  const filter: Filter<ErasureDoc> = {
    state: { $in: ["requested", "erasing", "finalPass", "sealed"] },
    $and: [
      { $or: [{ lease: null }, { "lease.until": { $lte: options.now } }] },
      { $or: [{ state: { $ne: "finalPass" } }, { finalPassAfter: { $lte: options.now } }] },
    ],
  };
  if (options.erasureId) filter._id = options.erasureId;
  else if (options.skip?.length) filter._id = { $nin: [...options.skip] };
  const lease = { owner: options.owner, until: new Date(options.now.getTime() + options.leaseMs) };
  const before = await complianceCollections(db).erasures.findOneAndUpdate(filter, { $set: { lease }, $inc: { attempts: 1 } }, { sort: { requestedAt: 1 }, returnDocument: "before" });
  return before ? { before, lease } : null;
}

/** An update of a job this owner holds; false when the lease was lost (another process took the job over). */
export async function updateHeldErasure(db: Db, erasureId: string, owner: string, update: UpdateFilter<ErasureDoc>): Promise<boolean> {
  const result = await complianceCollections(db).erasures.updateOne({ _id: erasureId, "lease.owner": owner }, update);
  return result.matchedCount === 1;
}

export function readErasure(db: Db, erasureId: string): Promise<ErasureDoc | null> {
  return complianceCollections(db).erasures.findOne({ _id: erasureId });
}

/** Best effort after a failed run: why it stopped, for the run that resumes it. */
export async function noteErasureFailure(db: Db, erasureId: string, owner: string, reason: string): Promise<void> {
  await complianceCollections(db).erasures.updateOne({ _id: erasureId, "lease.owner": owner }, { $set: { lastFailure: reason } as Partial<ErasureDoc> });
}
