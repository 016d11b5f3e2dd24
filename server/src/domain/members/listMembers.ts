import type { InvitationDoc, Role } from "../../db/collections.js";
import { listOpenInvitations } from "../../repositories/invitationRepository.js";
import { listMemberships } from "../../repositories/membershipRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { listUserContacts } from "../../repositories/userRepository.js";

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

export async function listMembers(scope: TenantScope, now: Date): Promise<{ members: Member[]; invitations: InvitationDoc[] }> {
  const memberships = await listMemberships(scope);
  const users = await listUserContacts(scope.db, memberships.map((m) => m.userId));
  const byId = new Map(users.map((user) => [user._id, user]));
  const members = memberships.flatMap((m) => {
    const user = byId.get(m.userId);
    return user ? [{ userId: m.userId, email: user.email, name: user.name, role: m.role, joinedAt: m.createdAt }] : [];
  });
  return { members, invitations: await listOpenInvitations(scope, now) };
}
