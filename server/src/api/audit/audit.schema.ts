import { z } from "zod";
import { isoDate, tenantInput } from "../common.schema.js";

export const listAuditLogInput = tenantInput.extend({
  limit: z.number().int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
  cursor: z.string().max(200, "must be at most 200 characters").optional(),
});

export const auditEntryOutput = z.object({
  entryId: z.string(),
  at: isoDate,
  actor: z.object({ type: z.enum(["user", "apiKey", "system"]), id: z.string(), platform: z.boolean() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  details: z.record(z.string(), z.unknown()),
});

export const listAuditLogOutput = z.object({ entries: z.array(auditEntryOutput), nextCursor: z.string().nullable() });
