import type { z } from "zod";
import { listOptOutCounts } from "../../domain/compliance/listOptOutCounts.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { optOutsInput, optOutsOutput } from "./optOuts.schema.js";

export function optOutsHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof optOutsInput> }): Promise<z.infer<typeof optOutsOutput>> {
  return listOptOutCounts(ctx.tenant.scope, { siteId: input.siteId, from: input.from, to: input.to });
}
