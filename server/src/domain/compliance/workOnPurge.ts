import type { Db, ObjectId, UpdateFilter } from "mongodb";
import type { AnalyticsCollectionName } from "../../db/analyticsCollections.js";
import type { AuditActor } from "../../db/collections.js";
import { complianceCollections, type PurgeDoc } from "../../db/complianceCollections.js";
import type { AuditScope } from "../../repositories/auditLogRepository.js";
import { appendAuditEntry } from "../audit/appendAuditEntry.js";
import { countTenantDocuments, deleteTenantDocumentsById, selectTenantDocumentIds } from "../../repositories/tenantAnalyticsRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { buildPurgeReceipt } from "./buildPurgeReceipt.js";
import { derivedAuditId } from "./derivedAuditId.js";
import { purgeFenceChanged } from "./purgeFenceChanged.js";
import { PurgeLeaseLostError } from "./claimPurge.js";
import { keptAnalyticsCollections, purgedAnalyticsCollections } from "./keptByAnalyticsPurge.js";

export interface PurgeWorkOptions {
  /** Identifies this process in the purge's lease. */
  owner: string;
  now: () => Date;
  leaseMs: number;
  /** Documents deleted per round trip. */
  batchSize: number;
}

export type PurgeRunOutcome =
  | { purgeId: string; outcome: "done"; receiptSha256: string }
  /** Stopped before the end and released the lease; `reason` says why. The next run resumes. */
  | { purgeId: string; outcome: "interrupted"; reason: string }
  /** Another process took the purge over (this one was too slow to renew its lease). */
  | { purgeId: string; outcome: "lease-lost" }
  | { purgeId: string; outcome: "failed"; error: string };

/** Verification passes per run before giving up on a site whose recorder keeps sending. */
const verificationRounds = 3;

const purgeActor: AuditActor = { type: "system", id: "analytics-purge" };

/**
 * Carries a claimed purge as far as it can: pending → deleting (collection by collection, in
 * batches) → verified (zero documents counted in every collection; the receipt is sealed) →
 * done (the receipt's digest is in the tenant's and the platform's audit logs). Every write is
 * conditional on still holding the lease and renews it, so a process that lost its lease stops
 * at its next write. Each batch's ids are written before they are deleted, so a process that
 * dies between deleting and counting leaves the count to the next one: the receipt's numbers
 * survive crashes.
 */
