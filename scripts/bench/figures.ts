/**
 * A figure of the benchmark: one row of the table, one entry of bench/results.json. A figure
 * with a target is compared to it as measured; the benchmark never adjusts either.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the value is divided by, measured in the same run, for figures whose target is a ratio. */
  baseline: { name: string; value: number; unit: string } | null;
  /**
   * value / baseline.value; for a figure measured in rounds against a baseline measured in the
   * same rounds, the median of the per-round ratios instead (never a median divided by a median).
   */
  ratio: number | null;
  /** The lowest per-round ratio, for a ratio measured per round; else null. */
  ratioMin: number | null;
  target: Target | null;
  /** Whether the target is met; null for a figure without a target. */
  met: boolean | null;
}

/** `value <op> limit`, where value is the ratio when the figure has a baseline, else the value. */
export interface Target {
  op: ">=" | "<=";
  limit: number;
  /** How the table shows it, e.g. ">= 0.7 x B1". */
  text: string;
}

/**
 * `roundRatios`: the ratio of each round (value and baseline measured in that round); the
 * figure's ratio is then their median and the target is judged on it.
 */
export function figure(
  name: string,
  value: number,
  unit: string,
  options: { baseline?: Figure["baseline"]; target?: Target; roundRatios?: readonly number[] } = {},
): Figure {
  const baseline = options.baseline ?? null;
  const perRound = options.roundRatios?.length ? options.roundRatios : null;
  const ratio = perRound ? median(perRound) : baseline ? value / baseline.value : null;
  const ratioMin = perRound ? Math.min(...perRound) : null;
  const target = options.target ?? null;
  const compared = ratio ?? value;
  const met = target ? (target.op === ">=" ? compared >= target.limit : compared <= target.limit) : null;
  return { name, value, unit, baseline, ratio, ratioMin, target, met };
}

/** Three significant digits at most, without losing the integer part of large values. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return Math.round(value).toLocaleString("en-GB");
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(magnitude >= 1 ? 2 : 3);
}

/** A plain-text table with a header row and left-aligned columns. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

export function renderFigures(figures: readonly Figure[]): string {
  return renderTable(
    ["figure", "value", "unit", "baseline", "ratio (median per round)", "target", "met"],
    figures.map((entry) => [
      entry.name,
      formatNumber(entry.value),
      entry.unit,
      entry.baseline ? `${formatNumber(entry.baseline.value)} ${entry.baseline.unit} (${entry.baseline.name})` : "",
      entry.ratio === null ? "" : `${entry.ratio.toFixed(3)}${entry.ratioMin === null ? "" : ` (min ${entry.ratioMin.toFixed(3)})`}`,
      entry.target?.text ?? "",
      entry.met === null ? "" : entry.met ? "yes" : "NO",
    ]),
  );
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: ArrayLike<number>, p: number): number {
  if (samples.length === 0) throw new Error("percentile of no samples");
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}
