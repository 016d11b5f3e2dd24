import { formatNumber, renderTable } from "./figures.js";

/** One step's counters of the server's collect pipeline (its `Pipeline.metrics`), as the server process sends them. */
export interface StepMetrics {
  calls: number;
  totalMs: number;
  ok: number;
  drop: number;
  reject: number;
  errors: number;
}

export type StepMetricsEntry = StepMetrics & { step: string };

export type MetricsSnapshot = Map<string, StepMetrics>;

export function snapshotMetrics(entries: readonly StepMetricsEntry[]): MetricsSnapshot {
  return new Map(entries.map(({ step, ...entry }) => [step, entry]));
}

/** What each step did between two snapshots, added to `into` (per step, in pipeline order). */
export function addMetricsDelta(into: MetricsSnapshot, before: MetricsSnapshot, after: MetricsSnapshot): void {
  for (const [name, end] of after) {
    const start = before.get(name) ?? { calls: 0, totalMs: 0, ok: 0, drop: 0, reject: 0, errors: 0 };
    const sum = into.get(name) ?? { calls: 0, totalMs: 0, ok: 0, drop: 0, reject: 0, errors: 0 };
    for (const key of ["calls", "totalMs", "ok", "drop", "reject", "errors"] as const) sum[key] += end[key] - start[key];
    into.set(name, sum);
  }
}

export interface StepTiming {
  step: string;
  calls: number;
  /** Mean wall time of one call, awaits included (requests overlap, so these add up to latency, not CPU). */
  meanMs: number;
  /** Share of the summed wall time of all steps. */
  share: number;
  rejected: number;
  errors: number;
}

export function stepTimings(metrics: MetricsSnapshot): StepTiming[] {
  const total = [...metrics.values()].reduce((sum, entry) => sum + entry.totalMs, 0);
  return [...metrics].map(([step, entry]) => ({
    step,
    calls: entry.calls,
    meanMs: entry.calls ? entry.totalMs / entry.calls : 0,
    share: total ? entry.totalMs / total : 0,
    rejected: entry.reject,
    errors: entry.errors,
  }));
}

export function renderStepTimings(timings: readonly StepTiming[]): string {
  const slowest = [...timings].sort((a, b) => b.meanMs - a.meanMs)[0]?.step;
  return renderTable(
    ["step", "calls", "mean ms", "share", ""],
    timings.map((timing) => [
      timing.step,
      String(timing.calls),
      formatNumber(timing.meanMs),
      `${(timing.share * 100).toFixed(1)} %`,
      [timing.step === slowest ? "slowest" : "", timing.rejected ? `${timing.rejected} rejected` : "", timing.errors ? `${timing.errors} errors` : ""]
        .filter(Boolean)
        .join(", "),
    ]),
  );
}
