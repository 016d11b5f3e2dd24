import { resolveEffectivePolicy, type EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { notFound } from "../../errors/appError.js";
import { findSite } from "../../repositories/siteRepository.js";
import type { TenantCall } from "../tenantCall.js";
import { validateSitePrivacy } from "./validateSitePrivacy.js";

/**
 * The effective policy a site would run under proposed settings, checked exactly as saving
 * them would be, without saving anything: what the console previews the policy page from.
 */
export async function previewSitePolicy(call: TenantCall, siteId: string, input: { settings: unknown; policyVersion?: number | undefined }): Promise<EffectivePolicy> {
  const site = await findSite(call.scope, siteId);
  if (!site) throw notFound("Site");
  const { document, settings } = await validateSitePrivacy(call.scope.db, site, input);
  return resolveEffectivePolicy(document, settings);
}
