import { z } from "zod";
import { idSchema, isoDate, tenantInput } from "../common.schema.js";

export const optOutVerificationInput = tenantInput.extend({
  siteId: idSchema("site").optional(),
  limit: z.number().int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
  cursor: z.string().max(100, "must be at most 100 characters").optional(),
});

export const optOutVerificationOutput = z.object({
  optOuts: z.array(z.object({ optOutId: z.string(), siteId: z.string(), optedOutAt: isoDate, chunksStoredAfter: z.number().int() })),
  breached: z.number().int(),
  nextCursor: z.string().nullable(),
});
