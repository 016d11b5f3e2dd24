import type { Db } from "mongodb";
import { collections, type JobDoc } from "../db/collections.js";
import { newId } from "../db/ids.js";
import type { TenantScope } from "../repositories/tenantScope.js";

export async function enqueueJob(
  db: Db,
  job: { tenantId: string | null; type: string; params: Record<string, unknown> },
  now: Date,
): Promise<JobDoc> {
  const doc: JobDoc = {
    _id: newId("job"),
    ...job,
    state: "queued",
    progress: { done: 0, total: null },
    cursor: null,
    attempts: 0,
    leaseUntil: new Date(0),
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    error: null,
    result: null,
  };
  await collections(db).jobs.insertOne(doc);
  return doc;
}

/**
 * Claims the oldest runnable job: queued, or running with an expired lease (its process died).
 * One findOneAndUpdate, so two processes can never claim the same job.
 */
export function claimNextJob(db: Db, types: readonly string[], now: Date, leaseMs: number): Promise<JobDoc | null> {
  return collections(db).jobs.findOneAndUpdate(
    { type: { $in: [...types] }, state: { $in: ["queued", "running"] }, leaseUntil: { $lt: now } },
    { $set: { state: "running", leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now }, $inc: { attempts: 1 } },
    { sort: { createdAt: 1 }, returnDocument: "after" },
  );
}

/** Saves progress and renews the lease; false when the lease was lost (another process took over). */
export async function checkpointJob(
  db: Db,
  job: Pick<JobDoc, "_id" | "attempts">,
  update: { done: number; total: number | null; cursor: unknown },
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const result = await collections(db).jobs.updateOne(
    { _id: job._id, state: "running", attempts: job.attempts },
    {
      $set: {
        progress: { done: update.done, total: update.total },
        cursor: update.cursor,
        leaseUntil: new Date(now.getTime() + leaseMs),
        updatedAt: now,
      },
    },
  );
  return result.matchedCount === 1;
}

export async function finishJob(
  db: Db,
  job: Pick<JobDoc, "_id" | "attempts">,
  outcome: { state: "done"; result: Record<string, unknown> } | { state: "failed"; error: string },
  now: Date,
): Promise<void> {
  await collections(db).jobs.updateOne(
    { _id: job._id, attempts: job.attempts },
    {
      $set: {
        state: outcome.state,
        updatedAt: now,
        finishedAt: now,
        result: outcome.state === "done" ? outcome.result : null,
        error: outcome.state === "failed" ? outcome.error : null,
      },
    },
  );
}

export function findJob(scope: TenantScope, jobId: string): Promise<JobDoc | null> {
  return collections(scope.db).jobs.findOne({ _id: jobId, tenantId: scope.tenantId });
}
