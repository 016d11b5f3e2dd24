import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { Binary, type Db } from "mongodb";
import type { RecordingChunkDoc } from "../../db/analyticsCollections.js";
import { recordViolations } from "../../repositories/piiViolationRepository.js";
import { claimPendingRollup, findChunk, insertChunk } from "../../repositories/recordingChunkRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import type { StampedBatch, StoredBatch } from "../batchStages.js";
import { step } from "../pipeline/pipeline.js";
import { ok } from "../pipeline/stepResult.js";

const gzipAsync = promisify(gzip);

/** How long the storing request keeps the right to derive a chunk's rollups before the sweeper may. */
export const rollupLeaseMs = 60_000;

/**
 * Stores the batch as one compressed chunk: the commit point. Violations are written first
 * (idempotently) so a stored chunk always has its violations on record. A replayed batch hits
 * the chunk's unique index and is reported as a duplicate; if the first attempt died before
 * deriving the rollups, the replay takes over that job.
 */
export function storeBatchStep(db: Db) {
  return step<StampedBatch, StoredBatch>("storeBatch", async (batch) => {
    const { payload, site } = batch;
    const scope = tenantScope(db, site.tenantId);
    const address = { siteId: site._id, sessionKey: batch.sessionKey, pageId: payload.pageId, seq: payload.seq };
    await recordViolations(
      scope,
      batch.violations.map((violation, index) => ({ ...address, index, ...violation, detectedAt: batch.receivedAt })),
    );

    const json = Buffer.from(JSON.stringify(batch.events));
    const compressed = await gzipAsync(json);
    const timestamps = batch.events.flatMap((event) => {
      const at = (event as { timestamp?: unknown }).timestamp;
      return typeof at === "number" ? [at] : [];
    });
    const chunk: RecordingChunkDoc = {
      tenantId: site.tenantId,
      ...address,
      receivedAt: batch.receivedAt,
      firstEventAt: timestamps.length ? new Date(Math.min(...timestamps)) : null,
      lastEventAt: timestamps.length ? new Date(Math.max(...timestamps)) : null,
      eventCount: batch.events.length,
      events: new Binary(compressed),
      rawBytes: json.length,
      storedBytes: compressed.length,
      policy: batch.policyStamp,
      context: {
        visitorKey: batch.visitorKey,
        technical: batch.technical,
        ipTruncated: batch.ipTruncated,
        breakpoint: batch.breakpoint,
        urlKey: batch.urlKey,
        day: batch.receivedAt.toISOString().slice(0, 10),
        page: batch.page,
        view: batch.view,
        violationCount: batch.violations.length,
        droppedEvents: batch.payload.droppedEvents ?? 0,
      },
      // The lease runs on the server's clock: a batch may be counted for an earlier time (demo data
      // replayed into the past), and the sweeper must still leave its derivation to this request.
      rollup: { state: "pending", claimedUntil: new Date(Date.now() + rollupLeaseMs) },
    };
    if ((await insertChunk(scope, chunk)) === "inserted") {
      return ok({ ...batch, chunk, duplicate: false, ownsRollup: true });
    }
    const existing = await findChunk(scope, address);
    if (!existing) throw new Error("duplicate chunk vanished: it was deleted between insert and read");
    const ownsRollup = existing.rollup.state === "pending" && (await claimPendingRollup(scope, address, new Date(), rollupLeaseMs));
    return ok({ ...batch, chunk: existing, duplicate: true, ownsRollup });
  });
}
