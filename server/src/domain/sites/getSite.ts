import type { SiteDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import { findSite } from "../../repositories/siteRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";

export async function getSite(scope: TenantScope, siteId: string): Promise<SiteDoc> {
  const site = await findSite(scope, siteId);
  if (!site) throw notFound("Site");
  return site;
}
