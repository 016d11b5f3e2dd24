import type { SiteDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import { findSite, updateSite } from "../../repositories/siteRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { siteChanged } from "./siteDirectory.js";
import { newSiteKey } from "./siteKey.js";

/** A new public key, for a site whose snippet was copied somewhere it should not run. */
export async function rotateSiteKey(call: TenantCall, siteId: string): Promise<SiteDoc> {
  const before = await findSite(call.scope, siteId);
  const site = before && (await updateSite(call.scope, siteId, { siteKey: newSiteKey() }, call.now));
  if (!before || !site) throw notFound("Site");
  // The old key stops working in this process at once, in others within the directory's TTL.
  siteChanged(before.siteKey, site.siteKey);
  await recordAudit(call, "site.rotateKey", { type: "site", id: siteId });
  return site;
}
