import { describe, expect, it } from "vitest";
import { urlKeyOf } from "./urlKey.js";

describe("urlKeyOf", () => {
  it.each([
    ["https://Shop.example/cart/?x=1#y", "shop.example/cart"],
    ["https://shop.example/", "shop.example"],
    ["https://shop.example:8443/a//", "shop.example:8443/a"],
    // Hash-routed single-page applications: each route is a page of its own.
    ["https://app.example/#/settings", "app.example#/settings"],
    ["https://app.example/#/settings/", "app.example#/settings"],
    ["https://app.example/app/#!/cart/items", "app.example/app#!/cart/items"],
    ["https://App.example/#/Cart", "app.example#/Cart"],
    // The root route is the page itself.
    ["https://app.example/#/", "app.example"],
    ["https://app.example/#!/", "app.example"],
    // Anchors within a page are the same page.
    ["https://docs.example/guide#install", "docs.example/guide"],
    ["https://docs.example/guide#", "docs.example/guide"],
    ["https://docs.example/guide#section/2", "docs.example/guide"],
    ["not a url", "(invalid url)"],
  ])("%s → %s", (url, key) => {
    expect(urlKeyOf(url)).toBe(key);
  });

  it("tells two routes of a hash-routed application apart, and two anchors of a page not", () => {
    expect(urlKeyOf("https://app.example/#/a")).not.toBe(urlKeyOf("https://app.example/#/b"));
    expect(urlKeyOf("https://docs.example/#a")).toBe(urlKeyOf("https://docs.example/#b"));
  });
});
