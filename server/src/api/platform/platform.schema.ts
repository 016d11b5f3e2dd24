import { z } from "zod";
import { isoDate } from "../common.schema.js";

export const listAllTenantsInput = z.strictObject({
  limit: z.number().int().min(1, "must be at least 1").max(500, "must be at most 500").default(100),
  search: z.string().trim().max(100, "must be at most 100 characters").optional(),
});

export const platformTenantOutput = z.object({
  tenantId: z.string(),
  name: z.string(),
  createdAt: isoDate,
  members: z.number().int(),
  sites: z.number().int(),
});

export const publishPolicyInput = z.strictObject({
  /** A complete policy document (see @mousetrail/policies schema/policyDocument.ts). */
  document: z.record(z.string(), z.unknown()),
});

export const publishPolicyOutput = z.object({ policyId: z.string(), version: z.number().int(), revisedOn: z.string() });
