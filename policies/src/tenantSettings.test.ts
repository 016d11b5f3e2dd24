import { describe, expect, it } from "vitest";
import { mouseStatsPolicyV1 as policy } from "./mousestats/v1.js";
import { tenantPrivacySettingsSchema, validateTenantSettings, type TenantSettingsError } from "./tenantSettings.js";

function errorsFor(input: unknown): readonly TenantSettingsError[] {
  const result = validateTenantSettings(policy, input);
  return result.ok ? [] : result.errors;
}

describe("tenant privacy settings", () => {
  it("defaults to the safest values: nothing non-sensitive, all text masked, consent required", () => {
    expect(tenantPrivacySettingsSchema.parse({})).toEqual({
      nonSensitiveSelectors: [],
      maskedSelectors: [],
      blockedSelectors: [],
      textMasking: "all-text",
      consentMode: "required",
      retentionDays: {},
    });
    expect(validateTenantSettings(policy, {}).ok).toBe(true);
  });

  it("MS-1.6 accepts specific non-sensitive selectors in the supported subset", () => {
    const result = validateTenantSettings(policy, { nonSensitiveSelectors: ["#site-search", "input.qty", "[name=coupon], #notes"] });
    expect(result.ok).toBe(true);
  });

  it.each([
    ["form input", /combinators/],
    ["input:focus", /pseudo-classes/],
    ["[name^=q]", /only \[attr\] and \[attr=value\]/],
  ])("MS-1.6 rejects the unsupported non-sensitive selector %j, naming its position", (selector, message) => {
    const [error] = errorsFor({ nonSensitiveSelectors: ["#ok", selector] });
    expect(error?.path).toEqual(["nonSensitiveSelectors", 1]);
    expect(error?.message).toMatch(message);
  });

  it.each(["input", "*", "[type=text]", "#ok, textarea"])("MS-1.6 rejects the too broad non-sensitive selector %j", (selector) => {
    const [error] = errorsFor({ nonSensitiveSelectors: [selector] });
    expect(error?.message).toMatch(/too broad/);
  });

  it("MS-1.6 bounds the number of non-sensitive selectors by the policy", () => {
    const selectors = Array.from({ length: 51 }, (_, index) => `#field-${index}`);
    expect(errorsFor({ nonSensitiveSelectors: selectors })).toEqual([
      { path: ["nonSensitiveSelectors"], message: "must list at most 50 selectors (MS-1.6), got 51" },
    ]);
    expect(errorsFor({ nonSensitiveSelectors: selectors.slice(0, 50) })).toEqual([]);
  });

  it("MS-1.6 bounds the length of a non-sensitive selector by the policy", () => {
    expect(errorsFor({ nonSensitiveSelectors: [`#${"a".repeat(199)}`] })).toEqual([]);
    expect(errorsFor({ nonSensitiveSelectors: [`#${"a".repeat(200)}`] })).toEqual([
      { path: ["nonSensitiveSelectors", 0], message: "must be at most 200 characters" },
    ]);
  });

  it("MS-1.7 accepts broad masked and blocked selectors but not unsupported ones", () => {
    expect(errorsFor({ maskedSelectors: ["p", "*"], blockedSelectors: [".ad"] })).toEqual([]);
    expect(errorsFor({ blockedSelectors: ["div > .ad"] })[0]?.path).toEqual(["blockedSelectors", 0]);
  });

  it("MS-1.5 refuses text masking weaker than the policy's minimum", () => {
    expect(errorsFor({ textMasking: "none" })).toEqual([
      { path: ["textMasking"], message: 'text masking must be at least "inputs-only" under policy mousestats v1' },
    ]);
    expect(errorsFor({ textMasking: "inputs-only" })).toEqual([]);
  });

  it("MS-4.2 refuses a consent mode weaker than the policy requires", () => {
    expect(errorsFor({ consentMode: "none" })[0]).toMatchObject({ path: ["consentMode"], message: expect.stringMatching(/at least "opt-out"/) });
    expect(errorsFor({ consentMode: "opt-out" })).toEqual([]);
    expect(errorsFor({ consentMode: "required" })).toEqual([]);
  });

  it.each([
    ["rawRecordings", 0, "between 1 and 365 days, got 0"],
    ["rawRecordings", 366, "between 1 and 365 days, got 366"],
    ["sessionMetadata", 396, "between 1 and 395 days, got 396"],
    ["aggregates", 1096, "between 1 and 1095 days, got 1096"],
  ])("MS-3.1 refuses %s retention of %i days", (kind, days, message) => {
    const errors = errorsFor({ retentionDays: { [kind]: days } });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toEqual(["retentionDays", kind]);
    expect(errors[0]?.message).toMatch(message.split(",")[0]!);
  });

  it("MS-3.1 accepts retention at the bounds", () => {
    expect(errorsFor({ retentionDays: { rawRecordings: 1, sessionMetadata: 395, aggregates: 1095 } })).toEqual([]);
  });

  it("lists every problem at once, and rejects fields it does not know", () => {
    expect(errorsFor({ textMasking: "none", consentMode: "none", nonSensitiveSelectors: ["input"] }).map((error) => error.path)).toEqual([
      ["nonSensitiveSelectors", 0],
      ["textMasking"],
      ["consentMode"],
    ]);
    expect(errorsFor({ recordPasswords: true })[0]?.message).toMatch(/recordPasswords/);
  });
});
