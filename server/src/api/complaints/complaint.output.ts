import { z } from "zod";
import { complaintCategories, complaintChannels, complaintStatuses, type AuditActor, type ComplaintDoc } from "../../db/collections.js";
import { closedComplaintRetentionDays, retentionStatement } from "../../domain/complaints/complaintRetention.js";
import { isoDate } from "../common.schema.js";

const actorOutput = z.object({ type: z.enum(["user", "apiKey", "system"]), id: z.string() });

const summaryFields = {
  complaintId: z.string(),
  reference: z.string(),
  siteId: z.string(),
  category: z.enum(complaintCategories),
  status: z.enum(complaintStatuses),
  receivedAt: isoDate,
  updatedAt: isoDate,
  responseCount: z.number().int(),
  escalatedTo: z.string().nullable(),
};

/** A line of the tenant's queue: whose complaint it is, not what it says. */
export const complaintSummaryOutput = z.object({ ...summaryFields, complainantName: z.string() });

export const complaintListOutput = z.object({ complaints: z.array(complaintSummaryOutput), nextCursor: z.string().nullable() });

/** The whole ticket, complainant's details included, for the tenant's compliance officers only. */
export const complaintOutput = z.object({
  ...summaryFields,
  complainant: z.object({ name: z.string(), email: z.string() }),
  message: z.string(),
  responses: z.array(z.object({ responseId: z.string(), at: isoDate, by: actorOutput, channel: z.enum(complaintChannels), message: z.string() })),
  statusHistory: z.array(z.object({ from: z.enum(complaintStatuses).nullable(), to: z.enum(complaintStatuses), at: isoDate, by: actorOutput })),
  escalation: z.object({ authority: z.string(), at: isoDate }).nullable(),
  retention: z.object({ days: z.number().int(), statement: z.string(), closedAt: isoDate.nullable(), deleteAfter: isoDate.nullable() }),
});

/** Platform staff's view: no complainant's details at all. */
export const platformComplaintOutput = z.object({ ...summaryFields, tenantId: z.string() });

export const platformComplaintListOutput = z.object({ complaints: z.array(platformComplaintOutput), nextCursor: z.string().nullable() });

function summaryOf(complaint: ComplaintDoc) {
  return {
    complaintId: complaint._id,
    reference: complaint.reference,
    siteId: complaint.siteId,
    category: complaint.category,
    status: complaint.status,
    receivedAt: complaint.receivedAt.toISOString(),
    updatedAt: complaint.updatedAt.toISOString(),
    responseCount: complaint.responses.length,
    escalatedTo: complaint.escalation?.authority ?? null,
  };
}

const actorOf = (actor: AuditActor) => ({ type: actor.type, id: actor.id });

export function toComplaintSummaryOutput(complaint: ComplaintDoc): z.infer<typeof complaintSummaryOutput> {
  return { ...summaryOf(complaint), complainantName: complaint.complainant.name };
}

export function toPlatformComplaintOutput(complaint: ComplaintDoc): z.infer<typeof platformComplaintOutput> {
  return { ...summaryOf(complaint), tenantId: complaint.tenantId };
}

export function toComplaintOutput(complaint: ComplaintDoc): z.infer<typeof complaintOutput> {
  return {
    ...summaryOf(complaint),
    complainant: { name: complaint.complainant.name, email: complaint.complainant.email },
    message: complaint.message,
    responses: complaint.responses.map((response) => ({
      responseId: response.responseId,
      at: response.at.toISOString(),
      by: actorOf(response.by),
      channel: response.channel,
      message: response.message,
    })),
    statusHistory: complaint.statusHistory.map((change) => ({ from: change.from, to: change.to, at: change.at.toISOString(), by: actorOf(change.by) })),
    escalation: complaint.escalation ? { authority: complaint.escalation.authority, at: complaint.escalation.at.toISOString() } : null,
    retention: {
      days: closedComplaintRetentionDays,
      statement: retentionStatement,
      closedAt: complaint.closedAt?.toISOString() ?? null,
      deleteAfter: complaint.deleteAfter?.toISOString() ?? null,
    },
  };
}
