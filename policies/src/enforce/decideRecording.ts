import type { EffectivePolicy } from "../effectivePolicy.js";

/** What the recorder knows about the visitor when a page loads, and the server about a batch. */
export interface VisitorPrivacySignals {
  /** The opt-out cookie (MS-1.11) is present, or the page was opened with the opt-out query parameter. */
  readonly optedOut: boolean;
  /** `navigator.globalPrivacyControl`, or the `Sec-GPC: 1` request header. */
  readonly globalPrivacyControl: boolean;
  /** `navigator.doNotTrack === "1"`, or the `DNT: 1` request header. */
  readonly doNotTrack: boolean;
  /** The visitor gave consent through the tenant's consent step (MS-4.2). */
  readonly consentGiven: boolean;
}

export type RecordingDecision =
  | { readonly record: true }
  | { readonly record: false; readonly reason: "opted-out" | "global-privacy-control" | "do-not-track" | "awaiting-consent" };

/**
 * MS-4.1, MS-4.2, MS-1.11: whether a visitor may be recorded. An opt-out always wins; browser
 * privacy signals count as an opt-out when the policy honours them; under `required` consent
 * nothing is recorded until the visitor has consented. The recorder asks before it starts, and
 * the server asks again for every batch, since it never trusts the recorder.
 */
export function decideRecording(policy: Pick<EffectivePolicy, "consent">, signals: VisitorPrivacySignals): RecordingDecision {
  if (signals.optedOut) return { record: false, reason: "opted-out" };
  if (policy.consent.honourGlobalPrivacyControl && signals.globalPrivacyControl) return { record: false, reason: "global-privacy-control" };
  if (policy.consent.honourDoNotTrack && signals.doNotTrack) return { record: false, reason: "do-not-track" };
  if (policy.consent.mode === "required" && !signals.consentGiven) return { record: false, reason: "awaiting-consent" };
  return { record: true };
}
