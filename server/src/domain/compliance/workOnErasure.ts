import type { Db, ObjectId, UpdateFilter } from "mongodb";
import type { AuditActor } from "../../db/collections.js";
import type { ErasureDoc, ErasureInterruption, ErasureState } from "../../db/complianceCollections.js";
import { readErasure, updateHeldErasure } from "../../repositories/erasureRepository.js";
import { fenceVisitorForErasure } from "../../repositories/optOutRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { countVisitorRecords, deleteVisitorRecordsById, selectVisitorRecordIds } from "../../repositories/visitorDataRepository.js";
import { appendAuditEntry } from "../audit/appendAuditEntry.js";
import { finalPassAfter } from "./batchInFlight.js";
import { buildErasureReceipt } from "./buildErasureReceipt.js";
import { derivedAuditId } from "./derivedAuditId.js";
import { erasedKinds, findVisitorData, noneErased, type ErasedKind } from "./eraseVisitor.js";

export interface ErasureWorkOptions {
  /** Identifies this process in the job's lease. */
  owner: string;
  now: () => Date;
  leaseMs: number;
  /** Documents deleted per round trip. */
  batchSize: number;
}

export type ErasureRunOutcome =
  | { erasureId: string; outcome: "done"; receiptSha256: string }
  /** Erased once; the final pass is due at `finalPassAfter` (the lease is released until then). */
  | { erasureId: string; outcome: "waiting"; finalPassAfter: Date }
  | { erasureId: string; outcome: "lease-lost" }
  | { erasureId: string; outcome: "failed"; error: string };

export class ErasureLeaseLostError extends Error {
  override name = "ErasureLeaseLostError";
}

/** Final-pass rounds before giving up for this run (records still appearing: a fault, not traffic). */
const finalPassRounds = 3;

const erasureActor: AuditActor = { type: "system", id: "visitor-erasure" };

/**
 * MS-4.1: carries a claimed erasure as far as it can, each step resumable and idempotent:
 *
 * 1. requested → erasing: the fence first (the visitor's opt-out, marked with this erasure), so
 *    ingest drops the visitor's batches, even those already past their opt-out check
 *    (storeBatchStep), and derivation derives nothing more from their chunks.
 * 2. erasing: each kind deleted by the visitor key, in batches whose ids are written before the
 *    delete (a crash between the two is still counted by the run that resumes).
 * 3. finalPass: not before the longest a batch can be in flight after the fence
 *    (batchInFlight.ts): everything again, then a count that must find nothing.
 * 4. sealed: the receipt, with the counts and every interruption recovered from; then done,
 *    with the receipt's digest in the tenant's audit log.
 *
 * `before` is the job as claimed: a lease still on it means the previous run stopped without
 * releasing it (a crash or a failure), which is recorded as an interruption.
 */
