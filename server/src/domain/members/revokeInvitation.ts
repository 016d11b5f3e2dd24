import { notFound } from "../../errors/appError.js";
import { deleteInvitation } from "../../repositories/invitationRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";

export async function revokeInvitation(call: TenantCall, email: string): Promise<void> {
  const normalized = email.trim().toLowerCase();
  if (!(await deleteInvitation(call.scope, normalized))) throw notFound("Invitation");
  await recordAudit(call, "member.revokeInvitation", { type: "invitation", id: normalized });
}
