import type { Db } from "mongodb";
import { collections, type InvitationDoc } from "../db/collections.js";
import type { TenantScope } from "./tenantScope.js";

/** One open invitation per (tenant, email): inviting again replaces the previous token. */
export async function replaceInvitation(scope: TenantScope, invitation: Omit<InvitationDoc, "tenantId">): Promise<void> {
  const invitations = collections(scope.db).invitations;
  await invitations.deleteMany({ tenantId: scope.tenantId, email: invitation.email });
  await invitations.insertOne({ ...invitation, tenantId: scope.tenantId });
}

export function listOpenInvitations(scope: TenantScope, now: Date): Promise<InvitationDoc[]> {
  return collections(scope.db)
    .invitations.find({ tenantId: scope.tenantId, expiresAt: { $gt: now } })
    .sort({ createdAt: -1 })
    .limit(1000)
    .toArray();
}

export async function deleteInvitation(scope: TenantScope, email: string): Promise<boolean> {
  const result = await collections(scope.db).invitations.deleteOne({ tenantId: scope.tenantId, email });
  return result.deletedCount === 1;
}

/** An invitation is found by its token's id before its tenant is known: the token is the proof. */
export function findLiveInvitation(db: Db, invitationId: string, now: Date): Promise<InvitationDoc | null> {
  return collections(db).invitations.findOne({ _id: invitationId, expiresAt: { $gt: now } });
}

export async function deleteInvitationById(scope: TenantScope, invitationId: string): Promise<void> {
  await collections(scope.db).invitations.deleteOne({ _id: invitationId, tenantId: scope.tenantId });
}
