import { startBenchProcess } from "./benchProcess.js";
import type { Visit } from "./recorderBatches.js";

export interface LoadRunOptions {
  pool: string;
  /** Full URL of the endpoint, query included. */
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  requests: number;
  /** Cycle the pool's bodies (baselines that store nothing only: the real endpoint would see duplicates). */
  repeat: boolean;
  /** The status that counts as acknowledged; any other is reported as unexpected. */
  expectStatus: number;
}

export interface LoadRunResult {
  requests: number;
  /** Wall clock (Date.now()) when the first request was sent. */
  startedAtMs: number;
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

/** The load generator's process (loadProcess.ts), driven with promises. */
export interface LoadClient {
  pid: number;
  /** Hands prepared visits to the load process (copied over IPC, before any measurement). */
  pool(name: string, visits: Visit[]): Promise<void>;
  drop(name: string): Promise<void>;
  run(options: LoadRunOptions): Promise<LoadRunResult>;
  close(): Promise<void>;
}

export async function startLoadClient(): Promise<LoadClient> {
  const child = await startBenchProcess<{ pid: number }>(new URL("./loadProcess.ts", import.meta.url));
  return {
    pid: child.pid,
    async pool(name, visits) {
      await child.request("pool", { name, visits });
    },
    async drop(name) {
      await child.request("drop", { name });
    },
    run: (options) => child.request<LoadRunResult>("run", { options }),
    close: () => child.close(),
  };
}
