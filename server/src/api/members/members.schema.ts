import { z } from "zod";
import { roles } from "../../db/collections.js";
import { emailSchema, idSchema, isoDate, tenantInput } from "../common.schema.js";

const role = z.enum(roles);

export const memberOutput = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  joinedAt: isoDate,
});

export const invitationOutput = z.object({ email: z.string(), role, invitedAt: isoDate, expiresAt: isoDate });

export const listMembersOutput = z.object({ members: z.array(memberOutput), invitations: z.array(invitationOutput) });

export const inviteMemberInput = tenantInput.extend({ email: emailSchema, role });
export const inviteMemberOutput = z.object({
  /** Shown once: pass it to the invitee, who accepts it with auth.acceptInvitation. */
  invitationToken: z.string(),
  expiresAt: isoDate,
});

export const revokeInvitationInput = tenantInput.extend({ email: emailSchema });
export const changeMemberRoleInput = tenantInput.extend({ userId: idSchema("user"), role });
export const removeMemberInput = tenantInput.extend({ userId: idSchema("user") });
