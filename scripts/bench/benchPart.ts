import type { BenchEnvironment } from "./benchEnvironment.js";
import type { Figure } from "./figures.js";

export interface BenchSettings {
  /** Requests (or insertMany calls) in flight during every throughput measurement. */
  concurrency: number;
  /** Rounds of each measurement; figures are medians of the rounds, ratios medians of per-round ratios. */
  rounds: number;
  /** The length each measurement aims for, sized from the warm-up's rate. */
  seconds: number;
}

export interface PartContext {
  settings: BenchSettings;
  /** The database and the server (processes of their own), started on first use and shared by every part of the run. */
  environment(): Promise<BenchEnvironment>;
  /** Progress, on stderr. */
  log(line: string): void;
}

export interface PartResult {
  figures: Figure[];
  /** Printed under the part's heading, before the summary table. */
  report: string;
  /** Raw measurements, kept in results.json. */
  details: Record<string, unknown>;
}

/** One part of `npm run bench`, selected by name: `npm run bench -- <name>`. */
export interface BenchPart {
  name: string;
  title: string;
  run(context: PartContext): Promise<PartResult>;
}
