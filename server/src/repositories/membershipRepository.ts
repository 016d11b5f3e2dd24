import type { Db } from "mongodb";
import { collections, type MembershipDoc, type Role } from "../db/collections.js";
import type { TenantScope } from "./tenantScope.js";

export function findMembership(scope: TenantScope, userId: string): Promise<MembershipDoc | null> {
  return collections(scope.db).memberships.findOne({ tenantId: scope.tenantId, userId });
}

/** A user's memberships across tenants: how they find the tenants they belong to. */
export function listMembershipsOfUser(db: Db, userId: string): Promise<MembershipDoc[]> {
  return collections(db).memberships.find({ userId }).limit(1000).toArray();
}

export function listMemberships(scope: TenantScope): Promise<MembershipDoc[]> {
  return collections(scope.db).memberships.find({ tenantId: scope.tenantId }).sort({ createdAt: 1 }).limit(5000).toArray();
}

export function countOwners(scope: TenantScope): Promise<number> {
  return collections(scope.db).memberships.countDocuments({ tenantId: scope.tenantId, role: "owner" });
}

/** Idempotent: adding an existing member keeps the original membership. */
export async function upsertMembership(
  scope: TenantScope,
  membership: Omit<MembershipDoc, "tenantId">,
): Promise<MembershipDoc> {
  const result = await collections(scope.db).memberships.findOneAndUpdate(
    { tenantId: scope.tenantId, userId: membership.userId },
    { $setOnInsert: { ...membership, tenantId: scope.tenantId } },
    { upsert: true, returnDocument: "after" },
  );
  return result ?? { ...membership, tenantId: scope.tenantId };
}

export function setMemberRole(scope: TenantScope, userId: string, role: Role): Promise<MembershipDoc | null> {
  return collections(scope.db).memberships.findOneAndUpdate(
    { tenantId: scope.tenantId, userId },
    { $set: { role } },
    { returnDocument: "after" },
  );
}

export async function deleteMembership(scope: TenantScope, userId: string): Promise<boolean> {
  const result = await collections(scope.db).memberships.deleteOne({ tenantId: scope.tenantId, userId });
  return result.deletedCount === 1;
}
