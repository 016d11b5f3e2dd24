import type { Db } from "mongodb";
import type { JobDoc } from "../db/collections.js";
import type { Logger } from "../logging/logger.js";
import { checkpointJob, claimNextJob, finishJob } from "./jobRepository.js";

export class LeaseLostError extends Error {
  override name = "LeaseLostError";
}

export interface JobContext {
  db: Db;
  job: JobDoc;
  now(): Date;
  /** Records progress and where to resume; throws LeaseLostError if another process took the job. */
  checkpoint(progress: { done: number; total: number | null; cursor: unknown }): Promise<void>;
}

export type JobHandler = (context: JobContext) => Promise<Record<string, unknown>>;

export interface JobRunnerOptions {
  db: Db;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  leaseMs?: number;
  /** Attempts after which a job that keeps failing is marked failed. */
  maxAttempts?: number;
  now?: () => Date;
}

/**
 * Runs claimable jobs one after another until none is left. Safe with several processes: each
 * job is claimed under a lease, and a handler that loses its lease stops at its next checkpoint.
 * Handlers must be resumable from their last cursor, since a claim may follow a crash.
 */
export async function runJobsOnce(options: JobRunnerOptions): Promise<number> {
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const now = options.now ?? (() => new Date());
  const types = Object.keys(options.handlers);
  let ran = 0;
  for (;;) {
    const job = await claimNextJob(options.db, types, now(), leaseMs);
    if (!job) return ran;
    ran++;
    const handler = options.handlers[job.type] as JobHandler;
    const context: JobContext = {
      db: options.db,
      job,
      now,
      async checkpoint(progress) {
        if (!(await checkpointJob(options.db, job, progress, now(), leaseMs))) throw new LeaseLostError(`lost the lease on ${job._id}`);
      },
    };
    try {
      const result = await handler(context);
      await finishJob(options.db, job, { state: "done", result }, now());
      options.logger.info({ jobId: job._id, type: job.type }, "job done");
    } catch (error) {
      if (error instanceof LeaseLostError) {
        options.logger.warn({ jobId: job._id, type: job.type }, "job lease lost; another process continues it");
        continue;
      }
      options.logger.error({ err: error, jobId: job._id, type: job.type, attempt: job.attempts }, "job failed");
      if (job.attempts >= maxAttempts) {
        await finishJob(options.db, job, { state: "failed", error: (error as Error).message }, now());
      }
      // Otherwise the lease runs out and the job is retried from its last checkpoint.
    }
  }
}
