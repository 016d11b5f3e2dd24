import type { MousetrailClient, RouterOutputs } from "@mousetrail/client-sdk";
import { isMousetrailError } from "@mousetrail/client-sdk";
import { createResource, createSignal, onCleanup, type Accessor } from "solid-js";
import { describeApiError, type ApiErrorDescription } from "../api/describeApiError.js";

export type PrivacySettings = RouterOutputs["privacy"]["settings"];
export type DraftSettings = PrivacySettings["settings"];
export type JobStatus = RouterOutputs["privacy"]["jobStatus"];
export interface PolicyPreview {
  /** The policy the last valid draft would run under. */
  policy: RouterOutputs["privacy"]["previewPolicy"] | null;
  /** Why the current draft would be refused, by field; null when it is valid. */
  refusal: ApiErrorDescription | null;
}

/** Levels from least to most protective, as the policy's minimums are stated. */
export const consentModes = ["none", "opt-out", "required"] as const;
export const textMaskingLevels = ["none", "inputs-only", "all-text"] as const;

/** The choices at or above the policy's minimum: weaker ones would be refused anyway. */
export function choicesAtLeast<T extends string>(levels: readonly T[], minimum: string): T[] {
  const from = levels.indexOf(minimum as T);
  return from < 0 ? [...levels] : levels.slice(from);
}

/** One CSS selector a line, blank lines ignored. */
export function parseSelectors(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * One site's privacy: its saved settings and bounds, a live preview of the policy a draft would
 * run under (asked `delayMs` after the last edit), saving, and the job that a tightening starts.
 */
export function createPrivacyStore(api: MousetrailClient, tenantId: string, siteId: string, options: { delayMs?: number; pollMs?: number } = {}) {
  const site = { tenantId, siteId };
  const [saved, { refetch }] = createResource(() => api.privacy.settings.query(site));
  const [cookies, { refetch: refetchCookies }] = createResource(() => api.privacy.cookieTable.query(site));
  const [draft, setDraftNow] = createSignal<DraftSettings | null>(null);
  const [settledDraft, setSettledDraft] = createSignal<DraftSettings | null>(null);
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const setDraft = (next: DraftSettings) => {
    setDraftNow(next);
    clearTimeout(debounce);
    debounce = setTimeout(() => setSettledDraft(next), options.delayMs ?? 300);
  };
  // A refused draft is an answer, not a failure: the last valid preview stays beside the reasons.
  let lastValid: PolicyPreview["policy"] = null;
  const [preview] = createResource(
    () => settledDraft() ?? saved()?.settings,
    async (settings): Promise<PolicyPreview> => {
      try {
        lastValid = await api.privacy.previewPolicy.query({ ...site, settings });
        return { policy: lastValid, refusal: null };
      } catch (error) {
        if (!isMousetrailError(error) || error.data?.appCode !== "BAD_INPUT") throw error;
        return { policy: lastValid, refusal: describeApiError(error) };
      }
    },
  );
  const job = createJobWatcher(api, tenantId, options.pollMs ?? 1000);
  onCleanup(() => clearTimeout(debounce));
  return {
    saved,
    cookies,
    draft: (): DraftSettings | undefined => draft() ?? saved()?.settings,
    setDraft,
    preview,
    job: job.status,
    async save(): Promise<RouterOutputs["privacy"]["updateSettings"]> {
      const settings = draft() ?? saved()?.settings;
      const result = await api.privacy.updateSettings.mutate({ ...site, settings: settings ?? {} });
      await Promise.all([refetch(), refetchCookies()]);
      if (result.jobId) job.watch(result.jobId);
      return result;
    },
  };
}

/** Asks for a job's status every `pollMs` until it is done or failed. */
export function createJobWatcher(api: MousetrailClient, tenantId: string, pollMs: number): { status: Accessor<JobStatus | null>; watch(jobId: string): void } {
  const [status, setStatus] = createSignal<JobStatus | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async (jobId: string) => {
    const current = await api.privacy.jobStatus.query({ tenantId, jobId });
    setStatus(current);
    if (current.state === "queued" || current.state === "running") timer = setTimeout(() => void poll(jobId), pollMs);
  };
  onCleanup(() => clearTimeout(timer));
  return {
    status,
    watch(jobId) {
      clearTimeout(timer);
      void poll(jobId);
    },
  };
}
