import type { z } from "zod";
import { renameTenant } from "../../domain/tenants/renameTenant.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import type { renameTenantInput } from "./rename.schema.js";
import { toTenantOutput, type tenantOutput } from "./tenant.output.js";

export async function renameTenantHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof renameTenantInput> }): Promise<z.infer<typeof tenantOutput>> {
  return toTenantOutput(await renameTenant(tenantCallOf(ctx), input.name));
}
