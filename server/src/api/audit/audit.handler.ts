import type { z } from "zod";
import { listAuditLog } from "../../domain/audit/listAuditLog.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { listAuditLogInput, listAuditLogOutput } from "./audit.schema.js";

export async function listAuditLogHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof listAuditLogInput> }): Promise<z.infer<typeof listAuditLogOutput>> {
  const page = await listAuditLog(ctx.tenant.scope, {
    limit: input.limit,
    cursor: input.cursor,
    filter: {
      action: input.action,
      actorType: input.actorType,
      actorId: input.actorId,
      from: input.from === undefined ? undefined : new Date(input.from),
      to: input.to === undefined ? undefined : new Date(input.to),
    },
  });
  return {
    entries: page.entries.map((entry) => ({
      entryId: entry._id,
      at: entry.at.toISOString(),
      actor: { type: entry.actor.type, id: entry.actor.id, platform: entry.actor.type === "user" && entry.actor.platform },
      action: entry.action,
      target: entry.target,
      details: entry.details,
    })),
    nextCursor: page.nextCursor,
  };
}
