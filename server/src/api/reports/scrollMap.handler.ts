import type { z } from "zod";
import { scrollMap } from "../../rollups/queries/scrollMap.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { scrollMapInput, scrollMapOutput } from "./scrollMap.schema.js";

export function scrollMapHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof scrollMapInput> }): Promise<z.infer<typeof scrollMapOutput>> {
  const { tenantId: _tenantId, ...query } = input;
  return scrollMap(ctx.tenant.scope, query);
}
