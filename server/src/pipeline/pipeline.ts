import type { DropReason, Rejection, StepResult } from "./stepResult.js";

/** A named step: the name is what the runner reports timings and outcomes under. */
export interface Step<In, Out> {
  readonly name: string;
  run(input: In): StepResult<Out> | Promise<StepResult<Out>>;
}

export function step<In, Out>(name: string, run: (input: In) => StepResult<Out> | Promise<StepResult<Out>>): Step<In, Out> {
  return { name, run };
}

export type PipelineOutcome<T> =
  | { kind: "ok"; value: T }
  | { kind: "drop"; reason: DropReason; step: string }
  | { kind: "reject"; rejection: Rejection; step: string };

/** Cumulative per-step figures of one process, for logs and the benchmark. */
export interface StepMetrics {
  calls: number;
  totalMs: number;
  ok: number;
  drop: number;
  reject: number;
  errors: number;
}

/**
 * An ordered list of steps, built with `then` so each step's input type is the previous
 * step's output. The runner times every step and counts its outcomes; a step that throws is
 * counted and re-thrown (an unexpected error is the server's fault, answered with a 5xx).
 */
export class Pipeline<In, Out> {
  readonly metrics: Map<string, StepMetrics>;

  private constructor(
    private readonly steps: readonly Step<unknown, unknown>[],
    metrics: Map<string, StepMetrics>,
  ) {
    this.metrics = metrics;
  }

  static start<T>(): Pipeline<T, T> {
    return new Pipeline<T, T>([], new Map());
  }

  then<Next>(next: Step<Out, Next>): Pipeline<In, Next> {
    this.metrics.set(next.name, { calls: 0, totalMs: 0, ok: 0, drop: 0, reject: 0, errors: 0 });
    return new Pipeline<In, Next>([...this.steps, next as Step<unknown, unknown>], this.metrics);
  }

  async run(input: In): Promise<PipelineOutcome<Out>> {
    let value: unknown = input;
    for (const current of this.steps) {
      const metrics = this.metrics.get(current.name) as StepMetrics;
      const started = performance.now();
      metrics.calls++;
      let result: StepResult<unknown>;
      try {
        result = await current.run(value);
      } catch (error) {
        metrics.errors++;
        throw error;
      } finally {
        metrics.totalMs += performance.now() - started;
      }
      metrics[result.kind]++;
      if (result.kind === "drop") return { kind: "drop", reason: result.reason, step: current.name };
      if (result.kind === "reject") return { kind: "reject", rejection: result.rejection, step: current.name };
      value = result.value;
    }
    return { kind: "ok", value: value as Out };
  }
}
