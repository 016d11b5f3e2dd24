import type { ComplaintDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import { findComplaint } from "../../repositories/complaintRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";

export async function getComplaint(scope: TenantScope, complaintId: string): Promise<ComplaintDoc> {
  const complaint = await findComplaint(scope, complaintId);
  if (!complaint) throw notFound("Complaint");
  return complaint;
}
