import type { Role } from "../../db/collections.js";
import { AppError, notFound } from "../../errors/appError.js";
import { countOwners, deleteMembership, findMembership } from "../../repositories/membershipRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";

export async function removeMember(call: TenantCall, input: { userId: string; callerRole: Role | null }): Promise<void> {
  const membership = await findMembership(call.scope, input.userId);
  if (!membership) throw notFound("Member");
  if (membership.role === "owner") {
    if (input.callerRole !== "owner") {
      throw new AppError("FORBIDDEN", { userMessage: "userId: only owners can remove an owner", field: "userId" });
    }
    if ((await countOwners(call.scope)) <= 1) {
      throw new AppError("CONFLICT", { userMessage: "userId: the last owner cannot be removed", field: "userId" });
    }
  }
  await deleteMembership(call.scope, input.userId);
  await recordAudit(call, "member.remove", { type: "user", id: input.userId }, { role: membership.role });
}
