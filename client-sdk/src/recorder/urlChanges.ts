import { contained } from "./contained.js";

/** What `watchUrlChanges` touches of `window`; tests pass a stand-in. */
export interface UrlChangeHost {
  readonly history: Pick<History, "pushState" | "replaceState">;
  addEventListener(type: "popstate" | "hashchange", listener: () => void): void;
  removeEventListener(type: "popstate" | "hashchange", listener: () => void): void;
}

type HistoryMethod = "pushState" | "replaceState";

/**
 * Calls `onNavigate` after every navigation a single-page application makes without loading a
 * page: `history.pushState`, `history.replaceState` (wrapped, their behaviour and return value
 * untouched), `popstate` (back, forward) and `hashchange`. The caller decides whether the URL
 * really changed. Returns the way to stop: the page's own methods are put back, unless another
 * script wrapped them since, in which case ours stays in its chain and does nothing.
 */
export function watchUrlChanges(host: UrlChangeHost, onNavigate: () => void): () => void {
  let watching = true;
  const notify = contained(() => {
    if (watching) onNavigate();
  });
  const history = host.history;
  const wrap = (method: HistoryMethod) => {
    const original = history[method];
    const wrapped = function (this: History, ...args: Parameters<History[HistoryMethod]>) {
      const result = original.apply(this, args);
      notify();
      return result;
    };
    history[method] = wrapped;
    return () => {
      if (history[method] === wrapped) history[method] = original;
    };
  };
  const restore = [wrap("pushState"), wrap("replaceState")];
  host.addEventListener("popstate", notify);
  host.addEventListener("hashchange", notify);
  return () => {
    watching = false;
    for (const undo of restore) undo();
    host.removeEventListener("popstate", notify);
    host.removeEventListener("hashchange", notify);
  };
}
