import { resolveEffectivePolicy, type EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import type { Db } from "mongodb";
import type { SiteDoc } from "../../db/collections.js";
import { getPolicyVersion } from "./policyLibrary.js";

/** The site's policy version merged with its tenant's settings, resolved once and frozen. */
export async function effectivePolicyOfSite(db: Db, site: Pick<SiteDoc, "privacy">): Promise<EffectivePolicy> {
  const document = await getPolicyVersion(db, site.privacy.policyId, site.privacy.policyVersion);
  return resolveEffectivePolicy(document, site.privacy.settings);
}
