import type { z } from "zod";
import { listAllTenants } from "../../domain/platform/listAllTenants.js";
import type { AuthedContext } from "../trpc.js";
import type { listAllTenantsInput, platformTenantOutput } from "./platform.schema.js";

export async function listAllTenantsHandler({ ctx, input }: { ctx: AuthedContext; input: z.infer<typeof listAllTenantsInput> }): Promise<z.infer<typeof platformTenantOutput>[]> {
  const tenants = await listAllTenants(ctx.db, { limit: input.limit, search: input.search });
  return tenants.map((tenant) => ({ ...tenant, createdAt: tenant.createdAt.toISOString() }));
}
