import { describe, expect, it } from "vitest";
import { isIanaTimeZone, siteDayOf } from "./siteDay.js";

describe("a site's calendar day", () => {
  it.each([
    // 23:30 UTC is already the next day east of UTC and still the same day west of it.
    ["2026-03-01T23:30:00Z", "UTC", "2026-03-01"],
    ["2026-03-01T23:30:00Z", "Europe/Berlin", "2026-03-02"],
    ["2026-03-01T23:30:00Z", "Asia/Tokyo", "2026-03-02"],
    ["2026-03-02T03:30:00Z", "America/New_York", "2026-03-01"],
    ["2026-03-02T05:00:00Z", "America/New_York", "2026-03-02"],
    ["2026-03-02T09:59:00Z", "Pacific/Honolulu", "2026-03-01"],
    ["2026-03-01T23:30:00Z", "Not/AZone", "2026-03-01"],
    ["2026-03-01T23:30:00Z", undefined, "2026-03-01"],
  ])("%s in %s is %s", (at, zone, day) => {
    expect(siteDayOf(new Date(at), zone)).toBe(day);
  });

  it.each([
    ["UTC", true],
    ["Europe/Berlin", true],
    ["America/Argentina/Buenos_Aires", true],
    ["Mars/Olympus", false],
    ["", false],
    ["Europe/Berlin; drop", false],
  ])("%s is a time zone: %s", (name, valid) => {
    expect(isIanaTimeZone(name)).toBe(valid);
  });
});
