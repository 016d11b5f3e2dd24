import type { z } from "zod";
import { changeMemberRole } from "../../domain/members/changeMemberRole.js";
import { inviteMember } from "../../domain/members/inviteMember.js";
import { listMembers } from "../../domain/members/listMembers.js";
import { removeMember } from "../../domain/members/removeMember.js";
import { revokeInvitation } from "../../domain/members/revokeInvitation.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import type {
  changeMemberRoleInput,
  inviteMemberInput,
  inviteMemberOutput,
  listMembersOutput,
  memberOutput,
  removeMemberInput,
  revokeInvitationInput,
} from "./members.schema.js";

type Args<TInput extends z.ZodType> = { ctx: TenantProcedureContext; input: z.infer<TInput> };

export async function listMembersHandler({ ctx }: { ctx: TenantProcedureContext }): Promise<z.infer<typeof listMembersOutput>> {
  const { members, invitations } = await listMembers(ctx.tenant.scope, ctx.now());
  return {
    members: members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })),
    invitations: invitations.map((i) => ({
      email: i.email,
      role: i.role,
      invitedAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
    })),
  };
}

export async function inviteMemberHandler({ ctx, input }: Args<typeof inviteMemberInput>): Promise<z.infer<typeof inviteMemberOutput>> {
  const invitation = await inviteMember(tenantCallOf(ctx), { email: input.email, role: input.role, inviterRole: ctx.tenant.role });
  return { invitationToken: invitation.token, expiresAt: invitation.expiresAt.toISOString() };
}

export async function revokeInvitationHandler({ ctx, input }: Args<typeof revokeInvitationInput>): Promise<{ revoked: true }> {
  await revokeInvitation(tenantCallOf(ctx), input.email);
  return { revoked: true };
}

export async function changeMemberRoleHandler({ ctx, input }: Args<typeof changeMemberRoleInput>): Promise<Pick<z.infer<typeof memberOutput>, "userId" | "role">> {
  const membership = await changeMemberRole(tenantCallOf(ctx), { userId: input.userId, role: input.role, callerRole: ctx.tenant.role });
  return { userId: membership.userId, role: membership.role };
}

export async function removeMemberHandler({ ctx, input }: Args<typeof removeMemberInput>): Promise<{ removed: true }> {
  await removeMember(tenantCallOf(ctx), { userId: input.userId, callerRole: ctx.tenant.role });
  return { removed: true };
}
