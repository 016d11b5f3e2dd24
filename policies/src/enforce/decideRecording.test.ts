import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { decideRecording, type VisitorPrivacySignals } from "./decideRecording.js";

const noSignals: VisitorPrivacySignals = { optedOut: false, globalPrivacyControl: false, doNotTrack: false, consent: "unanswered" };
const required = effectivePolicyFor({ consentMode: "required" });
const optOut = effectivePolicyFor({ consentMode: "opt-out" });
// The MouseStats policy allows no weaker mode than opt-out; another policy may allow `none`.
const none = { consent: { ...optOut.consent, mode: "none" as const } };

describe("decideRecording", () => {
  it.each([
    { policy: required, consent: "unanswered", decision: { record: false, reason: "awaiting-consent" } },
    { policy: required, consent: "given", decision: { record: true, consent: "granted" } },
    { policy: required, consent: "refused", decision: { record: false, reason: "consent-refused" } },
    { policy: optOut, consent: "unanswered", decision: { record: true, consent: "not-required" } },
    { policy: optOut, consent: "given", decision: { record: true, consent: "granted" } },
    { policy: optOut, consent: "refused", decision: { record: false, reason: "consent-refused" } },
    { policy: none, consent: "unanswered", decision: { record: true, consent: "not-required" } },
    { policy: none, consent: "refused", decision: { record: false, reason: "consent-refused" } },
  ] as const)("MS-4.2 mode $policy.consent.mode with consent $consent → $decision", ({ policy, consent, decision }) => {
    expect(decideRecording(policy, { ...noSignals, consent })).toEqual(decision);
  });

  it.each([required, optOut, none])("MS-4.1 MS-1.11 never records a visitor who opted out, consent or not (policy %#)", (policy) => {
    expect(decideRecording(policy, { ...noSignals, optedOut: true, consent: "given" })).toEqual({ record: false, reason: "opted-out" });
  });

  it.each([
    { signal: { globalPrivacyControl: true }, flag: "honourGlobalPrivacyControl", reason: "global-privacy-control" },
    { signal: { doNotTrack: true }, flag: "honourDoNotTrack", reason: "do-not-track" },
  ] as const)("MS-4.2 $reason counts as an opt-out where the policy honours it, even over consent", ({ signal, flag, reason }) => {
    expect(decideRecording(optOut, { ...noSignals, ...signal })).toEqual({ record: false, reason });
    expect(decideRecording(required, { ...noSignals, ...signal, consent: "given" })).toEqual({ record: false, reason });
    const ignoresSignal = { consent: { ...optOut.consent, [flag]: false } };
    expect(decideRecording(ignoresSignal, { ...noSignals, ...signal })).toEqual({ record: true, consent: "not-required" });
  });

  it("MS-4.2 a mode it does not know waits for consent", () => {
    const unknownMode = { consent: { ...optOut.consent, mode: "later" } } as unknown as typeof optOut;
    expect(decideRecording(unknownMode, noSignals)).toEqual({ record: false, reason: "awaiting-consent" });
  });
});
