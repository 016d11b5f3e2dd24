import type { Db } from "mongodb";
import { analyticsCollections, type RecordingChunkDoc } from "@mousetrail/server/db/analyticsCollections";

/** A stored chunk as the bench reads it back; `rollup.appliedAt` is set by the derivation worker once it is counted. */
export type StoredChunk = Omit<RecordingChunkDoc, "_id" | "rollup"> & { rollup: RecordingChunkDoc["rollup"] & { appliedAt?: Date } };

/**
 * Waits until no chunk of the site is pending derivation (the server's worker has counted
 * every stored batch in sessions, page views and rollups), polling every `pollMs`. Bounded: a
 * backlog still there after `timeoutMs` fails the benchmark, naming how many chunks wait.
 */
export async function waitForDerivation(db: Db, siteId: string, options: { timeoutMs: number; pollMs?: number }): Promise<void> {
  const chunks = analyticsCollections(db).recordingChunks;
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const pending = await chunks.countDocuments({ siteId, "rollup.state": "pending" });
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`derivation did not drain within ${options.timeoutMs / 1000} s: ${pending} chunks of site ${siteId} still pending`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }
}

/** The site's chunks stored since `since` (server clock), as stored, without _id. */
export async function chunksStoredSince(db: Db, siteId: string, since: Date): Promise<StoredChunk[]> {
  const stored = await analyticsCollections(db).recordingChunks.find({ siteId, receivedAt: { $gte: since } }).toArray();
  return stored.map(({ _id, ...chunk }) => chunk as StoredChunk);
}

export interface DerivationTimes {
  /** Per chunk, ms from its store (receivedAt) to its derivation (rollup.appliedAt); 0 for a chunk without appliedAt. */
  lagsMs: number[];
  /** The latest appliedAt (ms since the epoch), or null when no chunk has one. */
  lastAppliedAtMs: number | null;
  /** Chunks derived without an appliedAt: derived in the request itself, before it was answered (lag 0). */
  withoutAppliedAt: number;
}

/** Derivation lags of chunks that are all derived (after waitForDerivation). */
export function derivationTimes(chunks: readonly StoredChunk[]): DerivationTimes {
  const times: DerivationTimes = { lagsMs: [], lastAppliedAtMs: null, withoutAppliedAt: 0 };
  for (const chunk of chunks) {
    if (chunk.rollup.state !== "applied") throw new Error(`chunk ${chunk.sessionKey}/${chunk.pageId}/${chunk.seq} is still ${chunk.rollup.state}`);
    const appliedAt = chunk.rollup.appliedAt;
    if (!appliedAt) {
      times.withoutAppliedAt++;
      times.lagsMs.push(0);
      continue;
    }
    times.lagsMs.push(Math.max(0, appliedAt.getTime() - chunk.receivedAt.getTime()));
    times.lastAppliedAtMs = Math.max(times.lastAppliedAtMs ?? 0, appliedAt.getTime());
  }
  return times;
}
