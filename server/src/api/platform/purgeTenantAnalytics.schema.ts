import { z } from "zod";
import { idSchema, tenantIdSchema } from "../common.schema.js";

export const purgeTenantAnalyticsInput = z.strictObject({
  tenantId: tenantIdSchema,
  /** The terms breach that justifies it: on the receipt and in both audit logs. */
  reason: z.string().trim().min(10, "must say why, in at least 10 characters").max(1000, "must be at most 1000 characters"),
});

export const platformPurgeReceiptInput = z.strictObject({ tenantId: tenantIdSchema, purgeId: idSchema("purge") });
