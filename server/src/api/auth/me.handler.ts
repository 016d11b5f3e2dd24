import type { z } from "zod";
import { listMyTenants } from "../../domain/tenants/listMyTenants.js";
import type { RequestContext } from "../context.js";
import type { meOutput } from "./me.schema.js";
import { toUserOutput } from "./user.output.js";

/** Who is calling: a signed-in user with their tenants, an API key, or nobody. */
export async function meHandler({ ctx }: { ctx: RequestContext }): Promise<z.infer<typeof meOutput>> {
  if (ctx.auth.kind === "session") {
    return { user: toUserOutput(ctx.auth.user), apiKey: null, tenants: await listMyTenants(ctx.db, ctx.auth.user._id) };
  }
  if (ctx.auth.kind === "apiKey") {
    const key = ctx.auth.apiKey;
    return { user: null, apiKey: { keyId: key._id, tenantId: key.tenantId, scopes: key.scopes }, tenants: [] };
  }
  return { user: null, apiKey: null, tenants: [] };
}
