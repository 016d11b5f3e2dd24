// Types for buildRecorder.mjs (plain ESM, run by node directly), for the tests that build with it.

export interface BundleSize {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/** The largest recorder allowed, as a multiple of the rrweb record-only baseline (gzipped). */
export declare const sizeBudgetRatio: number;

/** Builds the recorder (IIFE and ESM) and the rrweb record-only baseline into `outdir`. */
export declare function buildRecorder(options?: { outdir?: string }): Promise<{
  recorder: BundleSize;
  baseline: BundleSize;
  ratio: number;
  outdir: string;
}>;
