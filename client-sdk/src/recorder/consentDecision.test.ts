import { describe, expect, it } from "vitest";
import { decideConsent, type ConsentSignals } from "./consentDecision.js";

const honoured = { honourGlobalPrivacyControl: true, honourDoNotTrack: true };
const noSignals: ConsentSignals = { optedOut: false, globalPrivacyControl: false, doNotTrack: false, consent: undefined };

describe("decideConsent", () => {
  it.each([
    { mode: "required", signals: {}, decision: "wait-for-consent" },
    { mode: "required", signals: { consent: true }, decision: "granted" },
    { mode: "required", signals: { consent: false }, decision: "stay-off" },
    { mode: "opt-out", signals: {}, decision: "not-required" },
    { mode: "opt-out", signals: { consent: true }, decision: "granted" },
    { mode: "none", signals: {}, decision: "not-required" },
    { mode: "none", signals: { consent: false }, decision: "stay-off" },
  ] as const)("MS-4.2 $mode with $signals → $decision", ({ mode, signals, decision }) => {
    expect(decideConsent({ mode, ...honoured }, { ...noSignals, ...signals })).toBe(decision);
  });

  it.each(["none", "opt-out", "required"] as const)("MS-4.1 MS-1.11 the disable cookie wins over consent in %s mode", (mode) => {
    expect(decideConsent({ mode, ...honoured }, { ...noSignals, optedOut: true, consent: true })).toBe("stay-off");
  });

  it.each([
    { signal: "Global Privacy Control", signals: { globalPrivacyControl: true }, flag: "honourGlobalPrivacyControl" },
    { signal: "Do Not Track", signals: { doNotTrack: true }, flag: "honourDoNotTrack" },
  ] as const)("MS-4.1 $signal counts as an opt-out where the policy honours it, even over consent", ({ signals, flag }) => {
    expect(decideConsent({ mode: "opt-out", ...honoured }, { ...noSignals, ...signals })).toBe("stay-off");
    expect(decideConsent({ mode: "required", ...honoured }, { ...noSignals, ...signals, consent: true })).toBe("stay-off");
    expect(decideConsent({ mode: "opt-out", ...honoured, [flag]: false }, { ...noSignals, ...signals })).toBe("not-required");
  });

  it("MS-4.2 fails closed on a config it does not understand", () => {
    const unknownMode = { mode: "later", ...honoured } as unknown as Parameters<typeof decideConsent>[0];
    expect(decideConsent(unknownMode, noSignals)).toBe("wait-for-consent");
    const missingFlags = { mode: "opt-out" } as unknown as Parameters<typeof decideConsent>[0];
    expect(decideConsent(missingFlags, { ...noSignals, globalPrivacyControl: true })).toBe("stay-off");
  });
});
