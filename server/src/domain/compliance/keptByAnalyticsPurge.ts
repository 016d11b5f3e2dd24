import { analyticsOnTenantPurge, type AnalyticsCollectionName } from "../../db/analyticsCollections.js";

/** MS-1.7: the analytics collections a purge empties of the tenant's documents, in deletion order. */
export const purgedAnalyticsCollections = (Object.keys(analyticsOnTenantPurge) as AnalyticsCollectionName[]).filter(
  (name) => analyticsOnTenantPurge[name] === "delete",
);

/** The analytics collections a purge leaves alone on purpose; each has its reason below. */
export const keptAnalyticsCollections = (Object.keys(analyticsOnTenantPurge) as AnalyticsCollectionName[]).filter(
  (name) => analyticsOnTenantPurge[name] === "keep",
);

/**
 * Every other collection that holds documents of a tenant, and why an analytics purge does not
 * touch it. A purge removes what the tenant's sites sent about visitors; what is listed here is
 * either the tenant's own configuration or a record that protects visitors or proves what was
 * done. purgeCoverage.int.test.ts fails for a collection with tenant documents that is neither
 * purged nor listed here, so a new collection cannot be forgotten.
 */
export const keptByAnalyticsPurge: Readonly<Record<string, string>> = {
  optOuts:
    "opt-out records (MS-4.1) protect visitors: deleting them would let the site record those visitors again. Each holds a site-scoped pseudonymous key, no visitor id.",
  purges: "the purge records and their receipts: the proof that a purge happened",
  erasures:
    "visitor erasure records (MS-4.1) and their receipts: the proof that an erasure happened. Each holds the same site-scoped pseudonymous key as the visitor's opt-out, no visitor id.",
  auditLog: "the append-only log of administrative and compliance actions (MS-3.3); it names ids and settings, never visitor data",
  sites: "tenant configuration: sites, their allowed origins and privacy settings",
  memberships: "tenant configuration: who belongs to the tenant",
  invitations: "tenant configuration: open invitations",
  apiKeys: "tenant configuration: API keys, stored as hashes",
  jobs: "background job records: ids, progress and results, no visitor data",
  surveys: "survey definitions the tenant wrote (MS-1.13); the answers visitors gave are survey responses, which are purged",
  complaints: "complaint tickets (MS-4.3) follow their own retention: a complaint may be about the very breach that led to the purge",
};

/** Why each kept analytics collection is kept, as the receipt states it. */
export function reasonForKeeping(collection: string): string {
  const reason = keptByAnalyticsPurge[collection];
  if (!reason) throw new Error(`${collection} is kept by analytics purges but keptByAnalyticsPurge gives no reason`);
  return reason;
}
