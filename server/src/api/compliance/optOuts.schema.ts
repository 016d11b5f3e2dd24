import { z } from "zod";
import { idSchema, tenantInput } from "../common.schema.js";

const day = z.iso.date("must be a day like 2025-01-31");

export const optOutsInput = tenantInput.extend({
  siteId: idSchema("site").optional(),
  /** First UTC day counted. */
  from: day.optional(),
  /** Last UTC day counted (inclusive). */
  to: day.optional(),
});

export const optOutsOutput = z.object({
  days: z.array(z.object({ siteId: z.string(), day: z.string(), optOuts: z.number().int() })),
  total: z.number().int(),
});
