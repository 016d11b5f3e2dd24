import type { z } from "zod";
import { listErasureStatuses } from "../../domain/compliance/getErasureStatus.js";
import type { TenantProcedureContext } from "../trpc.js";
import { toErasureStatusOutput } from "./erasureStatus.output.js";
import type { erasuresInput, erasuresOutput } from "./erasures.schema.js";

export async function erasuresHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof erasuresInput> }): Promise<z.infer<typeof erasuresOutput>> {
  const statuses = await listErasureStatuses(ctx.tenant.scope, { limit: input.limit, siteId: input.siteId });
  return { erasures: statuses.map((status) => toErasureStatusOutput(status, ctx.receiptSigningKey)) };
}
