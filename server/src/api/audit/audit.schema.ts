import { z } from "zod";
import { isoDate, tenantInput } from "../common.schema.js";

const auditActorTypes = ["user", "apiKey", "system"] as const;

export const listAuditLogInput = tenantInput.extend({
  limit: z.number().int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
  cursor: z.string().max(200, "must be at most 200 characters").optional(),
  /** The start of an action's name: `site.` matches every site action, `apiKey.revoke` that one. */
  action: z
    .string()
    .min(1, "must not be empty")
    .max(100, "must be at most 100 characters")
    .regex(/^[A-Za-z0-9._-]+$/, "must be the start of an action name (letters, digits, '.', '_' or '-')")
    .optional(),
  actorType: z.enum(auditActorTypes).optional(),
  actorId: z.string().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
  /** Entries at or after this time. */
  from: isoDate.optional(),
  /** Entries before this time. */
  to: isoDate.optional(),
});

export const auditEntryOutput = z.object({
  entryId: z.string(),
  at: isoDate,
  actor: z.object({ type: z.enum(auditActorTypes), id: z.string(), platform: z.boolean() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  details: z.record(z.string(), z.unknown()),
});

export const listAuditLogOutput = z.object({ entries: z.array(auditEntryOutput), nextCursor: z.string().nullable() });
