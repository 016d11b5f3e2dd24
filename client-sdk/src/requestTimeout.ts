/**
 * A fetch that gives up after `timeoutMs`: the request is aborted and the call fails with a
 * `TimeoutError` as its cause. The caller's own abort signal still works alongside it.
 */
export function fetchWithTimeout(fetch: typeof globalThis.fetch, timeoutMs: number): typeof globalThis.fetch {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`timeoutMs: must be a number greater than 0, got ${String(timeoutMs)}`);
  }
  return async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`The Mousetrail API did not answer within ${timeoutMs} ms`, "TimeoutError")),
      timeoutMs,
    );
    const callerSignal = init?.signal;
    const forwardAbort = () => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) forwardAbort();
    callerSignal?.addEventListener("abort", forwardAbort, { once: true });
    try {
      return await fetch(input, { ...init, signal: controller.signal });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", forwardAbort);
    }
  };
}
