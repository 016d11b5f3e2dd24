import { z } from "zod";
import { idSchema, isoDate, tenantInput } from "../common.schema.js";

export const violationsInput = tenantInput.extend({
  siteId: idSchema("site").optional(),
  limit: z.number().int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
  cursor: z.string().max(200, "must be at most 200 characters").optional(),
});

export const violationsOutput = z.object({
  violations: z.array(
    z.object({
      kind: z.string(),
      siteId: z.string(),
      /** The recording session the PII was found in; null for a survey answer. */
      sessionKey: z.string().nullable(),
      /** Where in what was sent: `events.12.data.texts.0.value`, `page.url`, … Never the value. */
      location: z.string(),
      detectedAt: isoDate,
    }),
  ),
  nextCursor: z.string().nullable(),
});
