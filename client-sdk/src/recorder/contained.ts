/**
 * The recorder runs inside tenants' pages, which must behave exactly as they do without it. Every
 * way into the recorder's code from the page or the browser (listeners, timers, rrweb callbacks,
 * the `window.mousetrail` API, promises) goes through `contained`, so an error of ours never
 * reaches the page's `error` or `unhandledrejection` handlers. Failing silently is deliberate: the
 * worst outcome of a recorder bug must be a recording that is missing, never a page that breaks.
 */
export function contained<Args extends unknown[]>(action: (...args: Args) => unknown): (...args: Args) => void {
  return (...args) => {
    try {
      // The recorder's own functions return nothing or a promise, whose rejection is swallowed too.
      (action(...args) as Promise<unknown> | undefined)?.catch?.(ignore);
    } catch {
      // Swallowed on purpose; see above.
    }
  };
}

function ignore(): void {}
