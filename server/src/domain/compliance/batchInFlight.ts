/**
 * The longest a `/collect` batch (or a survey answer) may be in flight: from the moment its
 * opt-out check started to its insert. Ingest refuses, with UNAVAILABLE
 * so the recorder retries, a batch that reaches its insert later than this (storeBatchStep), and
 * a visitor erasure makes its final pass this long after its fence (plus clockSkewAllowanceMs):
 * a batch that passed the opt-out check before the fence is stored before the final pass or not
 * at all, so the final pass finds it. 10 s is far above what the pipeline takes for a batch at
 * the body limits (8 MiB decompressed, 250,000 values: under 2 s on a loaded core; the wait for
 * the decompression budget comes before the receipt time is taken).
 */
export const maxBatchInFlightMs = 10_000;

/**
 * Server processes' clocks differ: the fence time is taken on the clock of the process that
 * requested the erasure, the final pass on that of the process that resumes it.
 */
export const clockSkewAllowanceMs = 2_000;

/** When the final pass of an erasure fenced at `fencedAt` may start. */
export function finalPassAfter(fencedAt: Date, batchInFlightMs: number = maxBatchInFlightMs): Date {
  return new Date(fencedAt.getTime() + batchInFlightMs + clockSkewAllowanceMs);
}

/** Whether a batch whose opt-out check started at `checkedAt` may still be stored at `now`. */
export function stillInFlight(checkedAt: Date, now: Date, batchInFlightMs: number = maxBatchInFlightMs): boolean {
  return now.getTime() - checkedAt.getTime() <= batchInFlightMs;
}
