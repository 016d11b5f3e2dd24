import type { Logger } from "../logging/logger.js";

export interface PeriodicTask {
  /** Waits for a run in progress to finish; no run starts after this. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now and then every `intervalMs`, never two runs at once in this process (a run
 * that overruns the interval makes the next tick skip). Work shared between processes must be
 * claimed inside the task (leases, unique keys): this only paces one process.
 */
export function startPeriodicTask(name: string, task: () => Promise<unknown>, intervalMs: number, logger: Logger): PeriodicTask {
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (current || stopped) return;
    current = task()
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error, task: name }, "periodic task failed"),
      )
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
