import { describe, expect, it } from "vitest";
import { isRangePreset, lastDays } from "./reportRange.js";

describe("the heatmap's date range, in the site's days", () => {
  const now = new Date("2026-03-01T23:30:00Z");

  it.each([
    [7, "UTC", { fromDay: "2026-02-23", toDay: "2026-03-01" }],
    [30, "UTC", { fromDay: "2026-01-31", toDay: "2026-03-01" }],
    [7, "Asia/Tokyo", { fromDay: "2026-02-24", toDay: "2026-03-02" }],
    [90, "Europe/Lisbon", { fromDay: "2025-12-02", toDay: "2026-03-01" }],
  ] as const)("the last %d days in %s", (days, timeZone, range) => {
    expect(lastDays(days, now, timeZone)).toEqual(range);
  });

  it("accepts only its presets from the URL", () => {
    expect(isRangePreset("30")).toBe(true);
    expect(isRangePreset("31")).toBe(false);
    expect(isRangePreset(undefined)).toBe(false);
  });
});