export async function workOnErasure(db: Db, before: ErasureDoc, options: ErasureWorkOptions): Promise<ErasureRunOutcome> {
  const erasureId = before._id;
  const scope = tenantScope(db, before.tenantId);
  let job: ErasureDoc = before;

  async function write(update: UpdateFilter<ErasureDoc>, renew = true): Promise<void> {
    const $set = { ...update.$set, ...(renew ? { "lease.until": new Date(options.now().getTime() + options.leaseMs) } : {}) };
    if (!(await updateHeldErasure(db, erasureId, options.owner, { ...update, $set } as UpdateFilter<ErasureDoc>))) {
      throw new ErasureLeaseLostError(`lost the lease on ${erasureId}`);
    }
  }

  async function reload(): Promise<ErasureDoc> {
    const current = await readErasure(db, erasureId);
    if (!current) throw new ErasureLeaseLostError(`${erasureId} vanished`);
    return (job = current);
  }

  /**
   * Deletes one kind of the visitor's records, batch by batch, counting each. The visitor's
   * sessions (which find records stored before they carried the key) are read once per kind: a
   * kind's deletes do not change them, and each read scans the site on a server without the
   * site_visitor indexes.
   */
  async function eraseKind(kind: ErasedKind): Promise<void> {
    const visitor = await findVisitorData(scope, job.siteId, job.visitorKey);
    for (;;) {
      const ids = await selectVisitorRecordIds(scope, kind, visitor, options.batchSize);
      if (ids.length === 0) break;
      await deleteBatch(kind, ids);
    }
    await write({ $addToSet: { erased: kind } });
  }

  async function deleteBatch(kind: ErasedKind, ids: ObjectId[]): Promise<void> {
    await write({ $set: { batch: { kind, ids } } });
    const deleted = await deleteVisitorRecordsById(scope, kind, job.siteId, ids);
    await write({ $set: { batch: null }, $inc: { [`counts.${kind}`]: deleted } });
  }

  /** A batch a dead run left: every id was the visitor's when selected; none may be left now. */
  async function finishLeftoverBatch(batch: NonNullable<ErasureDoc["batch"]>): Promise<void> {
    await deleteVisitorRecordsById(scope, batch.kind as ErasedKind, job.siteId, batch.ids);
    await write({ $set: { batch: null }, $inc: { [`counts.${batch.kind}`]: batch.ids.length } });
  }

  async function erasePass(): Promise<void> {
    if (job.batch) await finishLeftoverBatch(job.batch);
    for (const kind of erasedKinds) if (!job.erased.includes(kind)) await eraseKind(kind);
  }

  async function countLeft(): Promise<Record<ErasedKind, number>> {
    const visitor = await findVisitorData(scope, job.siteId, job.visitorKey);
    const remaining = noneErased();
    for (const kind of erasedKinds) remaining[kind] = await countVisitorRecords(scope, kind, visitor);
    return remaining;
  }

  try {
    const interruption = interruptionOf(before, options.now());
    if (interruption) await write({ $push: { interruptions: interruption }, $set: { lastFailure: null } });
    let state: ErasureState = job.state;

    if (state === "requested") {
      const fencedAt = options.now();
      const recorded = await fenceVisitorForErasure(scope, { siteId: job.siteId, visitorKey: job.visitorKey, erasureId, at: fencedAt });
      // A run that fenced before dying keeps its first fence time: the final pass waits from the earliest one.
      const fence = { fencedAt: job.fencedAt ?? fencedAt, optOut: job.optOut ?? (recorded ? "recorded" : "already-recorded") } as const;
      await write({ $set: { ...fence, finalPassAfter: finalPassAfter(fence.fencedAt, job.batchInFlightMs), state: "erasing", erased: [] } });
      state = "erasing";
      await reload();
    }
    if (state === "erasing") {
      await erasePass();
      await write({ $set: { state: "finalPass", erased: [] } });
      state = "finalPass";
      await reload();
    }
    if (state === "finalPass") {
      const due = job.finalPassAfter ?? options.now();
      if (options.now() < due) {
        await write({ $set: { lease: null } }, false);
        return { erasureId, outcome: "waiting", finalPassAfter: due };
      }
      if (!job.finalPassAt) await write({ $set: { finalPassAt: options.now() } });
      await reload();
      let remaining = noneErased();
      for (let round = 1; ; round++) {
        await erasePass();
        remaining = await countLeft();
        if (erasedKinds.every((kind) => remaining[kind] === 0)) break;
        if (round >= finalPassRounds) throw new Error(`records of the visitor kept appearing during the final pass: ${JSON.stringify(remaining)}`);
        await write({ $set: { erased: [] } });
        await reload();
      }
      const sealed = buildErasureReceipt(await reload(), { sealedAt: options.now(), remaining });
      await write({ $set: { state: "sealed", receipt: sealed.receipt as unknown as Record<string, unknown>, receiptSha256: sealed.sha256 } });
      state = "sealed";
      await reload();
    }
    if (!job.receipt || !job.receiptSha256) throw new Error(`erasure ${erasureId} is sealed without a receipt`);
    await recordCompletion(db, job, options.now());
    await write({ $set: { state: "done", doneAt: options.now(), lease: null }, $unset: { activeKey: "" } }, false);
    return { erasureId, outcome: "done", receiptSha256: job.receiptSha256 };
  } catch (error) {
    if (error instanceof ErasureLeaseLostError) return { erasureId, outcome: "lease-lost" };
    throw error;
  }
}

/** The run before this one stopped without releasing its lease: when, in which state, and why if it said. */
function interruptionOf(before: ErasureDoc, now: Date): ErasureInterruption | null {
  if (!before.lease) return null;
  const reason = before.lastFailure
    ? `the run stopped on an error: ${before.lastFailure}`
    : `the process working on it stopped responding (its lease ran out at ${before.lease.until.toISOString()})`;
  return { detectedAt: now, state: before.state, reason };
}

/** The finished erasure in the tenant's audit log (MS-3.3), anchored by the receipt's digest. */
async function recordCompletion(db: Db, erasure: ErasureDoc, now: Date): Promise<void> {
  await appendAuditEntry(tenantScope(db, erasure.tenantId), {
    _id: derivedAuditId(`${erasure._id}/complete`),
    at: now,
    actor: erasureActor,
    action: "visitor.erase",
    target: { type: "site", id: erasure.siteId },
    details: { erasureId: erasure._id, receiptId: erasure._id, receiptSha256: erasure.receiptSha256, counts: erasure.counts, optOut: erasure.optOut, interruptions: erasure.interruptions.length },
  });
}
