import { describe, expect, it } from "vitest";
import { currentView, loadTimeMs, recordableUrl, technicalInfo, type TechnicalSource } from "./pageView.js";

describe("recordableUrl", () => {
  it.each([
    { href: "https://shop.example/search?q=jane%40example.com&page=2#results", drop: true, url: "https://shop.example/search" },
    { href: "https://app.example/#/orders/7?tab=2", drop: true, url: "https://app.example/#/orders/7?tab=2" },
    { href: "https://app.example/#!/orders", drop: true, url: "https://app.example/#!/orders" },
    { href: "https://app.example/callback#access_token=abc&state=x", drop: true, url: "https://app.example/callback" },
    { href: "https://app.example/a#", drop: false, url: "https://app.example/a" },
    { href: "https://shop.example/search?q=shoes", drop: false, url: "https://shop.example/search?q=shoes" },
    { href: "https://jane:secret@shop.example/account", drop: true, url: "https://shop.example/account" },
    { href: "http://localhost:8080/", drop: true, url: "http://localhost:8080/" },
    { href: "file:///home/jane/page.html", drop: true, url: undefined },
    { href: "", drop: true, url: undefined },
    { href: "not a url", drop: true, url: undefined },
  ])("MS-1.3 $href (drop query: $drop) → $url", ({ href, drop, url }) => {
    expect(recordableUrl(href, drop)).toBe(url);
  });

  it("MS-1.3 fits the collect endpoint's 2048 characters, dropping the fragment first", () => {
    const path = `https://shop.example/${"a".repeat(2000)}`;
    expect(recordableUrl(`${path}#/${"b".repeat(100)}`, true)).toBe(path);
    expect(recordableUrl(`${path}#/${"b".repeat(10)}`, true)).toBe(`${path}#/${"b".repeat(10)}`);
    expect(recordableUrl(`https://shop.example/${"c".repeat(3000)}`, true)).toHaveLength(2048);
  });
});

describe("loadTimeMs", () => {
  it.each([
    { timing: { loadEventEnd: 1234.6 }, ms: 1235 },
    { timing: { loadEventEnd: 0 }, ms: undefined },
    { timing: { loadEventEnd: 600_000 }, ms: 600_000 },
    { timing: { loadEventEnd: 700_000 }, ms: undefined },
    { timing: undefined, ms: undefined },
  ])("$timing → $ms", ({ timing, ms }) => {
    expect(loadTimeMs(timing)).toBe(ms);
  });
});

describe("technicalInfo", () => {
  const browser: TechnicalSource = {
    navigator: { language: "en-GB" },
    screen: { width: 2560, height: 1440 },
    devicePixelRatio: 1.3333333,
  };

  it("MS-1.1 sends exactly the listed fields the browser knows, the pixel ratio rounded, and leaves the viewport to the batch's view", () => {
    const fields = ["browser", "os", "osVersion", "language", "timeZone", "screenWidth", "screenHeight", "viewportWidth", "viewportHeight", "devicePixelRatio"];
    expect(technicalInfo(fields, browser, "Europe/Berlin")).toEqual({
      language: "en-GB",
      timeZone: "Europe/Berlin",
      screenWidth: 2560,
      screenHeight: 1440,
      devicePixelRatio: 1.33,
    });
  });

  it("MS-1.1 MS-2.2 sends nothing the policy does not list, and nothing it cannot name", () => {
    expect(technicalInfo(["language", "userAgent", "plugins", "constructor", "__proto__"], browser, "UTC")).toEqual({ language: "en-GB" });
    expect(technicalInfo([], browser, "UTC")).toEqual({});
    expect(technicalInfo(["timeZone", "screenWidth"], { ...browser, screen: { width: 0, height: 0 } }, undefined)).toEqual({});
  });
});

describe("currentView", () => {
  it("MS-1.4 gives the viewport, scroll position and document height within the collect endpoint's bounds", () => {
    const window = { innerWidth: 1280, innerHeight: 720.4, scrollX: 0, scrollY: 1500.5, document: { documentElement: { scrollHeight: 4000 } } };
    expect(currentView(window as unknown as Window)).toEqual({ width: 1280, height: 720, scrollX: 0, scrollY: 1501, documentHeight: 4000 });
    const hidden = { ...window, innerWidth: 0 };
    expect(currentView(hidden as unknown as Window)).toBeUndefined();
  });
});
