import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { hasOptOutQueryParameter } from "./hasOptOutQueryParameter.js";

const policy = effectivePolicyFor();

describe("hasOptOutQueryParameter", () => {
  it.each([
    ["https://shop.example/?mousestats_disable=1", true],
    ["https://shop.example/cart?step=2&mousestats_disable=1#top", true],
    ["https://shop.example/?mousestats_disable=0", false],
    ["https://shop.example/?mousestats_disable", false],
    ["https://shop.example/#mousestats_disable=1", false],
    ["https://shop.example/", false],
    ["not a url", false],
  ])("MS-1.11 reads the opt-out query parameter in %s: %s", (url, expected) => {
    expect(hasOptOutQueryParameter(url, policy)).toBe(expected);
  });
});
