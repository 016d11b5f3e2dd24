import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { resolveEffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { tenantPrivacySettingsSchema, type TenantPrivacySettingsInput } from "@mousetrail/policies/tenantSettings";
import { describe, expect, it } from "vitest";
import { privacyTightening } from "./privacyTightening.js";

const policy = (settings: TenantPrivacySettingsInput) => resolveEffectivePolicy(mouseStatsPolicyV1, tenantPrivacySettingsSchema.parse(settings));
const base: TenantPrivacySettingsInput = { textMasking: "inputs-only", nonSensitiveSelectors: ["#search"], retentionDays: { rawRecordings: 30 } };

describe("privacyTightening", () => {
  it.each([
    ["all text masked", { ...base, textMasking: "all-text" }, true, []],
    ["a masked selector added", { ...base, maskedSelectors: [".price"] }, true, []],
    ["a blocked selector added", { ...base, blockedSelectors: ["#chat"] }, true, []],
    ["a non-sensitive field removed", { ...base, nonSensitiveSelectors: [] }, true, []],
    ["raw recordings kept for less time", { ...base, retentionDays: { rawRecordings: 7 } }, false, ["rawRecordings"]],
  ] as const)("tightens when %s", (_, after, remask, shortened) => {
    const result = privacyTightening(policy(base), policy(after as TenantPrivacySettingsInput));
    expect(result.remask).toBe(remask);
    expect(result.shortenedRetention).toEqual(shortened);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it.each([
    ["text unmasked", { ...base, textMasking: "inputs-only" as const, nonSensitiveSelectors: ["#search", "#qty"] }],
    ["retention lengthened", { ...base, retentionDays: { rawRecordings: 90 } }],
  ])("does not act on loosening: %s", (_, after) => {
    expect(privacyTightening(policy(base), policy(after))).toEqual({ remask: false, shortenedRetention: [], reasons: [] });
  });
});
