import type { z } from "zod";
import { clickProblems } from "../../rollups/queries/clickProblems.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { clickProblemsInput, clickProblemsOutput } from "./clickProblems.schema.js";

export function clickProblemsHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof clickProblemsInput> }): Promise<z.infer<typeof clickProblemsOutput>> {
  const { tenantId: _tenantId, ...query } = input;
  return clickProblems(ctx.tenant.scope, query);
}
