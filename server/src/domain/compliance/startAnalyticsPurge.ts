import type { Db } from "mongodb";
import { countTenantDocuments } from "../../repositories/tenantAnalyticsRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { getPurgeStatus, type PurgeStatus } from "./getPurgeStatus.js";
import { purgedAnalyticsCollections } from "./keptByAnalyticsPurge.js";
import { requestAnalyticsPurge, type PurgeRequest } from "./requestAnalyticsPurge.js";
import { defaultPurgeBatchSize, defaultPurgeLeaseMs, runPurge } from "./runPendingPurges.js";

/** Purges up to this many documents are carried out before the request is answered. */
export const inlinePurgeLimit = 10_000;

/**
 * MS-1.7: requests a purge and, when it is small, carries it out at once so the answer holds its
 * receipt; a larger one is left pending for `runPendingPurges` in the background, and its
 * receipt is read later with the purge id.
 */
export async function startAnalyticsPurge(db: Db, request: PurgeRequest, clock: () => Date): Promise<PurgeStatus> {
  const { purge } = await requestAnalyticsPurge(db, request);
  const scope = tenantScope(db, request.tenantId);
  if (purge.state !== "done" && (await documentsToPurge(db, purge.tenantId, purge.siteId)) <= inlinePurgeLimit) {
    await runPurge(db, purge._id, { now: clock, leaseMs: defaultPurgeLeaseMs, batchSize: defaultPurgeBatchSize });
  }
  return getPurgeStatus(scope, purge._id);
}

async function documentsToPurge(db: Db, tenantId: string, siteId: string | null): Promise<number> {
  const scope = tenantScope(db, tenantId);
  let total = 0;
  for (const name of purgedAnalyticsCollections) {
    total += await countTenantDocuments(scope, name, siteId);
    if (total > inlinePurgeLimit) break;
  }
  return total;
}
