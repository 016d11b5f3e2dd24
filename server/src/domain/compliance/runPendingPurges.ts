import { hostname } from "node:os";
import type { Db } from "mongodb";
import { complianceCollections } from "../../db/complianceCollections.js";
import { randomToken } from "../../db/ids.js";
import { claimPurge } from "./claimPurge.js";
import { workOnPurge, type PurgeRunOutcome } from "./workOnPurge.js";

export interface PurgeRunnerOptions {
  /** The clock; read at every lease renewal, so a long purge keeps its lease. */
  now: () => Date;
  /** How long a claim holds without a write; a process silent for longer is presumed dead. */
  leaseMs: number;
  /** Documents deleted per round trip. */
  batchSize: number;
  /** This process in leases; by default the host, the pid and a random suffix. */
  owner?: string;
  /** Purges to work on in this call at most (default: every claimable one). */
  maxPurges?: number;
}

export const defaultPurgeLeaseMs = 60_000;
export const defaultPurgeBatchSize = 1_000;

/**
 * MS-1.7: works on every purge that is not done and that no live process holds, oldest request
 * first, until none is left; for a job loop to call every few seconds in every server process.
 * Resumes purges whose process died (their lease ran out). A purge that fails is reported and
 * retried by a later call once its lease runs out; the others still run.
 */
export async function runPendingPurges(db: Db, options: PurgeRunnerOptions): Promise<PurgeRunOutcome[]> {
  checkOptions(options);
  const owner = options.owner ?? runnerId();
  const attempted: string[] = [];
  const outcomes: PurgeRunOutcome[] = [];
  while (attempted.length < (options.maxPurges ?? Number.POSITIVE_INFINITY)) {
    const claimed = await claimPurge(db, { owner, now: options.now(), leaseMs: options.leaseMs, skip: attempted });
    if (!claimed) break;
    attempted.push(claimed._id);
    outcomes.push(await workReportingFailure(db, claimed._id, () => workOnPurge(db, claimed, { ...options, owner })));
  }
  return outcomes;
}

/**
 * Works on one purge now, if nobody else holds it: what a request for a small purge does before
 * answering. null when the purge is done or another process is working on it.
 */
export async function runPurge(db: Db, purgeId: string, options: Omit<PurgeRunnerOptions, "maxPurges">): Promise<PurgeRunOutcome | null> {
  checkOptions(options);
  const owner = options.owner ?? runnerId();
  const claimed = await claimPurge(db, { owner, now: options.now(), leaseMs: options.leaseMs, purgeId });
  if (!claimed) return null;
  return workReportingFailure(db, purgeId, () => workOnPurge(db, claimed, { ...options, owner }));
}

async function workReportingFailure(db: Db, purgeId: string, work: () => Promise<PurgeRunOutcome>): Promise<PurgeRunOutcome> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Best effort: the database may be what failed. The lease runs out and a later run retries.
    await complianceCollections(db)
      .purges.updateOne({ _id: purgeId }, { $set: { lastInterruption: `failed: ${message}` } })
      .catch(() => undefined);
    return { purgeId, outcome: "failed", error: message };
  }
}

function checkOptions(options: Pick<PurgeRunnerOptions, "leaseMs" | "batchSize">): void {
  if (!Number.isInteger(options.leaseMs) || options.leaseMs < 1) throw new RangeError(`leaseMs must be a positive integer, got ${options.leaseMs}`);
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1 || options.batchSize > 10_000) {
    throw new RangeError(`batchSize must be an integer from 1 to 10000, got ${options.batchSize}`);
  }
}

function runnerId(): string {
  return `${hostname()}:${process.pid}:${randomToken(8)}`;
}
