import type { TenantDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import { findTenant } from "../../repositories/tenantRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";

export async function getTenant(scope: TenantScope): Promise<TenantDoc> {
  const tenant = await findTenant(scope);
  if (!tenant) throw notFound("Tenant");
  return tenant;
}
