import { describe, expect, it } from "vitest";
import { matchesPathPrefix } from "./matchesPathPrefix.js";

describe("matchesPathPrefix", () => {
  it.each([
    ["/pricing", "/pricing", true],
    ["/pricing/teams", "/pricing", true],
    ["/pricing/", "/pricing", true],
    ["/pricing-old", "/pricing", false],
    ["/pricingteams", "/pricing", false],
    ["/", "/pricing", false],
    ["/anything/at/all", "/", true],
    ["/", "/", true],
    ["/docs/api", "/docs/", true],
    ["/docs", "/docs/", false],
    ["/Pricing", "/pricing", false],
  ])("%j under %j: %s", (path, prefix, expected) => {
    expect(matchesPathPrefix(path, prefix)).toBe(expected);
  });
});
