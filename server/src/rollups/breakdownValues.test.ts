import { describe, expect, it } from "vitest";
import { sessionOriginOf, technicalBreakdownOf } from "./breakdownValues.js";

describe("overview breakdown values", () => {
  it("MS-1.1 takes one value per dimension from the allow-listed fields, unknown where a field is missing", () => {
    expect(technicalBreakdownOf({ browser: "Firefox", os: "Linux", language: "de-DE", screenWidth: 1920, screenHeight: 1080, deviceClass: "desktop" })).toEqual([
      { dimension: "browser", value: "Firefox" },
      { dimension: "os", value: "Linux" },
      { dimension: "language", value: "de-DE" },
      { dimension: "timeZone", value: "(unknown)" },
      { dimension: "screenSize", value: "1920x1080" },
      { dimension: "deviceClass", value: "desktop" },
    ]);
    expect(technicalBreakdownOf({ screenWidth: 1920 }).find((value) => value.dimension === "screenSize")?.value).toBe("(unknown)");
  });

  it.each([
    [null, "(direct)"],
    ["https://Search.example/q?term=secret", "search.example"],
    ["not a url", "(unknown)"],
  ])("keeps only the host of the referrer %s", (referrer, host) => {
    const page = { url: "https://shop.example/", urlKey: "shop.example", referrer, startedAt: new Date(0), loadTimeMs: null };
    expect(sessionOriginOf(page, "")).toEqual([
      { dimension: "referrer", value: host },
      { dimension: "entryPage", value: "shop.example" },
    ]);
  });

  it("names the entry page from the batch's page key when the batch does not name the page", () => {
    expect(sessionOriginOf(null, "shop.example/cart")).toEqual([
      { dimension: "referrer", value: "(direct)" },
      { dimension: "entryPage", value: "shop.example/cart" },
    ]);
  });
});
