import { listMyTenants, type MyTenant } from "../../domain/tenants/listMyTenants.js";
import type { AuthedContext } from "../trpc.js";

export function listTenantsHandler({ ctx }: { ctx: AuthedContext }): Promise<MyTenant[]> {
  return listMyTenants(ctx.db, ctx.user._id);
}
