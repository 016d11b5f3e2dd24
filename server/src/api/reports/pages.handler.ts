import type { z } from "zod";
import { sitePages } from "../../rollups/queries/sitePages.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { pagesInput, pagesOutput } from "./pages.schema.js";

export function pagesHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof pagesInput> }): Promise<z.infer<typeof pagesOutput>> {
  const { tenantId: _tenantId, ...query } = input;
  return sitePages(ctx.tenant.scope, query);
}
