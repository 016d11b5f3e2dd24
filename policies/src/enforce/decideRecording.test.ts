import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { decideRecording, type VisitorPrivacySignals } from "./decideRecording.js";

const noSignals: VisitorPrivacySignals = { optedOut: false, globalPrivacyControl: false, doNotTrack: false, consentGiven: false };
const required = effectivePolicyFor({ consentMode: "required" });
const optOut = effectivePolicyFor({ consentMode: "opt-out" });

describe("decideRecording", () => {
  it("MS-4.2 records nothing under required consent until the visitor consents", () => {
    expect(decideRecording(required, noSignals)).toEqual({ record: false, reason: "awaiting-consent" });
    expect(decideRecording(required, { ...noSignals, consentGiven: true })).toEqual({ record: true });
  });

  it("MS-4.1 records a visitor who has not opted out under opt-out consent", () => {
    expect(decideRecording(optOut, noSignals)).toEqual({ record: true });
  });

  it.each([required, optOut])("MS-4.1 never records a visitor who opted out, consent or not (policy %#)", (policy) => {
    expect(decideRecording(policy, { ...noSignals, optedOut: true, consentGiven: true })).toEqual({ record: false, reason: "opted-out" });
  });

  it("MS-4.1 treats Global Privacy Control and Do Not Track as an opt-out when the policy honours them", () => {
    expect(decideRecording(optOut, { ...noSignals, globalPrivacyControl: true })).toEqual({ record: false, reason: "global-privacy-control" });
    expect(decideRecording(optOut, { ...noSignals, doNotTrack: true })).toEqual({ record: false, reason: "do-not-track" });
    const ignoresSignals = { consent: { ...optOut.consent, honourGlobalPrivacyControl: false, honourDoNotTrack: false } };
    expect(decideRecording(ignoresSignals, { ...noSignals, globalPrivacyControl: true, doNotTrack: true })).toEqual({ record: true });
  });
});
