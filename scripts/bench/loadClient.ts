import { Worker } from "node:worker_threads";
import type { Visit } from "./recorderBatches.js";

export interface LoadRunOptions {
  pool: string;
  /** Full URL of the endpoint, query included. */
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  requests: number;
  /** Cycle the pool's bodies (baselines only: the real endpoint would see duplicates). */
  repeat: boolean;
  /** The status that counts as acknowledged; any other is reported as unexpected. */
  expectStatus: number;
}

export interface LoadRunResult {
  requests: number;
  elapsedMs: number;
  /** Events and body bytes of the requests answered with the expected status. */
  events: number;
  bytes: number;
  statuses: Record<string, number>;
  /** The first few unexpected answers (status and start of the body). */
  unexpected: string[];
  /** Milliseconds from each request's start to its response's end. */
  latencies: Float64Array;
}

/** The load generator's worker thread (loadWorker.mjs), driven with promises. */
export interface LoadClient {
  /** Hands prepared visits to the worker (their buffers are transferred, not copied). */
  pool(name: string, visits: Visit[]): Promise<void>;
  drop(name: string): void;
  run(options: LoadRunOptions): Promise<LoadRunResult>;
  close(): Promise<void>;
}

export function startLoadClient(): LoadClient {
  const worker = new Worker(new URL("./loadWorker.mjs", import.meta.url));
  let pending: { resolve(value: unknown): void; reject(error: Error): void } | null = null;
  worker.on("message", (message: { kind: string; result?: LoadRunResult; message?: string }) => {
    const waiting = pending;
    pending = null;
    if (message.kind === "error") waiting?.reject(new Error(`load generator: ${message.message}`));
    else waiting?.resolve(message.result);
  });
  worker.on("error", (error) => {
    pending?.reject(error);
    pending = null;
  });
  const request = <T>(message: unknown, transfer: ArrayBuffer[] = []): Promise<T> => {
    if (pending) throw new Error("load generator: one request at a time");
    return new Promise<T>((resolve, reject) => {
      pending = { resolve: resolve as (value: unknown) => void, reject };
      worker.postMessage(message, transfer);
    });
  };
  return {
    async pool(name, visits) {
      const transfer = visits.flatMap((visit) => visit.bodies.map((body) => body.buffer as ArrayBuffer));
      await request({ kind: "pool", name, visits }, [...new Set(transfer)]);
    },
    drop(name) {
      worker.postMessage({ kind: "drop", name });
    },
    run(options) {
      return request<LoadRunResult>({ kind: "run", options });
    },
    async close() {
      await worker.terminate();
    },
  };
}
