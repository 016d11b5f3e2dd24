import type { Filter, UpdateFilter } from "mongodb";
import { collections, type ComplaintDoc, type ComplaintStatus } from "../db/collections.js";
import type { TenantScope } from "./tenantScope.js";

export async function insertComplaint(scope: TenantScope, complaint: Omit<ComplaintDoc, "tenantId">): Promise<ComplaintDoc> {
  const doc: ComplaintDoc = { ...complaint, tenantId: scope.tenantId };
  await collections(scope.db).complaints.insertOne(doc);
  return doc;
}

export function findComplaint(scope: TenantScope, complaintId: string): Promise<ComplaintDoc | null> {
  return collections(scope.db).complaints.findOne({ tenantId: scope.tenantId, _id: complaintId });
}

export interface ComplaintPageCursor {
  receivedAt: Date;
  id: string;
}

/** Newest first, keyset-paginated on (receivedAt, _id); `tenantId` null lists every tenant's (platform staff only). */
export function listComplaintPage(
  scope: { db: TenantScope["db"]; tenantId: string | null },
  options: { status?: ComplaintStatus | undefined; limit: number; before?: ComplaintPageCursor | undefined },
): Promise<ComplaintDoc[]> {
  const before = options.before;
  const filter: Filter<ComplaintDoc> = {
    ...(scope.tenantId !== null ? { tenantId: scope.tenantId } : {}),
    ...(options.status ? { status: options.status } : {}),
    ...(before ? { $or: [{ receivedAt: { $lt: before.receivedAt } }, { receivedAt: before.receivedAt, _id: { $lt: before.id } }] } : {}),
  };
  return collections(scope.db).complaints.find(filter).sort({ receivedAt: -1, _id: -1 }).limit(options.limit).toArray();
}

/**
 * Applies `update` only if the ticket is still in `expectedStatus` (and matches `guard`), so
 * two officers acting at once cannot skip a rule: null when it is gone or has changed.
 */
export function updateComplaint(
  scope: TenantScope,
  complaintId: string,
  expectedStatus: ComplaintStatus,
  guard: Filter<ComplaintDoc>,
  update: UpdateFilter<ComplaintDoc>,
): Promise<ComplaintDoc | null> {
  return collections(scope.db).complaints.findOneAndUpdate(
    { ...guard, tenantId: scope.tenantId, _id: complaintId, status: expectedStatus },
    update,
    { returnDocument: "after" },
  );
}
