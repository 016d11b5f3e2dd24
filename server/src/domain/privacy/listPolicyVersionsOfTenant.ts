import { listPublishedPolicyVersions } from "../../repositories/policyVersionRepository.js";
import { listSites } from "../../repositories/siteRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { defaultPolicyId } from "./policyLibrary.js";

export interface PolicyVersionsOfTenant {
  policies: {
    policyId: string;
    latestVersion: number;
    /** Newest first, each with what changed in it (its changelog entry, MS-5.1). */
    versions: { version: number; revisedOn: string; publishedAt: Date; changes: string }[];
    /** The tenant's sites under this policy and the version each runs. */
    sites: { siteId: string; name: string; version: number }[];
  }[];
}

/** MS-5.1: the published versions of the policies the tenant's sites run, and which version each site runs. */
export async function listPolicyVersionsOfTenant(scope: TenantScope): Promise<PolicyVersionsOfTenant> {
  const sites = await listSites(scope);
  const policyIds = [...new Set([defaultPolicyId, ...sites.map((site) => site.privacy.policyId)])].sort();
  const published = await listPublishedPolicyVersions(scope.db, policyIds);
  return {
    policies: policyIds.map((policyId) => {
      const versions = published
        .filter((stored) => stored.policyId === policyId)
        .map((stored) => ({
          version: stored.version,
          revisedOn: stored.document.revisedOn,
          publishedAt: stored.publishedAt,
          changes: stored.document.changelog.find((entry) => entry.version === stored.version)?.summary ?? "",
        }));
      return {
        policyId,
        latestVersion: versions[0]?.version ?? 0,
        versions,
        sites: sites
          .filter((site) => site.privacy.policyId === policyId)
          .map((site) => ({ siteId: site._id, name: site.name, version: site.privacy.policyVersion }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    }),
  };
}
