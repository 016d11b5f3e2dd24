import type { PolicyPageSite } from "@mousetrail/policies/render/policyPage";
import type { SiteDoc } from "../../db/collections.js";

/** The site facts the public policy page names: its name and the hosted opt-out and complaint pages. */
export function privacyPageSite(site: Pick<SiteDoc, "name" | "siteKey">, serverOrigin: string): PolicyPageSite {
  return {
    siteName: site.name,
    optOutUrl: `${serverOrigin}/optout/${site.siteKey}`,
    contactUrl: `${serverOrigin}/complaints/${site.siteKey}`,
  };
}
