import { z } from "zod";
import { complaintChannels, complaintStatuses } from "../../db/collections.js";
import { idSchema, tenantIdSchema, tenantInput } from "../common.schema.js";

const page = {
  limit: z.number().int("must be a whole number").min(1, "must be at least 1").max(200, "must be at most 200").default(50),
  cursor: z.string().max(200, "must be at most 200 characters").optional(),
};

export const listComplaintsInput = tenantInput.extend({ status: z.enum(complaintStatuses).optional(), ...page });

export const complaintInput = tenantInput.extend({ complaintId: idSchema("complaint") });

export const respondToComplaintInput = complaintInput.extend({
  /** What was said or written to the complainant (MS-4.3). */
  message: z.string().trim().min(1, "must not be empty").max(10_000, "must be at most 10000 characters"),
  channel: z.enum(complaintChannels),
});

export const setComplaintStatusInput = complaintInput.extend({
  status: z.enum(complaintStatuses),
  /** For `escalated-to-authority`: the regulatory authority, e.g. "Information Commissioner's Office". */
  authority: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
});

export const platformListComplaintsInput = z.strictObject({
  tenantId: tenantIdSchema.optional(),
  status: z.enum(complaintStatuses).optional(),
  ...page,
});
