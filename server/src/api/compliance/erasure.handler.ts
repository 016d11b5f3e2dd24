import type { z } from "zod";
import { getErasureStatus } from "../../domain/compliance/getErasureStatus.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { erasureInput } from "./erasure.schema.js";
import { toErasureStatusOutput, type erasureStatusOutput } from "./erasureStatus.output.js";

export async function erasureHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof erasureInput> }): Promise<z.infer<typeof erasureStatusOutput>> {
  return toErasureStatusOutput(await getErasureStatus(ctx.tenant.scope, input.erasureId), ctx.receiptSigningKey);
}
