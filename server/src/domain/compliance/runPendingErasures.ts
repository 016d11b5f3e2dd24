import { hostname } from "node:os";
import type { Db } from "mongodb";
import { randomToken } from "../../db/ids.js";
import { claimErasure, noteErasureFailure } from "../../repositories/erasureRepository.js";
import { workOnErasure, type ErasureRunOutcome } from "./workOnErasure.js";

export interface ErasureRunnerOptions {
  /** The clock; read at every lease renewal and to decide whether a final pass is due. */
  now: () => Date;
  /** How long a claim holds without a write; a process silent for longer is presumed dead. */
  leaseMs: number;
  /** Documents deleted per round trip. */
  batchSize: number;
  /** This process in leases; by default the host, the pid and a random suffix. */
  owner?: string;
}

export const defaultErasureLeaseMs = 30_000;
export const defaultErasureBatchSize = 1_000;

/**
 * MS-4.1: works on every erasure that is not done, that no live process holds and whose final
 * pass (if that is what it waits for) is due, oldest request first; for the background loop of
 * every server process, beside the purges. Resumes erasures whose process died (their lease ran
 * out), recording the interruption. A failing erasure is reported and retried by a later call
 * once its lease runs out; the others still run.
 */
export async function runPendingErasures(db: Db, options: ErasureRunnerOptions): Promise<ErasureRunOutcome[]> {
  checkOptions(options);
  const owner = options.owner ?? runnerId();
  const attempted: string[] = [];
  const outcomes: ErasureRunOutcome[] = [];
  for (;;) {
    const claimed = await claimErasure(db, { owner, now: options.now(), leaseMs: options.leaseMs, skip: attempted });
    if (!claimed) break;
    attempted.push(claimed.before._id);
    outcomes.push(await workReportingFailure(db, claimed.before._id, owner, () => workOnErasure(db, claimed.before, { ...options, owner })));
  }
  return outcomes;
}

/** Works on one erasure now, if nobody else holds it and it is not waiting: what the request does before answering. */
export async function runErasure(db: Db, erasureId: string, options: ErasureRunnerOptions): Promise<ErasureRunOutcome | null> {
  checkOptions(options);
  const owner = options.owner ?? runnerId();
  const claimed = await claimErasure(db, { owner, now: options.now(), leaseMs: options.leaseMs, erasureId });
  if (!claimed) return null;
  return workReportingFailure(db, erasureId, owner, () => workOnErasure(db, claimed.before, { ...options, owner }));
}

async function workReportingFailure(db: Db, erasureId: string, owner: string, work: () => Promise<ErasureRunOutcome>): Promise<ErasureRunOutcome> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Best effort: the database may be what failed. The lease runs out and a later run resumes, recording this.
    await noteErasureFailure(db, erasureId, owner, message).catch(() => undefined);
    return { erasureId, outcome: "failed", error: message };
  }
}

function checkOptions(options: Pick<ErasureRunnerOptions, "leaseMs" | "batchSize">): void {
  if (!Number.isInteger(options.leaseMs) || options.leaseMs < 1) throw new RangeError(`leaseMs must be a positive integer, got ${options.leaseMs}`);
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1 || options.batchSize > 10_000) {
    throw new RangeError(`batchSize must be an integer from 1 to 10000, got ${options.batchSize}`);
  }
}

function runnerId(): string {
  return `${hostname()}:${process.pid}:${randomToken(8)}`;
}
