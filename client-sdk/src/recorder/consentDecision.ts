import type { CollectPayload, RecorderConfig } from "@mousetrail/server/ingest/collectPayload.schema";

export interface ConsentSignals {
  /** MS-1.11: the disable cookie is present (the opt-out parameter is handled before this). */
  readonly optedOut: boolean;
  /** `navigator.globalPrivacyControl === true`. */
  readonly globalPrivacyControl: boolean;
  /** `navigator.doNotTrack === "1"`. */
  readonly doNotTrack: boolean;
  /** The visitor's answer through `mousetrail.consent()` or `data-consent`, if any yet. */
  readonly consent: boolean | undefined;
}

/** Record, sending this `consent` with every batch; or wait for the visitor's answer; or do nothing. */
export type ConsentDecision = CollectPayload["consent"] | "wait-for-consent" | "stay-off";

/**
 * MS-4.1, MS-4.2: whether the recorder may record now. Opting out, and the browser signals the
 * policy honours (Global Privacy Control, Do Not Track), win over everything, consent included:
 * they are the visitor's standing request not to be recorded, and a click in a consent banner is
 * not a clear enough reason to override it. A refusal stops recording in every mode. Under
 * `required` nothing happens until consent is given; under `opt-out` and `none` recording starts
 * at once. Read fail-closed: a signal is honoured unless the policy says `false`, and a mode this
 * code does not know waits for consent.
 */
export function decideConsent(policy: RecorderConfig["policy"]["consent"], signals: ConsentSignals): ConsentDecision {
  if (
    signals.optedOut ||
    (policy.honourGlobalPrivacyControl !== false && signals.globalPrivacyControl) ||
    (policy.honourDoNotTrack !== false && signals.doNotTrack) ||
    signals.consent === false
  ) {
    return "stay-off";
  }
  if (signals.consent === true) return "granted";
  return policy.mode === "opt-out" || policy.mode === "none" ? "not-required" : "wait-for-consent";
}
