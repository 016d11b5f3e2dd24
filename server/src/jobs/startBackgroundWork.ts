import type { Db } from "mongodb";
import { purgeClosedComplaints } from "../domain/complaints/purgeClosedComplaints.js";
import { defaultErasureBatchSize, defaultErasureLeaseMs, runPendingErasures } from "../domain/compliance/runPendingErasures.js";
import { defaultPurgeBatchSize, defaultPurgeLeaseMs, runPendingPurges } from "../domain/compliance/runPendingPurges.js";
import { applyRetentionEverywhere } from "../domain/privacy/applyRetentionEverywhere.js";
import { enforcePrivacyJobType, enforcePrivacySettingsJob } from "../domain/privacy/remaskStoredRecordings.js";
import type { Logger } from "../logging/logger.js";
import type { JobHandler } from "./jobRunner.js";
import { runJobsOnce } from "./jobRunner.js";
import { startPeriodicTask, type PeriodicTask } from "./periodicTask.js";

/** Every background job type the server knows how to run. */
export const jobHandlers: Record<string, JobHandler> = {
  [enforcePrivacyJobType]: enforcePrivacySettingsJob,
};

export interface BackgroundIntervals {
  jobsMs: number;
  /** Retention of analytics data, and of closed complaints. */
  retentionMs: number;
  /** Purges and visitor erasures (their final passes are due this much after they are, at most). */
  purgesMs: number;
  /** The lease of purges and erasures (defaults: defaultPurgeLeaseMs, defaultErasureLeaseMs); shorter only in crash tests. */
  complianceLeaseMs?: number;
}

export const defaultBackgroundIntervals: BackgroundIntervals = { jobsMs: 2_000, retentionMs: 3_600_000, purgesMs: 5_000 };

/**
 * The work each server process does besides answering requests. Every task is safe to run in
 * several processes at once: jobs are claimed under leases, retention deletes are idempotent.
 * (Derivation from stored chunks has a worker of its own: rollups/derivation.)
 */
export function startBackgroundWork(db: Db, logger: Logger, intervals: BackgroundIntervals = defaultBackgroundIntervals): { stop(): Promise<void> } {
  const tasks: PeriodicTask[] = [
    startPeriodicTask("jobs", () => runJobsOnce({ db, logger, handlers: jobHandlers }), intervals.jobsMs, logger),
    startPeriodicTask("retention", () => applyRetentionEverywhere(db, new Date()), intervals.retentionMs, logger),
    startPeriodicTask("complaintRetention", () => purgeClosedComplaints(db, new Date()), intervals.retentionMs, logger),
    startPeriodicTask(
      "analyticsPurges",
      async () => {
        const outcomes = await runPendingPurges(db, { now: () => new Date(), leaseMs: intervals.complianceLeaseMs ?? defaultPurgeLeaseMs, batchSize: defaultPurgeBatchSize });
        for (const outcome of outcomes) {
          if (outcome.outcome === "failed") logger.error({ purge: outcome }, "analytics purge failed; retried when its lease runs out");
        }
        // MS-4.1: visitor erasures, by the same runner: resumed after a crash, final passes made when due.
        const erasures = await runPendingErasures(db, { now: () => new Date(), leaseMs: intervals.complianceLeaseMs ?? defaultErasureLeaseMs, batchSize: defaultErasureBatchSize });
        for (const outcome of erasures) {
          if (outcome.outcome === "failed") logger.error({ erasure: outcome }, "visitor erasure failed; resumed when its lease runs out");
        }
      },
      intervals.purgesMs,
      logger,
    ),
  ];
  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
    },
  };
}
