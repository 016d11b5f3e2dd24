import type { z } from "zod";
import { createTenant } from "../../domain/tenants/createTenant.js";
import type { AuthedContext } from "../trpc.js";
import type { createTenantInput, createTenantOutput } from "./create.schema.js";
import { toTenantOutput } from "./tenant.output.js";

export async function createTenantHandler({ ctx, input }: { ctx: AuthedContext; input: z.infer<typeof createTenantInput> }): Promise<z.infer<typeof createTenantOutput>> {
  const tenant = await createTenant({ db: ctx.db, ownerId: ctx.user._id, actor: ctx.actor, name: input.name, now: ctx.now() });
  return toTenantOutput(tenant);
}
