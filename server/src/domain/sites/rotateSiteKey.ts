import type { SiteDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import { updateSite } from "../../repositories/siteRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { newSiteKey } from "./siteKey.js";

/** A new public key, for a site whose snippet was copied somewhere it should not run. */
export async function rotateSiteKey(call: TenantCall, siteId: string): Promise<SiteDoc> {
  const site = await updateSite(call.scope, siteId, { siteKey: newSiteKey() }, call.now);
  if (!site) throw notFound("Site");
  await recordAudit(call, "site.rotateKey", { type: "site", id: siteId });
  return site;
}
