import { resolveEffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { tenantPrivacySettingsSchema } from "@mousetrail/policies/tenantSettings";
import { recorderConfigOf } from "@mousetrail/server/ingest/recorderConfigOf";
import { describe, expect, it } from "vitest";
import { readRecorderConfig } from "./recorderConfig.js";

const siteKey = "pk_0123456789abcdefghijklmn";
const policy = resolveEffectivePolicy(mouseStatsPolicyV1, tenantPrivacySettingsSchema.parse({ consentMode: "opt-out" }));
/** The config as the server builds it for a site. */
const served = () => structuredClone(recorderConfigOf(siteKey, policy, "https://mt.example"));

describe("readRecorderConfig", () => {
  it("reads the config the server serves, with the policy's cookies by role", () => {
    const loaded = readRecorderConfig(served(), siteKey);
    expect(loaded?.config.collectUrl).toBe("https://mt.example/collect");
    expect(loaded?.cookies.session.name).toBe("mousestats_si");
    expect(loaded?.cookies.optOut).toEqual({ name: "mousestats_disable", role: "opt-out", lifetimeSeconds: 365 * 24 * 3600 });
  });

  it.each([
    { problem: "is for another site", change: (config: ReturnType<typeof served>) => void (config.siteKey = "pk_zzzzzzzzzzzzzzzzzzzzzzzz") },
    { problem: "sends batches somewhere odd", change: (config: ReturnType<typeof served>) => void (config.collectUrl = "javascript:alert(1)") },
    { problem: "has a mask that would change lengths", change: (config: ReturnType<typeof served>) => void (config.policy.masking.maskCharacter = "**") },
    { problem: "lacks a cookie role", change: (config: ReturnType<typeof served>) => void config.policy.cookies.pop() },
    {
      problem: "names an opt-out cookie the cookie table does not describe",
      change: (config: ReturnType<typeof served>) => void (config.policy.optOut.cookieName = "other"),
    },
    {
      problem: "lacks the Global Privacy Control flag",
      change: (config: ReturnType<typeof served>) => void Reflect.deleteProperty(config.policy.consent, "honourGlobalPrivacyControl"),
    },
    { problem: "has a Do Not Track flag that is not a boolean", change: (config: ReturnType<typeof served>) => void Reflect.set(config.policy.consent, "honourDoNotTrack", "yes") },
    { problem: "lacks the opt-out query value", change: (config: ReturnType<typeof served>) => void Reflect.deleteProperty(config.policy.optOut, "queryValue") },
    { problem: "has no policy", change: (config: ReturnType<typeof served>) => void Reflect.deleteProperty(config, "policy") },
  ])("MS-4.2 refuses a config that $problem", ({ change }) => {
    const config = served();
    change(config);
    expect(readRecorderConfig(config, siteKey)).toBeNull();
  });

  it("refuses what is not a config at all", () => {
    expect(readRecorderConfig(null, siteKey)).toBeNull();
    expect(readRecorderConfig("pk", siteKey)).toBeNull();
  });
});
