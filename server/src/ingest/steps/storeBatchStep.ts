import { ObjectId, type Db } from "mongodb";
import type { RecordingChunkDoc } from "../../db/analyticsCollections.js";
import { maxBatchInFlightMs, stillInFlight } from "../../domain/compliance/batchInFlight.js";
import { isOptedOut } from "../../domain/compliance/optOutCheck.js";
import { siteDayOf } from "../../domain/sites/siteDay.js";
import { recordViolations } from "../../repositories/piiViolationRepository.js";
import { encodeChunkEvents, findChunk, insertChunk } from "../../repositories/recordingChunkRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import type { DerivationSignal } from "../../rollups/derivation/derivationWorker.js";
import type { StampedBatch, StoredBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { drop, ok, reject } from "../../pipeline/stepResult.js";

/**
 * Stores the batch as one compressed chunk: the commit point, after which the request answers.
 * Violations are written first (idempotently) so a stored chunk always has its violations on
 * record. Sessions, page views and rollups are derived from the chunk later, in rounds, by the
 * derivation worker this step tells. A replayed batch hits the chunk's unique index and is
 * reported as a duplicate; if that chunk is still pending, the worker is told again.
 *
 * MS-4.1: no event of a visitor who opted out of this site is stored, and an erasure's fence is
 * one of those opt-outs: just before writing, the visitor's opt-out is checked, once, so a batch
 * is not stored behind an opt-out or fence written before that check. The check joins the opt-out
 * read of the batches arriving in the same turn (optOutCheck): a busy ingest makes about one read
 * per turn, not one per batch. A batch whose insert comes later than `batchInFlightMs` after its
 * check started is refused for the recorder to retry: that bound is what an erasure's final pass
 * waits for (batchInFlight.ts), so a fence written after the check still finds the chunk.
 */
export function storeBatchStep(db: Db, signal: DerivationSignal | null, options: { now?: () => Date; batchInFlightMs?: number } = {}) {
  const now = options.now ?? (() => new Date());
  const batchInFlightMs = options.batchInFlightMs ?? maxBatchInFlightMs;
  return step<StampedBatch, StoredBatch>("storeBatch", async (batch) => {
    const { payload, site } = batch;
    const scope = tenantScope(db, site.tenantId);
    const address = { siteId: site._id, sessionKey: batch.sessionKey, pageId: payload.pageId, seq: payload.seq };
    const stored = await encodeChunkEvents(batch.events);

    const optOutCheckedAt = now();
    if (await isOptedOut(db, { tenantId: site.tenantId, siteId: site._id, visitorKey: batch.visitorKey })) return drop("opted-out");
    if (!stillInFlight(optOutCheckedAt, now(), batchInFlightMs)) {
      return reject({ code: "UNAVAILABLE", message: `batch: not stored within ${batchInFlightMs} ms of its opt-out check (the server is overloaded): retry it` });
    }
    await recordViolations(
      scope,
      batch.violations.map((violation, index) => ({ ...address, visitorKey: batch.visitorKey, index, ...violation, detectedAt: batch.receivedAt })),
    );
    const timestamps = batch.events.flatMap((event) => {
      const at = (event as { timestamp?: unknown }).timestamp;
      return typeof at === "number" ? [at] : [];
    });
    const chunk: RecordingChunkDoc = {
      _id: new ObjectId(),
      tenantId: site.tenantId,
      ...address,
      receivedAt: batch.receivedAt,
      firstEventAt: timestamps.length ? new Date(Math.min(...timestamps)) : null,
      lastEventAt: timestamps.length ? new Date(Math.max(...timestamps)) : null,
      eventCount: batch.events.length,
      ...stored,
      policy: batch.policyStamp,
      context: {
        visitorKey: batch.visitorKey,
        technical: batch.technical,
        ipTruncated: batch.ipTruncated,
        breakpoint: batch.breakpoint,
        urlKey: batch.urlKey,
        day: siteDayOf(batch.receivedAt, site.timeZone),
        page: batch.page,
        view: batch.view,
        violationCount: batch.violations.length,
        droppedEvents: batch.payload.droppedEvents ?? 0,
      },
      // Unclaimed (a lease that ran out long ago): the first derivation round to see it takes it.
      rollup: { state: "pending", claimedUntil: new Date(0) },
    };
    if ((await insertChunk(scope, chunk)) === "inserted") {
      signal?.chunkStored(chunk._id as ObjectId, { events: batch.events, rawBytes: stored.rawBytes });
      return ok({ ...batch, chunk, duplicate: false });
    }
    const existing = await findChunk(scope, address);
    if (!existing) throw new Error("duplicate chunk vanished: it was deleted between insert and read");
    if (existing.rollup.state === "pending" && existing._id) signal?.chunkStored(existing._id);
    return ok({ ...batch, chunk: existing, duplicate: true });
  });
}
