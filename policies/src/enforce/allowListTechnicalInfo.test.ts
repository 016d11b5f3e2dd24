import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { allowListTechnicalInfo } from "./allowListTechnicalInfo.js";

const policy = effectivePolicyFor();

const validInfo = {
  browser: "Firefox",
  os: "macOS",
  osVersion: "14.4.1",
  language: "en-GB",
  timeZone: "Europe/London",
  screenWidth: 2560,
  screenHeight: 1440,
  viewportWidth: 1280,
  viewportHeight: 720,
  devicePixelRatio: 2,
};

describe("allowListTechnicalInfo", () => {
  it("MS-1.1 keeps browser type, system language, OS version, time zone and screen resolution metrics", () => {
    expect(allowListTechnicalInfo(validInfo, policy)).toEqual({ info: validInfo, dropped: [], droppedCount: 0 });
  });

  it("MS-1.1 drops every field outside the allow-list and names it without its value", () => {
    const result = allowListTechnicalInfo(
      { ...validInfo, userAgent: "Mozilla/5.0 (Macintosh)", plugins: ["PDF Viewer"], email: "jane@example.com" },
      policy,
    );
    expect(result.info).toEqual(validInfo);
    expect(result.dropped).toEqual([
      { field: "userAgent", reason: "not-allowed" },
      { field: "plugins", reason: "not-allowed" },
      { field: "email", reason: "not-allowed" },
    ]);
    expect(JSON.stringify(result)).not.toContain("jane@example.com");
  });

  it.each([
    ["browser", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"],
    // The product name must be one from its first character: an e-mail address before a valid
    // name is not a browser.
    ["browser", "jane@example.com Chrome"],
    ["os", "jane@example.com Linux"],
    ["language", "jane@example.com"],
    ["timeZone", "Europe/London; DROP TABLE"],
    ["screenWidth", 1280.5],
    ["screenWidth", "1280"],
    ["osVersion", "10 (build for Jane's laptop)"],
    ["devicePixelRatio", -1],
  ])("MS-1.1 drops %s when its value does not have the field's shape: %j", (field, value) => {
    const result = allowListTechnicalInfo({ ...validInfo, [field]: value }, policy);
    expect(result.info).not.toHaveProperty(field);
    expect(result.dropped).toEqual([{ field, reason: "invalid-value" }]);
  });

  it("MS-1.1 keeps only the fields the policy allows even when the catalogue knows more", () => {
    const narrowPolicy = { technicalInfo: { clauses: ["MS-1.1" as const], fields: ["browser" as const] } };
    expect(allowListTechnicalInfo(validInfo, narrowPolicy).info).toEqual({ browser: "Firefox" });
  });

  it("MS-2.2 never lets an unknown field through, whatever is sent", () => {
    fc.assert(
      fc.property(fc.anything(), (info) => {
        const result = allowListTechnicalInfo(info, policy);
        for (const field of Object.keys(result.info)) expect(policy.technicalInfo.fields).toContain(field);
      }),
    );
  });

  it("MS-1.1 reports at most 50 dropped names but counts them all", () => {
    const flood = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`field${index}`, index]));
    const result = allowListTechnicalInfo(flood, policy);
    expect(result.dropped).toHaveLength(50);
    expect(result.droppedCount).toBe(500);
  });

  it("MS-1.1 names a dropped field by its first 64 characters only", () => {
    const result = allowListTechnicalInfo({ [`x${"y".repeat(99)}`]: 1 }, policy);
    expect(result.dropped).toEqual([{ field: `x${"y".repeat(63)}`, reason: "not-allowed" }]);
  });

  it.each([["text", "Chrome"], ["a list", ["Chrome"]], ["null", null]])("MS-1.1 keeps and reports nothing when the info is %s", (_description, info) => {
    expect(allowListTechnicalInfo(info, policy)).toEqual({ info: {}, dropped: [], droppedCount: 0 });
  });
});
