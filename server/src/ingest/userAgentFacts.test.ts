import { describe, expect, it } from "vitest";
import { userAgentFactsOf } from "./userAgentFacts.js";

const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const desktop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

describe("userAgentFactsOf", () => {
  it("reads browser, OS and device type, the same on a repeated header as on the first", () => {
    const first = userAgentFactsOf(iphone);
    expect(first).toEqual({ browser: "Mobile Safari", os: "iOS", osVersion: "17.4", deviceType: "mobile" });
    expect(userAgentFactsOf(iphone)).toEqual(first);
    expect(userAgentFactsOf(desktop)).toEqual({ browser: "Chrome", os: "Windows", osVersion: "10", deviceType: undefined });
  });

  it("parses a header too long to be kept, and gives the same facts each time", () => {
    const long = `${desktop} ${"x".repeat(600)}`;
    expect(userAgentFactsOf(long).browser).toBe("Chrome");
    expect(userAgentFactsOf(long)).toEqual(userAgentFactsOf(long));
  });

  it("stays right after more distinct headers than it keeps", () => {
    for (let index = 0; index < 1_100; index++) userAgentFactsOf(`${desktop} Build/${index}`);
    expect(userAgentFactsOf(iphone).os).toBe("iOS");
  });
});
