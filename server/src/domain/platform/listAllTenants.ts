import type { Db } from "mongodb";
import { listTenantsWithSizes } from "../../repositories/tenantRepository.js";

export interface PlatformTenantSummary {
  tenantId: string;
  name: string;
  createdAt: Date;
  members: number;
  sites: number;
}

/** For platform staff only (ToS enforcement): every tenant with its size, newest first. */
export async function listAllTenants(db: Db, options: { limit: number; search?: string | undefined }): Promise<PlatformTenantSummary[]> {
  const page = await listTenantsWithSizes(db, { limit: options.limit, nameContains: options.search });
  return page.map(({ tenant, members, sites }) => ({ tenantId: tenant._id, name: tenant.name, createdAt: tenant.createdAt, members, sites }));
}
