import type { MousetrailClient } from "@mousetrail/client-sdk";
import { createSignal, onCleanup } from "solid-js";

export type RecorderSeen = "checking" | "seen" | "not-seen" | "unknown";

/**
 * Whether the site's recorder has sent a session yet: asked now and then every `intervalMs`
 * until it has, so the install screen turns to "seen" by itself after the first visit.
 */
export function createRecorderSeenStore(api: MousetrailClient, tenantId: string, siteId: string, intervalMs = 4000) {
  const [state, setState] = createSignal<RecorderSeen>("checking");
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const check = async () => {
    try {
      const { sessions } = await api.sessions.list.query({ tenantId, siteId, limit: 1 });
      setState(sessions.length > 0 ? "seen" : "not-seen");
    } catch (error) {
      // A role without report access cannot see sessions; say so instead of guessing.
      setState("unknown");
      if (!(error instanceof Error)) throw error;
      return;
    }
    if (state() === "not-seen" && !stopped) timer = setTimeout(() => void check(), intervalMs);
  };
  void check();
  onCleanup(() => {
    stopped = true;
    clearTimeout(timer);
  });
  return { state, checkNow: () => void check() };
}
