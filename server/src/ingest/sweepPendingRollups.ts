import type { Db } from "mongodb";
import { analyticsCollections } from "../db/analyticsCollections.js";
import { claimPendingRollup, decodeChunkEvents, findChunk } from "../repositories/recordingChunkRepository.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { deriveFromChunk } from "./deriveFromChunk.js";
import { rollupLeaseMs } from "./steps/storeBatchStep.js";

/**
 * Crash recovery for ingestion: chunks stored by a process that died before deriving their
 * sessions, page views and rollups (state `pending`, claim expired) are finished here from the
 * chunk alone. Every process may run it; the claim makes sure one chunk is derived once.
 */
export async function sweepPendingRollups(db: Db, options: { now: Date; limit?: number }): Promise<number> {
  const candidates = await analyticsCollections(db)
    .recordingChunks.find(
      { "rollup.state": "pending", "rollup.claimedUntil": { $lt: options.now } },
      { projection: { tenantId: 1, siteId: 1, sessionKey: 1, pageId: 1, seq: 1 } },
    )
    .limit(options.limit ?? 100)
    .toArray();
  let derived = 0;
  for (const candidate of candidates) {
    const scope = tenantScope(db, candidate.tenantId);
    const address = { siteId: candidate.siteId, sessionKey: candidate.sessionKey, pageId: candidate.pageId, seq: candidate.seq };
    if (!(await claimPendingRollup(scope, address, options.now, rollupLeaseMs))) continue;
    const chunk = await findChunk(scope, address);
    if (!chunk) continue;
    await deriveFromChunk(scope, chunk, await decodeChunkEvents(chunk));
    derived++;
  }
  return derived;
}
