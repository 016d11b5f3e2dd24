import { collections, type TenantDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import type { TenantScope } from "../../repositories/tenantScope.js";

export async function getTenant(scope: TenantScope): Promise<TenantDoc> {
  const tenant = await collections(scope.db).tenants.findOne({ _id: scope.tenantId });
  if (!tenant) throw notFound("Tenant");
  return tenant;
}
