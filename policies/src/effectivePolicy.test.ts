import { describe, expect, it } from "vitest";
import { PolicyResolutionError, resolveEffectivePolicy } from "./effectivePolicy.js";
import { mouseStatsPolicyV1 as policy } from "./mousestats/v1.js";
import { tenantPrivacySettingsSchema, type TenantPrivacySettingsInput } from "./tenantSettings.js";

function resolve(settings: TenantPrivacySettingsInput = {}) {
  return resolveEffectivePolicy(policy, tenantPrivacySettingsSchema.parse(settings));
}

function isDeeplyFrozen(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen);
}

describe("resolveEffectivePolicy", () => {
  it("MS-5.1 carries the policy id, version and revision date to stamp sessions with", () => {
    expect(resolve()).toMatchObject({ policyId: "mousestats", policyVersion: 1, revisedOn: "2018-03-02", serviceName: "MouseStats" });
  });

  it("is deeply frozen and survives a JSON round trip unchanged, so it can be sent to the recorder", () => {
    const effective = resolve({ nonSensitiveSelectors: ["#q"], retentionDays: { rawRecordings: 7 } });
    expect(isDeeplyFrozen(effective)).toBe(true);
    expect(JSON.parse(JSON.stringify(effective))).toEqual(effective);
    expect(() => {
      (effective.masking.nonSensitiveSelectors as string[]).push("input");
    }).toThrow(TypeError);
  });

  it("does not freeze or share the tenant's own settings objects", () => {
    const settings = tenantPrivacySettingsSchema.parse({ nonSensitiveSelectors: ["#q"] });
    const effective = resolveEffectivePolicy(policy, settings);
    expect(Object.isFrozen(settings.nonSensitiveSelectors)).toBe(false);
    expect(effective.masking.nonSensitiveSelectors).not.toBe(settings.nonSensitiveSelectors);
  });

  it("MS-1.5 resolves the mask character, text masking and never-capture rules", () => {
    const effective = resolve({ textMasking: "inputs-only" });
    expect(effective.masking).toMatchObject({ maskCharacter: "*", textMasking: "inputs-only" });
    expect(effective.masking.neverCapture.inputTypes).toContain("password");
    expect(resolve().masking.textMasking).toBe("all-text");
    expect(effective.masking.clauses).toEqual(["MS-1.5", "MS-1.6", "MS-1.7"]);
  });

  it("MS-1.6 resolves the tenant's selectors, trimmed and without duplicates", () => {
    const effective = resolve({
      nonSensitiveSelectors: ["#q", " #q ", "[name=qty]"],
      maskedSelectors: [".private", " .private "],
      blockedSelectors: [".ad", " .ad\n"],
    });
    expect(effective.masking).toMatchObject({
      nonSensitiveSelectors: ["#q", "[name=qty]"],
      maskedSelectors: [".private"],
      blockedSelectors: [".ad"],
    });
  });

  it("MS-4.2 takes the tenant's consent mode and the policy's Global Privacy Control and Do Not Track rules", () => {
    expect(resolve({ consentMode: "opt-out" }).consent).toMatchObject({ mode: "opt-out", honourGlobalPrivacyControl: true, honourDoNotTrack: true });
    expect(resolve().consent.mode).toBe("required");
  });

  it("MS-1.11 resolves the opt-out cookie, query parameter and cookie lifetime", () => {
    expect(resolve().optOut).toMatchObject({
      cookieName: "mousestats_disable",
      queryParameter: "mousestats_disable",
      queryValue: "1",
      cookieLifetimeSeconds: 365 * 24 * 3600,
    });
  });

  it("MS-3.1 takes the tenant's retention periods and the policy's defaults for the rest", () => {
    expect(resolve({ retentionDays: { rawRecordings: 7 } }).retention).toMatchObject({
      rawRecordingsDays: 7,
      sessionMetadataDays: 90,
      aggregatesDays: 395,
    });
  });

  it("MS-1.5 refuses settings the policy does not allow, listing every problem", () => {
    const settings = tenantPrivacySettingsSchema.parse({ textMasking: "none", consentMode: "none" });
    expect(() => resolveEffectivePolicy(policy, settings)).toThrow(PolicyResolutionError);
    try {
      resolveEffectivePolicy(policy, settings);
    } catch (error) {
      expect((error as PolicyResolutionError).errors.map((problem) => problem.path)).toEqual([["textMasking"], ["consentMode"]]);
    }
    const tooLong = tenantPrivacySettingsSchema.parse({ retentionDays: { rawRecordings: 400, aggregates: 2000 } });
    const refusal = (() => {
      try {
        resolveEffectivePolicy(policy, tooLong);
      } catch (error) {
        return error as PolicyResolutionError;
      }
    })();
    expect(refusal?.name).toBe("PolicyResolutionError");
    expect(refusal?.message).toBe(
      "cannot resolve the effective policy: retentionDays.rawRecordings: retention must be between 1 and 365 days, got 400; retentionDays.aggregates: retention must be between 1 and 1095 days, got 2000",
    );
  });

  it("MS-5.1 refuses a policy document that does not validate", () => {
    const broken = { ...structuredClone(policy), inputMasking: { ...structuredClone(policy.inputMasking), maskCharacter: "a" } };
    expect(() => resolveEffectivePolicy(broken, tenantPrivacySettingsSchema.parse({}))).toThrow(/policy\.inputMasking\.maskCharacter/);
  });
});
