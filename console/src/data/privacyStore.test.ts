import { TRPCClientError } from "@trpc/client";
import type { MousetrailClient } from "@mousetrail/client-sdk";
import { createRoot } from "solid-js";
import { describe, expect, it, vi } from "vitest";
import { createPrivacyStore, type DraftSettings, type PrivacySettings } from "./privacyStore.js";

const settings: DraftSettings = { nonSensitiveSelectors: [], maskedSelectors: [], blockedSelectors: [], textMasking: "all-text", consentMode: "opt-out", retentionDays: {} };
const saved = { policyId: "mousestats", policyVersion: 1, publishedVersions: [], settings, bounds: {} } as unknown as PrivacySettings;
const policyFor = (draft: DraftSettings) => ({ policyId: "mousestats", policyVersion: 1, consent: { mode: draft.consentMode } });

function refusal(): TRPCClientError<never> {
  const error = new TRPCClientError<never>("settings.retentionDays.rawRecordings: retention must be between 1 and 365 days, got 999");
  Object.assign(error, { data: { appCode: "BAD_INPUT", issues: [{ field: "settings.retentionDays.rawRecordings", message: "retention must be between 1 and 365 days, got 999" }] } });
  return error;
}

describe("createPrivacyStore", () => {
  it("previews the settled draft only, and keeps the last valid preview beside a refusal", async () => {
    const previewPolicy = vi.fn(async ({ settings: draft }: { settings: DraftSettings }) => {
      if ((draft.retentionDays.rawRecordings ?? 0) > 365) throw refusal();
      return policyFor(draft);
    });
    const api = {
      privacy: { settings: { query: async () => saved }, cookieTable: { query: async () => [] }, previewPolicy: { query: previewPolicy } },
    } as unknown as MousetrailClient;
    await createRoot(async (dispose) => {
      const store = createPrivacyStore(api, "tnt_1", "site_1", { delayMs: 20 });
      await vi.waitFor(() => expect(store.preview()?.policy).toMatchObject({ consent: { mode: "opt-out" } }));
      expect(previewPolicy).toHaveBeenCalledTimes(1);

      // Typing fast asks once, for what was typed last.
      store.setDraft({ ...settings, consentMode: "none" });
      store.setDraft({ ...settings, consentMode: "required" });
      expect(store.draft()?.consentMode).toBe("required");
      await vi.waitFor(() => expect(store.preview()?.policy).toMatchObject({ consent: { mode: "required" } }));
      expect(previewPolicy).toHaveBeenCalledTimes(2);

      store.setDraft({ ...settings, consentMode: "required", retentionDays: { rawRecordings: 999 } });
      await vi.waitFor(() => expect(store.preview()?.refusal?.fields).toEqual([{ field: "settings.retentionDays.rawRecordings", message: "retention must be between 1 and 365 days, got 999" }]));
      expect(store.preview()?.policy).toMatchObject({ consent: { mode: "required" } });
      dispose();
    });
  });
});
