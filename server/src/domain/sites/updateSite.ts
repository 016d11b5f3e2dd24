import type { SiteDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import { updateSite as updateSiteDoc } from "../../repositories/siteRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { siteChanged } from "./siteDirectory.js";

export async function updateSite(
  call: TenantCall,
  siteId: string,
  changes: { name?: string | undefined; allowedOrigins?: string[] | undefined; timeZone?: string | undefined },
): Promise<SiteDoc> {
  const set = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.allowedOrigins !== undefined ? { allowedOrigins: [...new Set(changes.allowedOrigins)] } : {}),
    // Applies to data received from now on: days already counted keep the zone they were counted in.
    ...(changes.timeZone !== undefined ? { timeZone: changes.timeZone } : {}),
  };
  const site = await updateSiteDoc(call.scope, siteId, set, call.now);
  if (!site) throw notFound("Site");
  siteChanged(site.siteKey);
  await recordAudit(call, "site.update", { type: "site", id: siteId }, { changed: Object.keys(set), ...set });
  return site;
}
