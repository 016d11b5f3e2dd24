import type { z } from "zod";
import { getComplaint } from "../../domain/complaints/getComplaint.js";
import { listComplaints } from "../../domain/complaints/listComplaints.js";
import { respondToComplaint } from "../../domain/complaints/respondToComplaint.js";
import { setComplaintStatus } from "../../domain/complaints/setComplaintStatus.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import { toComplaintOutput, toComplaintSummaryOutput, type complaintListOutput, type complaintOutput } from "./complaint.output.js";
import type { complaintInput, listComplaintsInput, respondToComplaintInput, setComplaintStatusInput } from "./complaint.schema.js";

type ComplaintOutput = z.infer<typeof complaintOutput>;
type Args<TInput extends z.ZodType> = { ctx: TenantProcedureContext; input: z.infer<TInput> };

export async function listComplaintsHandler({ ctx, input }: Args<typeof listComplaintsInput>): Promise<z.infer<typeof complaintListOutput>> {
  const page = await listComplaints(ctx.tenant.scope, { status: input.status, limit: input.limit, cursor: input.cursor });
  return { complaints: page.complaints.map(toComplaintSummaryOutput), nextCursor: page.nextCursor };
}

export async function getComplaintHandler({ ctx, input }: Args<typeof complaintInput>): Promise<ComplaintOutput> {
  return toComplaintOutput(await getComplaint(ctx.tenant.scope, input.complaintId));
}

export async function respondToComplaintHandler({ ctx, input }: Args<typeof respondToComplaintInput>): Promise<ComplaintOutput> {
  return toComplaintOutput(await respondToComplaint(tenantCallOf(ctx), input.complaintId, { channel: input.channel, message: input.message }));
}

export async function setComplaintStatusHandler({ ctx, input }: Args<typeof setComplaintStatusInput>): Promise<ComplaintOutput> {
  return toComplaintOutput(await setComplaintStatus(tenantCallOf(ctx), input.complaintId, { status: input.status, authority: input.authority }));
}
