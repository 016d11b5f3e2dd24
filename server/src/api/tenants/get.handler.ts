import type { z } from "zod";
import { getTenant } from "../../domain/tenants/getTenant.js";
import type { TenantProcedureContext } from "../trpc.js";
import { toTenantOutput, type tenantOutput } from "./tenant.output.js";

export async function getTenantHandler({ ctx }: { ctx: TenantProcedureContext }): Promise<z.infer<typeof tenantOutput>> {
  return toTenantOutput(await getTenant(ctx.tenant.scope));
}
