import type { z } from "zod";
import { verifyOptOuts } from "../../domain/compliance/verifyOptOuts.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { optOutVerificationInput, optOutVerificationOutput } from "./optOutVerification.schema.js";

export async function optOutVerificationHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof optOutVerificationInput> }): Promise<z.infer<typeof optOutVerificationOutput>> {
  const result = await verifyOptOuts(ctx.tenant.scope, { siteId: input.siteId, limit: input.limit, cursor: input.cursor });
  return { ...result, optOuts: result.optOuts.map((row) => ({ ...row, optedOutAt: row.optedOutAt.toISOString() })) };
}
