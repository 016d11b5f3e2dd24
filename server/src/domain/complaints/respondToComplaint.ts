import type { ComplaintChannel, ComplaintDoc } from "../../db/collections.js";
import { randomToken } from "../../db/ids.js";
import { AppError, notFound } from "../../errors/appError.js";
import { findComplaint, updateComplaint } from "../../repositories/complaintRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { getComplaint } from "./getComplaint.js";

/**
 * MS-4.3 "it is our policy to contact the complaining user": records one contact with the
 * complainant (who, when, by which channel, what was said). The first response to an open
 * ticket puts it in progress. The audit entry names the ticket and response, not their content.
 */
export async function respondToComplaint(call: TenantCall, complaintId: string, response: { channel: ComplaintChannel; message: string }): Promise<ComplaintDoc> {
  const complaint = await getComplaint(call.scope, complaintId);
  const startsWork = complaint.status === "open";
  const entry = { responseId: `rsp_${randomToken(16)}`, at: call.now, by: call.actor, channel: response.channel, message: response.message };
  const updated = await updateComplaint(call.scope, complaintId, complaint.status, {}, {
    $push: {
      responses: entry,
      ...(startsWork ? { statusHistory: { from: "open", to: "in-progress", at: call.now, by: call.actor } } : {}),
    },
    $set: { updatedAt: call.now, ...(startsWork ? { status: "in-progress" as const } : {}) },
  });
  if (!updated) {
    if (!(await findComplaint(call.scope, complaintId))) throw notFound("Complaint");
    throw new AppError("CONFLICT", { userMessage: "The complaint was changed by someone else meanwhile; reload it and try again" });
  }
  await recordAudit(call, "complaint.respond", { type: "complaint", id: complaintId }, { responseId: entry.responseId, status: updated.status });
  return updated;
}
