import { ObjectId, type Db } from "mongodb";
import type { RecordingChunkDoc } from "../../db/analyticsCollections.js";
import { siteDayOf } from "../../domain/sites/siteDay.js";
import { recordViolations } from "../../repositories/piiViolationRepository.js";
import { encodeChunkEvents, findChunk, insertChunk } from "../../repositories/recordingChunkRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import type { DerivationSignal } from "../../rollups/derivation/derivationWorker.js";
import type { StampedBatch, StoredBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok } from "../../pipeline/stepResult.js";

/**
 * Stores the batch as one compressed chunk: the commit point, after which the request answers.
 * Violations are written first (idempotently) so a stored chunk always has its violations on
 * record. Sessions, page views and rollups are derived from the chunk later, in rounds, by the
 * derivation worker this step tells. A replayed batch hits the chunk's unique index and is
 * reported as a duplicate; if that chunk is still pending, the worker is told again.
 */
export function storeBatchStep(db: Db, signal: DerivationSignal | null) {
  return step<StampedBatch, StoredBatch>("storeBatch", async (batch) => {
    const { payload, site } = batch;
    const scope = tenantScope(db, site.tenantId);
    const address = { siteId: site._id, sessionKey: batch.sessionKey, pageId: payload.pageId, seq: payload.seq };
    await recordViolations(
      scope,
      batch.violations.map((violation, index) => ({ ...address, index, ...violation, detectedAt: batch.receivedAt })),
    );

    const stored = await encodeChunkEvents(batch.events);
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
      signal?.chunkStored(chunk._id as ObjectId);
      return ok({ ...batch, chunk, duplicate: false });
    }
    const existing = await findChunk(scope, address);
    if (!existing) throw new Error("duplicate chunk vanished: it was deleted between insert and read");
    if (existing.rollup.state === "pending" && existing._id) signal?.chunkStored(existing._id);
    return ok({ ...batch, chunk: existing, duplicate: true });
  });
}
