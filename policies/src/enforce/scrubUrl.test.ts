import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { scrubUrl } from "./scrubUrl.js";

const policy = effectivePolicyFor();
const dropFragments = { ...policy, pages: { ...policy.pages, fragments: "drop" as const } };

describe("scrubUrl", () => {
  it.each([
    ["https://shop.example/checkout?email=jane%40example.com&step=2", "https://shop.example/checkout"],
    ["https://shop.example/search?q=red+shoes", "https://shop.example/search"],
    ["https://shop.example/?", "https://shop.example/"],
    ["https://shop.example/a?utm_source=x#/pricing", "https://shop.example/a#/pricing"],
  ])("MS-1.3 always drops query parameters: %s", (input, expected) => {
    expect(scrubUrl(input, policy)).toBe(expected);
  });

  it.each([
    ["https://shop.example/users/jane@example.com/orders", "https://shop.example/users/:email/orders"],
    ["https://shop.example/users/jane%40example.com", "https://shop.example/users/:email"],
    ["https://shop.example/profile-jane@example.com-edit", "https://shop.example/:email-edit"],
    ["https://shop.example/orders/123456789", "https://shop.example/orders/:number"],
    ["https://shop.example/call/+44%2020%207946%200958", "https://shop.example/call/:phone"],
    ["https://shop.example/reset/9f8a7c6b5e4d3c2b1a0f9e8d", "https://shop.example/reset/:token"],
    ["https://shop.example/o/123e4567-e89b-12d3-a456-426614174000", "https://shop.example/o/:token"],
    ["https://shop.example/products/12345/red-shoes", "https://shop.example/products/12345/red-shoes"],
    ["https://shop.example/blog/2024/privacy-first-analytics", "https://shop.example/blog/2024/privacy-first-analytics"],
  ])("MS-1.3 scrubs PII in path segments: %s", (input, expected) => {
    expect(scrubUrl(input, policy)).toBe(expected);
  });

  it.each([
    ["https://app.example/#/settings/profile", "https://app.example/#/settings/profile"],
    ["https://app.example/#section-2", "https://app.example/#section-2"],
    ["https://app.example/#/users/jane@example.com", "https://app.example/#/users/:email"],
    ["https://app.example/callback#access_token=abc.def&state=1", "https://app.example/callback"],
    ["https://app.example/#?email=jane@example.com", "https://app.example/"],
  ])("MS-1.3 keeps a fragment only as a PII-free route: %s", (input, expected) => {
    expect(scrubUrl(input, policy)).toBe(expected);
  });

  it("MS-1.3 drops every fragment when the policy says so", () => {
    expect(scrubUrl("https://app.example/#/settings", dropFragments)).toBe("https://app.example/");
  });

  it("MS-1.3 drops credentials from the authority", () => {
    expect(scrubUrl("https://jane:secret@shop.example/", policy)).toBe("https://shop.example/");
  });

  it.each(["not a url", "", "/relative/path", "javascript:alert(1)", "data:text/html,hi", "mailto:jane@example.com", "ftp://files.example/"])(
    "MS-1.3 gives null for %j, which is not a web page URL",
    (input) => {
      expect(scrubUrl(input, policy)).toBeNull();
    },
  );

  it.each([
    ["http://shop.example/checkout?email=jane%40example.com", "http://shop.example/checkout"],
    ["https://shop.example/shoes,red;size=9", "https://shop.example/shoes,red;size=9"],
    ["https://shop.example/caf%c3%a9", "https://shop.example/caf%c3%a9"],
    ["https://shop.example/n/12345678901234567890123", "https://shop.example/n/:number"],
    ["https://app.example/#jane@example.com", "https://app.example/#:email"],
    ["https://app.example/#/a/%E0%A4%A", "https://app.example/"],
  ])("MS-1.3 scrubs %s to %s, leaving clean text exactly as it was written", (input, expected) => {
    expect(scrubUrl(input, policy)).toBe(expected);
  });

  it("MS-1.3 gives null for a URL longer than 8,192 characters, or for a value that is not text", () => {
    const atLimit = `https://shop.example/${"a".repeat(8192 - "https://shop.example/".length)}`;
    expect(scrubUrl(atLimit, policy)).toBe(atLimit);
    expect(scrubUrl(`${atLimit}a`, policy)).toBeNull();
    expect(scrubUrl(42 as never, policy)).toBeNull();
  });

  it("MS-1.3 marks a segment with broken percent-encoding instead of passing it through", () => {
    expect(scrubUrl("https://shop.example/a/%E0%A4%A/b", policy)).toBe("https://shop.example/a/:unreadable/b");
  });
});
