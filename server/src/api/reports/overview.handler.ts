import type { z } from "zod";
import { overviewReport } from "../../rollups/queries/overviewReport.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { overviewInput, overviewOutput } from "./overview.schema.js";

export function overviewHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof overviewInput> }): Promise<z.infer<typeof overviewOutput>> {
  const { tenantId: _tenantId, ...query } = input;
  return overviewReport(ctx.tenant.scope, query);
}
