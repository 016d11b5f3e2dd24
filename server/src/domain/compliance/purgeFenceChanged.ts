import { listSites } from "../../repositories/siteRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { siteChanged } from "../sites/siteDirectory.js";

/**
 * MS-1.7: a purge of these sites started or ended: this process's site directories forget them,
 * so its ingest starts (or stops) refusing their batches at once; other processes follow within
 * their cache period, and whatever they store meanwhile is deleted by the purge's passes.
 */
export async function purgeFenceChanged(scope: TenantScope, siteId: string | null): Promise<void> {
  const sites = await listSites(scope);
  siteChanged(...sites.filter((site) => siteId === null || site._id === siteId).map((site) => site.siteKey));
}
