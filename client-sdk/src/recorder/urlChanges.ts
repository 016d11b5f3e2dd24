import { contained } from "./contained.js";

/** What `watchUrlChanges` touches of `window`; tests pass a stand-in. */
export interface UrlChangeHost {
  readonly history: Pick<History, "pushState" | "replaceState">;
  addEventListener(type: "popstate", listener: () => void): void;
}

/**
 * Calls `onNavigate` after every navigation a single-page application makes without loading a
 * page: `history.pushState`, `history.replaceState` (wrapped, their behaviour and return value
 * untouched) and `popstate` (back, forward, and a hash change: browsers fire `popstate` before
 * `hashchange` on every fragment navigation, so one listener sees both); the caller decides whether the URL
 * really changed, and ignores the calls once it has stopped. Nothing is unwrapped on stopping:
 * another script may have wrapped the methods since, and unwrapping ours would cut it out.
 */
export function watchUrlChanges(host: UrlChangeHost, onNavigate: () => void): void {
  const notify = contained(onNavigate);
  for (const method of ["pushState", "replaceState"] as const) {
    const original = host.history[method];
    host.history[method] = function (this: History, ...args: Parameters<History["pushState"]>) {
      const result = original.apply(this, args);
      notify();
      return result;
    };
  }
  host.addEventListener("popstate", notify);
}
