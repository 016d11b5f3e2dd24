import type { ComplaintDoc, ComplaintStatus } from "../../db/collections.js";
import { AppError, notFound } from "../../errors/appError.js";
import { findComplaint, updateComplaint } from "../../repositories/complaintRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { deleteAfterOf, isClosedStatus } from "./complaintRetention.js";
import { canMove } from "./complaintTransitions.js";
import { getComplaint } from "./getComplaint.js";

const noResponseYet =
  "A complaint cannot be resolved or closed before a response to the complainant has been recorded (MS-4.3: the complainant is contacted); record how you contacted them with complaints.respond first";

/**
 * Moves a ticket along (see complaintTransitions.ts). MS-4.3: it cannot be resolved or closed
 * until the complainant has been contacted, and escalating names the regulatory authority it
 * went to. Resolving or closing starts the retention clock; reopening stops it. Setting the
 * status it already has changes nothing.
 */
export async function setComplaintStatus(
  call: TenantCall,
  complaintId: string,
  change: { status: ComplaintStatus; authority?: string | undefined },
): Promise<ComplaintDoc> {
  const { status, authority } = change;
  if (status === "escalated-to-authority" && !authority) {
    throw new AppError("BAD_INPUT", { userMessage: "authority: name the regulatory authority the complaint is referred to", field: "authority" });
  }
  if (status !== "escalated-to-authority" && authority !== undefined) {
    throw new AppError("BAD_INPUT", { userMessage: "authority: only for the status escalated-to-authority", field: "authority" });
  }
  const complaint = await getComplaint(call.scope, complaintId);
  if (complaint.status === status) return complaint;
  if (!canMove(complaint.status, status)) {
    throw new AppError("CONFLICT", { userMessage: `A complaint cannot go from ${complaint.status} to ${status}`, field: "status" });
  }
  const closing = isClosedStatus(status);
  if (closing && complaint.responses.length === 0) throw new AppError("CONFLICT", { userMessage: noResponseYet, field: "status" });

  const updated = await updateComplaint(
    call.scope,
    complaintId,
    complaint.status,
    // Checked again in the write itself, so a response cannot be "seen" that is not stored.
    closing ? { "responses.0": { $exists: true } } : {},
    {
      $set: {
        status,
        updatedAt: call.now,
        closedAt: closing ? call.now : null,
        deleteAfter: closing ? deleteAfterOf(call.now) : null,
        ...(authority ? { escalation: { authority, at: call.now } } : {}),
      },
      $push: { statusHistory: { from: complaint.status, to: status, at: call.now, by: call.actor } },
    },
  );
  if (!updated) {
    const current = await findComplaint(call.scope, complaintId);
    if (!current) throw notFound("Complaint");
    if (closing && current.responses.length === 0) throw new AppError("CONFLICT", { userMessage: noResponseYet, field: "status" });
    throw new AppError("CONFLICT", { userMessage: "The complaint was changed by someone else meanwhile; reload it and try again" });
  }
  await recordAudit(call, "complaint.setStatus", { type: "complaint", id: complaintId }, { from: complaint.status, to: status });
  return updated;
}
