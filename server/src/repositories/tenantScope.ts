import type { Db } from "mongodb";

/**
 * The first argument of every repository function over tenant-owned data. Filters are built
 * from it, so a query without the tenant cannot be written by accident.
 */
export interface TenantScope {
  readonly db: Db;
  readonly tenantId: string;
}

export function tenantScope(db: Db, tenantId: string): TenantScope {
  return Object.freeze({ db, tenantId });
}
