import type { EffectivePolicy } from "../effectivePolicy.js";

/** The visitor's answer to the tenant's consent step (MS-4.2), if any yet. */
export type ConsentAnswer = "given" | "refused" | "unanswered";

/** What the recorder knows about the visitor when a page loads, and the server about a batch. */
export interface VisitorPrivacySignals {
  /** The opt-out cookie (MS-1.11) is present, or the page was opened with the opt-out query parameter. */
  readonly optedOut: boolean;
  /** `navigator.globalPrivacyControl === true`, or the `Sec-GPC: 1` request header. */
  readonly globalPrivacyControl: boolean;
  /** `navigator.doNotTrack === "1"`, or the `DNT: 1` request header. */
  readonly doNotTrack: boolean;
  readonly consent: ConsentAnswer;
}

/** The part of the policy the decision reads: the recorder gets exactly this in its config. */
export interface ConsentPolicy {
  readonly consent: Pick<EffectivePolicy["consent"], "mode" | "honourGlobalPrivacyControl" | "honourDoNotTrack">;
}

export type RecordingRefusal = "opted-out" | "global-privacy-control" | "do-not-track" | "consent-refused" | "awaiting-consent";

export type RecordingDecision =
  /** `consent` is what every batch then says: `granted`, or `not-required` where the mode asks for none. */
  | { readonly record: true; readonly consent: "granted" | "not-required" }
  | { readonly record: false; readonly reason: RecordingRefusal };

/**
 * MS-4.1, MS-4.2, MS-1.11: whether a visitor may be recorded. An opt-out always wins; browser
 * privacy signals count as an opt-out when the policy honours them, even over consent (they are
 * the visitor's standing request, and a click in a banner does not override it); a refused
 * consent stops recording in every mode; under `required` consent nothing is recorded until the
 * visitor has consented. The recorder asks before it starts, and the server asks again for every
 * batch, since it never trusts the recorder. Only `true` turns a policy flag or a mode on, so
 * callers must validate a policy read from the wire first (the recorder refuses a config whose
 * consent section is malformed).
 */
export function decideRecording(policy: ConsentPolicy, signals: VisitorPrivacySignals): RecordingDecision {
  if (signals.optedOut) return { record: false, reason: "opted-out" };
  if (policy.consent.honourGlobalPrivacyControl && signals.globalPrivacyControl) return { record: false, reason: "global-privacy-control" };
  if (policy.consent.honourDoNotTrack && signals.doNotTrack) return { record: false, reason: "do-not-track" };
  if (signals.consent === "refused") return { record: false, reason: "consent-refused" };
  if (signals.consent === "given") return { record: true, consent: "granted" };
  if (policy.consent.mode === "none" || policy.consent.mode === "opt-out") return { record: true, consent: "not-required" };
  return { record: false, reason: "awaiting-consent" };
}
