import { tenantPrivacySettingsSchema } from "@mousetrail/policies/tenantSettings";
import type { Db } from "mongodb";
import type { SitePrivacy } from "../../db/collections.js";
import { defaultPolicyId, latestPolicyVersion } from "./policyLibrary.js";

/** A new site runs the latest version of the default policy with the safest settings. */
export async function defaultSitePrivacy(db: Db): Promise<SitePrivacy> {
  return {
    policyId: defaultPolicyId,
    policyVersion: await latestPolicyVersion(db, defaultPolicyId),
    settings: tenantPrivacySettingsSchema.parse({}),
  };
}
