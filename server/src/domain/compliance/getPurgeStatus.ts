import type { PurgeCollectionProgress, PurgeDoc, PurgeReceipt, PurgeState } from "../../db/complianceCollections.js";
import { notFound } from "../../errors/appError.js";
import { findPurge } from "../../repositories/purgeRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { purgedAnalyticsCollections } from "./keptByAnalyticsPurge.js";

export interface PurgeStatus {
  purgeId: string;
  state: PurgeState;
  siteId: string | null;
  requestedVia: "tenant" | "platform";
  reason: string;
  requestedAt: Date;
  startedAt: Date | null;
  doneAt: Date | null;
  /** Progress per collection, in deletion order. */
  collections: { collection: string; state: PurgeCollectionProgress["state"]; removed: number }[];
  /** Why the last run stopped before the end, if it did. */
  lastInterruption: string | null;
  /** Set once the verification pass counted zero documents left. */
  receipt: PurgeReceipt | null;
  receiptSha256: string | null;
}

/** MS-1.7: where a purge of the tenant's analytics stands, with its receipt once sealed. */
export async function getPurgeStatus(scope: TenantScope, purgeId: string): Promise<PurgeStatus> {
  const purge = await findPurge(scope, purgeId);
  if (!purge) throw notFound("Purge");
  return purgeStatusOf(purge);
}

export function purgeStatusOf(purge: PurgeDoc): PurgeStatus {
  return {
    purgeId: purge._id,
    state: purge.state,
    siteId: purge.siteId,
    requestedVia: purge.requestedVia,
    reason: purge.reason,
    requestedAt: purge.requestedAt,
    startedAt: purge.startedAt,
    doneAt: purge.doneAt,
    collections: purgedAnalyticsCollections.map((collection) => ({
      collection,
      state: purge.collections[collection]?.state ?? "pending",
      removed: purge.collections[collection]?.removed ?? 0,
    })),
    lastInterruption: purge.lastInterruption,
    receipt: purge.receipt,
    receiptSha256: purge.receiptSha256,
  };
}
