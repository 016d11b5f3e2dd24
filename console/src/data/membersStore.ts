import type { MousetrailClient, RouterOutputs } from "@mousetrail/client-sdk";
import { createResource } from "solid-js";
import type { Role } from "../pages/t/tenantContext.js";

export type MemberList = RouterOutputs["members"]["list"];

/** Members and pending invitations of one tenant. */
export function createMembersStore(api: MousetrailClient, tenantId: string) {
  const [members, { refetch }] = createResource(() => api.members.list.query({ tenantId }));
  return {
    members,
    /** The link carries the token in its fragment; it is shown once, the server keeps only a hash. */
    async invite(email: string, role: Role): Promise<{ link: string; expiresAt: string }> {
      const { invitationToken, expiresAt } = await api.members.invite.mutate({ tenantId, email, role });
      await refetch();
      return { link: invitationLink(window.location.origin, invitationToken), expiresAt };
    },
    async revokeInvitation(email: string): Promise<void> {
      await api.members.revokeInvitation.mutate({ tenantId, email });
      await refetch();
    },
    async changeRole(userId: string, role: Role): Promise<void> {
      await api.members.changeRole.mutate({ tenantId, userId, role });
      await refetch();
    },
    async remove(userId: string): Promise<void> {
      await api.members.remove.mutate({ tenantId, userId });
      await refetch();
    },
  };
}

export function invitationLink(origin: string, token: string): string {
  return `${origin}/invitation#token=${encodeURIComponent(token)}`;
}
