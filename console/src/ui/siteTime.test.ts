import { describe, expect, it } from "vitest";
import { formatInSiteTimeZone, startOfDayIn } from "./siteTime.js";

describe("startOfDayIn", () => {
  it.each([
    ["2026-03-01", "UTC", 0, "2026-03-01T00:00:00.000Z"],
    ["2026-03-01", "UTC", 1, "2026-03-02T00:00:00.000Z"],
    ["2026-07-10", "Europe/Lisbon", 0, "2026-07-09T23:00:00.000Z"],
    ["2026-01-10", "Europe/Lisbon", 0, "2026-01-10T00:00:00.000Z"],
    // The spring change: the day starts at winter time, though most of it is summer time.
    ["2026-03-29", "Europe/Berlin", 0, "2026-03-28T23:00:00.000Z"],
    ["2026-03-29", "Europe/Berlin", 1, "2026-03-29T22:00:00.000Z"],
    ["2026-12-31", "America/New_York", 1, "2027-01-01T05:00:00.000Z"],
    ["2026-06-15", "Asia/Kolkata", 0, "2026-06-14T18:30:00.000Z"],
    ["2026-06-15", "Pacific/Kiritimati", 0, "2026-06-14T10:00:00.000Z"],
  ])("%s in %s, %i days on, starts at %s", (day, zone, plus, expected) => {
    expect(startOfDayIn(day, zone, plus).toISOString()).toBe(expected);
  });
});

describe("formatInSiteTimeZone", () => {
  it("reads the instant on the site's clock, not the viewer's", () => {
    const lisbon = formatInSiteTimeZone("2026-07-09T23:30:00.000Z", "Europe/Lisbon");
    const utc = formatInSiteTimeZone("2026-07-09T23:30:00.000Z", "UTC");
    expect(lisbon).toMatch(/12:30/);
    expect(lisbon).toMatch(/10/);
    expect(utc).toMatch(/11:30/);
  });
});
