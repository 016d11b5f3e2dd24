import { resolveEffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { collections, type SiteDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import { enqueueJob } from "../../jobs/jobRepository.js";
import { findSite } from "../../repositories/siteRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { effectivePolicyOfSite } from "./effectivePolicyOfSite.js";
import { enforcePrivacyJobType } from "./remaskStoredRecordings.js";
import { siteChanged } from "../sites/siteDirectory.js";
import { privacyTightening, type PrivacyTightening } from "./privacyTightening.js";
import { validateSitePrivacy } from "./validateSitePrivacy.js";

export interface SitePrivacyUpdate {
  site: SiteDoc;
  tightening: PrivacyTightening;
  /** The background job that brings stored data in line, when the change tightened anything. */
  jobId: string | null;
}

/**
 * Changes a site's privacy settings (and optionally the published policy version it runs),
 * validated against that policy's bounds with every problem named. A tightening is applied to
 * stored data by a background job; a loosening only affects what is recorded from now on.
 */
export async function updateSitePrivacy(
  call: TenantCall,
  siteId: string,
  input: { settings: unknown; policyVersion?: number | undefined },
): Promise<SitePrivacyUpdate> {
  const { db } = call.scope;
  const site = await findSite(call.scope, siteId);
  if (!site) throw notFound("Site");
  const validation = await validateSitePrivacy(db, site, input);
  const { policyVersion } = validation;
  const before = await effectivePolicyOfSite(db, site);
  const after = resolveEffectivePolicy(validation.document, validation.settings);
  const tightening = privacyTightening(before, after);

  const privacy = { policyId: site.privacy.policyId, policyVersion, settings: validation.settings };
  const updated = await collections(db).sites.findOneAndUpdate(
    { _id: siteId, tenantId: call.scope.tenantId },
    { $set: { privacy, updatedAt: call.now } },
    { returnDocument: "after" },
  );
  if (!updated) throw notFound("Site");
  siteChanged(updated.siteKey);
  const job =
    tightening.remask || tightening.shortenedRetention.length
      ? await enqueueJob(db, { tenantId: call.scope.tenantId, type: enforcePrivacyJobType, params: { siteId } }, call.now)
      : null;
  await recordAudit(call, "site.privacy.update", { type: "site", id: siteId }, {
    policy: `${privacy.policyId}@${policyVersion}`,
    changedSettings: Object.keys(validation.settings).filter(
      (key) => JSON.stringify(validation.settings[key as keyof typeof validation.settings]) !== JSON.stringify(site.privacy.settings[key as keyof typeof site.privacy.settings]),
    ),
    tightened: tightening.reasons,
    jobId: job?._id ?? null,
  });
  return { site: updated, tightening, jobId: job?._id ?? null };
}