export async function workOnPurge(db: Db, claimed: PurgeDoc, options: PurgeWorkOptions): Promise<PurgeRunOutcome> {
  const purges = complianceCollections(db).purges;
  const scope = tenantScope(db, claimed.tenantId);
  const purgeId = claimed._id;
  const progress = new Map(purgedAnalyticsCollections.map((name) => [name, claimed.collections[name]?.state ?? "pending"]));

  async function write(update: UpdateFilter<PurgeDoc>, renew = true): Promise<void> {
    const $set = { ...update.$set, ...(renew ? { "lease.until": new Date(options.now().getTime() + options.leaseMs) } : {}) };
    const result = await purges.updateOne({ _id: purgeId, "lease.owner": options.owner }, { ...update, $set } as UpdateFilter<PurgeDoc>);
    if (result.matchedCount !== 1) throw new PurgeLeaseLostError(`lost the lease on ${purgeId}`);
  }

  async function deleteBatch(name: AnalyticsCollectionName, ids: ObjectId[]): Promise<void> {
    await write({ $set: { batch: { collection: name, ids } } });
    const deleted = await deleteTenantDocumentsById(scope, name, ids);
    await write({ $set: { batch: null }, $inc: { [`collections.${name}.removed`]: deleted } });
  }

  /** A batch a dead process left: every id was the tenant's when selected; none may be left now. */
  async function finishLeftoverBatch(batch: NonNullable<PurgeDoc["batch"]>): Promise<void> {
    await deleteTenantDocumentsById(scope, batch.collection as AnalyticsCollectionName, batch.ids);
    await write({ $set: { batch: null }, $inc: { [`collections.${batch.collection}.removed`]: batch.ids.length } });
  }

  async function emptyCollection(name: AnalyticsCollectionName): Promise<void> {
    if (progress.get(name) !== "deleting") await write({ $set: { [`collections.${name}.state`]: "deleting" } });
    for (;;) {
      const ids = await selectTenantDocumentIds(scope, name, claimed.siteId, options.batchSize);
      if (ids.length === 0) break;
      await deleteBatch(name, ids);
    }
    await write({ $set: { [`collections.${name}.state`]: "deleted" } });
    progress.set(name, "deleted");
  }

  async function countEach(names: readonly AnalyticsCollectionName[]): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const name of names) counts[name] = await countTenantDocuments(scope, name, claimed.siteId);
    return counts;
  }

  try {
    // A lease left on the purge: the run before stopped without releasing it (it died, or failed).
    if (claimed.lease) {
      const reason = claimed.lastInterruption?.startsWith("failed: ")
        ? `the run stopped on an error: ${claimed.lastInterruption.slice("failed: ".length)}`
        : `the process working on it stopped responding (its lease ran out at ${claimed.lease.until.toISOString()})`;
      await write({ $push: { interruptions: { detectedAt: options.now(), state: claimed.state, reason } } });
    }
    let state = claimed.state;
    if (state === "pending") {
      await write({ $set: { state: "deleting", startedAt: options.now() } });
      state = "deleting";
    }
    if (state === "deleting") {
      if (claimed.batch) await finishLeftoverBatch(claimed.batch);
      for (let round = 1; state === "deleting"; round++) {
        for (const name of purgedAnalyticsCollections) if (progress.get(name) !== "deleted") await emptyCollection(name);
        const remaining = await countEach(purgedAnalyticsCollections);
        const refilled = purgedAnalyticsCollections.filter((name) => (remaining[name] ?? 0) > 0);
        if (refilled.length === 0) {
          const current = await purges.findOne({ _id: purgeId });
          if (!current) throw new PurgeLeaseLostError(`${purgeId} vanished`);
          const sealed = buildPurgeReceipt(current, { finishedAt: options.now(), remaining, kept: await countEach(keptAnalyticsCollections) });
          await write({ $set: { state: "verified", receipt: sealed.receipt, receiptSha256: sealed.sha256, lastInterruption: null } });
          state = "verified";
          break;
        }
        // Documents arrived while deleting: the site's recorder is still sending. Delete them too.
        await write({ $set: Object.fromEntries(refilled.map((name) => [`collections.${name}.state`, "deleting"])) });
        for (const name of refilled) progress.set(name, "deleting");
        if (round >= verificationRounds) {
          const reason = `documents kept arriving in ${refilled.join(", ")} during ${round} verification passes; the next run continues (delete the site or rotate its key to stop its recorder)`;
          await write({ $set: { lease: null, lastInterruption: reason }, $push: { interruptions: { detectedAt: options.now(), state: "deleting", reason } } }, false);
          return { purgeId, outcome: "interrupted", reason };
        }
      }
    }
    const sealed = await purges.findOne({ _id: purgeId });
    if (!sealed?.receipt || !sealed.receiptSha256) throw new Error(`purge ${purgeId} is verified without a receipt`);
    await recordCompletion(db, sealed, options.now());
    await write({ $set: { state: "done", doneAt: options.now(), lease: null }, $unset: { activeKey: "" } }, false);
    await purgeFenceChanged(scope, claimed.siteId);
    return { purgeId, outcome: "done", receiptSha256: sealed.receiptSha256 };
  } catch (error) {
    if (error instanceof PurgeLeaseLostError) return { purgeId, outcome: "lease-lost" };
    throw error;
  }
}

/**
 * The finished purge in the tenant's audit log and the platform's (MS-3.3). The entries' ids
 * derive from the purge, so a run that dies after writing them and is resumed adds no second one.
 */
async function recordCompletion(db: Db, purge: PurgeDoc, now: Date): Promise<void> {
  const details = {
    purgeId: purge._id,
    siteId: purge.siteId,
    receiptSha256: purge.receiptSha256,
    documentsRemoved: purge.receipt?.removed.reduce((sum, entry) => sum + entry.documentsRemoved, 0) ?? 0,
  };
  const logs: [string, AuditScope, { type: string; id: string }][] = [
    ["tenant", { db, tenantId: purge.tenantId }, purge.siteId ? { type: "site", id: purge.siteId } : { type: "tenant", id: purge.tenantId }],
    ["platform", { db, tenantId: null }, { type: "tenant", id: purge.tenantId }],
  ];
  // The ids are derived from the purge, so a process resuming after a crash appends nothing twice.
  for (const [log, scope, target] of logs) {
    await appendAuditEntry(scope, { _id: derivedAuditId(`${purge._id}/${log}/complete`), at: now, actor: purgeActor, action: "analytics.purge.complete", target, details });
  }
}
