import type { BenchEnvironment } from "./benchEnvironment.js";
import { startBenchProcess, type BenchProcess } from "./benchProcess.js";

/** B1 (echo) and B3 (store), each a process of its own (baselineServerProcess.ts). */
export interface BaselineServers {
  echoUrl: string;
  storeUrl: string;
  /** B3's process, for measuring its CPU. */
  storePid: number;
  close(): Promise<void>;
}

export async function startBaselineServers(environment: BenchEnvironment): Promise<BaselineServers> {
  const entry = new URL("./baselineServerProcess.ts", import.meta.url);
  const started: BenchProcess<{ url: string }>[] = [];
  try {
    const echo = await startBenchProcess<{ url: string }>(entry, { env: { BENCH_BASELINE: "echo" } });
    started.push(echo);
    const store = await startBenchProcess<{ url: string }>(entry, {
      env: { BENCH_BASELINE: "store", BENCH_MONGODB_URI: environment.databaseServer.uri, BENCH_DB_NAME: environment.db.databaseName },
    });
    started.push(store);
    return {
      echoUrl: echo.ready.url,
      storeUrl: store.ready.url,
      storePid: store.pid,
      close: async () => {
        await Promise.all(started.map((child) => child.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((child) => child.close()));
    throw error;
  }
}
