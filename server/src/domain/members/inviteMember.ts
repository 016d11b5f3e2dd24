import type { Role } from "../../db/collections.js";
import { AppError } from "../../errors/appError.js";
import { replaceInvitation } from "../../repositories/invitationRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { invitationIdOf, invitationLifetimeMs, newInvitationToken } from "./invitationToken.js";

/**
 * An invitation token, returned once, for the admin to pass on. The invitee accepts it with
 * `auth.acceptInvitation` (signing up if they have no account yet).
 */
export async function inviteMember(
  call: TenantCall,
  input: { email: string; role: Role; inviterRole: Role | null },
): Promise<{ token: string; expiresAt: Date }> {
  if (input.role === "owner" && input.inviterRole !== "owner") {
    throw new AppError("FORBIDDEN", { userMessage: "role: only owners can invite owners", field: "role" });
  }
  const token = newInvitationToken();
  const email = input.email.trim().toLowerCase();
  const expiresAt = new Date(call.now.getTime() + invitationLifetimeMs);
  await replaceInvitation(call.scope, {
    _id: invitationIdOf(token),
    email,
    role: input.role,
    invitedBy: call.actor.id,
    createdAt: call.now,
    expiresAt,
  });
  await recordAudit(call, "member.invite", { type: "invitation", id: email }, { role: input.role });
  return { token, expiresAt };
}
