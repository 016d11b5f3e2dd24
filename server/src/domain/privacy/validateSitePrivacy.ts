import type { PolicyDocument } from "@mousetrail/policies/schema/policyDocument";
import { validateTenantSettings, type TenantPrivacySettings } from "@mousetrail/policies/tenantSettings";
import type { Db } from "mongodb";
import type { SiteDoc } from "../../db/collections.js";
import { AppError } from "../../errors/appError.js";
import { getPolicyVersion } from "./policyLibrary.js";

export interface ValidSitePrivacy {
  document: PolicyDocument;
  policyVersion: number;
  settings: TenantPrivacySettings;
}

/**
 * Privacy settings proposed for a site, checked against the bounds of the published policy
 * version it would run (its current one unless another is asked for), every problem named by
 * its field under `settings.`.
 */
export async function validateSitePrivacy(db: Db, site: SiteDoc, input: { settings: unknown; policyVersion?: number | undefined }): Promise<ValidSitePrivacy> {
  const policyVersion = input.policyVersion ?? site.privacy.policyVersion;
  const document = await getPolicyVersion(db, site.privacy.policyId, policyVersion).catch(() => {
    throw new AppError("BAD_INPUT", {
      userMessage: `policyVersion: ${site.privacy.policyId} has no published version ${policyVersion}`,
      field: "policyVersion",
    });
  });
  const validation = validateTenantSettings(document, input.settings);
  if (!validation.ok) {
    const issues = validation.errors.map((error) => ({ field: ["settings", ...error.path].join("."), message: error.message }));
    throw new AppError("BAD_INPUT", { userMessage: issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues });
  }
  return { document, policyVersion, settings: validation.settings };
}
