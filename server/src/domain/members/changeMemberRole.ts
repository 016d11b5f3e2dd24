import type { MembershipDoc, Role } from "../../db/collections.js";
import { AppError, notFound } from "../../errors/appError.js";
import { countOwners, findMembership, setMemberRole } from "../../repositories/membershipRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";

/** Only owners make or unmake owners, and a tenant always keeps at least one owner. */
export async function changeMemberRole(
  call: TenantCall,
  input: { userId: string; role: Role; callerRole: Role | null },
): Promise<MembershipDoc> {
  const current = await findMembership(call.scope, input.userId);
  if (!current) throw notFound("Member");
  if ((current.role === "owner" || input.role === "owner") && input.callerRole !== "owner") {
    throw new AppError("FORBIDDEN", { userMessage: "role: only owners can grant or remove the owner role", field: "role" });
  }
  if (current.role === "owner" && input.role !== "owner" && (await countOwners(call.scope)) <= 1) {
    throw new AppError("CONFLICT", { userMessage: "role: the last owner cannot be demoted; make someone else owner first", field: "role" });
  }
  const updated = await setMemberRole(call.scope, input.userId, input.role);
  if (!updated) throw notFound("Member");
  await recordAudit(call, "member.changeRole", { type: "user", id: input.userId }, { from: current.role, to: input.role });
  return updated;
}
