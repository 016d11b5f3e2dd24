import type { PurgeDoc, PurgeReceipt } from "../../db/complianceCollections.js";
import type { JsonValue } from "./canonicalJson.js";
import { sha256OfCanonicalJson } from "./canonicalJson.js";
import { purgedAnalyticsCollections, reasonForKeeping } from "./keptByAnalyticsPurge.js";

export interface PurgeVerification {
  finishedAt: Date;
  /** Documents of the tenant counted in each purged collection by the verification pass. */
  remaining: Record<string, number>;
  /** Documents of the tenant in each analytics collection kept on purpose. */
  kept: Record<string, number>;
}

/**
 * MS-1.7: the receipt of a purge whose verification pass counted zero documents left, and its
 * SHA-256 over the canonical JSON (canonicalJson.ts), so a tenant or a regulator can quote it
 * and anyone holding the receipt can check it was not altered.
 */
export function buildPurgeReceipt(purge: PurgeDoc, verification: PurgeVerification): { receipt: PurgeReceipt; sha256: string } {
  if (!purge.startedAt) throw new Error(`purge ${purge._id} is sealed before it started`);
  const removed = purgedAnalyticsCollections.map((collection) => ({
    collection,
    documentsRemoved: purge.collections[collection]?.removed ?? 0,
    remainingAtVerification: verification.remaining[collection] ?? 0,
  }));
  const left = removed.filter((entry) => entry.remainingAtVerification !== 0);
  if (left.length > 0) throw new Error(`purge ${purge._id} cannot be sealed: documents remain in ${left.map((entry) => entry.collection).join(", ")}`);
  const kept = Object.entries(verification.kept).map(([collection, documents]) => ({ collection, documents, reason: reasonForKeeping(collection) }));
  const finishedAt = verification.finishedAt.toISOString();
  const receipt: PurgeReceipt = {
    receipt: "mousetrail.analytics-purge",
    receiptVersion: 1,
    purgeId: purge._id,
    tenantId: purge.tenantId,
    tenantName: purge.subject.tenantName,
    siteId: purge.siteId,
    siteName: purge.subject.siteName,
    requestedBy: {
      type: purge.requestedBy.type,
      id: purge.requestedBy.id,
      platformStaff: purge.requestedBy.type === "user" && purge.requestedBy.platform,
    },
    requestedVia: purge.requestedVia,
    reason: purge.reason,
    requestedAt: purge.requestedAt.toISOString(),
    startedAt: purge.startedAt.toISOString(),
    finishedAt,
    removed,
    kept,
    interruptions: (purge.interruptions ?? []).map((entry) => ({ detectedAt: entry.detectedAt.toISOString(), state: entry.state, reason: entry.reason })),
    statement: statementOf(purge, removed, kept, finishedAt),
  };
  return { receipt, sha256: sha256OfCanonicalJson(receipt as unknown as JsonValue) };
}

function statementOf(purge: PurgeDoc, removed: PurgeReceipt["removed"], kept: PurgeReceipt["kept"], finishedAt: string): string {
  const scope = purge.siteId
    ? `site "${purge.subject.siteName}" (${purge.siteId}) of tenant "${purge.subject.tenantName}" (${purge.tenantId})`
    : `tenant "${purge.subject.tenantName}" (${purge.tenantId}), all of its sites`;
  const total = removed.reduce((sum, entry) => sum + entry.documentsRemoved, 0);
  return [
    `Purge ${purge._id} deleted every analytics document of ${scope} from the collections listed under "removed": ${total} documents in all.`,
    `A verification pass at ${finishedAt} counted zero documents of that scope remaining in each of them.`,
    ...kept.map((entry) => `Kept on purpose: ${entry.collection} (${entry.documents} documents), because ${entry.reason.replace(/\.$/, "")}.`),
    "The tenant's configuration (sites, members, API keys), its audit log and its complaint tickets are not analytics data and were not touched.",
    (purge.interruptions ?? []).length === 0
      ? "The purge ran without interruption."
      : `The purge was interrupted ${(purge.interruptions ?? []).length} time(s) and resumed each time; the counts include the work of every run.`,
    `While the purge ran, batches for ${purge.siteId ? "the site" : "the tenant's sites"} were refused (PURGE_IN_PROGRESS). Data received after ${finishedAt} is not covered by this receipt.`,
    "The digest is the SHA-256 of this receipt's canonical JSON (RFC 8785: keys sorted, no whitespace).",
  ].join(" ");
}
