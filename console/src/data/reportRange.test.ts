import { describe, expect, it } from "vitest";
import { addDays, dayIn, presetRange, rangeLength, rangeProblem } from "./reportRange.js";

describe("dayIn: the site's calendar day at an instant", () => {
  it.each([
    // 23:30 UTC on March 1 is already March 2 in Tokyo (UTC+9) and still March 1 in New York (UTC−5).
    ["2026-03-01T23:30:00Z", "Asia/Tokyo", "2026-03-02"],
    ["2026-03-01T23:30:00Z", "America/New_York", "2026-03-01"],
    ["2026-03-02T03:00:00Z", "America/New_York", "2026-03-01"],
    ["2026-03-02T03:00:00Z", "UTC", "2026-03-02"],
    ["2026-12-31T23:59:59Z", "Pacific/Kiritimati", "2027-01-01"],
  ])("%s in %s is %s", (at, zone, day) => {
    expect(dayIn(zone, new Date(at))).toBe(day);
  });
});

describe("presetRange: presets in the site's time zone", () => {
  // 01:00 UTC on April 1: March 31 in New York, April 1 in Berlin.
  const now = new Date("2026-04-01T01:00:00Z");
  it.each([
    ["today", "Europe/Berlin", "2026-04-01", "2026-04-01"],
    ["today", "America/New_York", "2026-03-31", "2026-03-31"],
    ["last7", "Europe/Berlin", "2026-03-26", "2026-04-01"],
    ["last30", "America/New_York", "2026-03-02", "2026-03-31"],
    ["last90", "Europe/Berlin", "2026-01-02", "2026-04-01"],
    ["thisMonth", "Europe/Berlin", "2026-04-01", "2026-04-01"],
    ["thisMonth", "America/New_York", "2026-03-01", "2026-03-31"],
  ] as const)("%s in %s: %s to %s", (preset, zone, fromDay, toDay) => {
    expect(presetRange(preset, now, zone)).toEqual({ fromDay, toDay });
  });

  it("counts the preset's days, both ends included", () => {
    expect(rangeLength(presetRange("last7", now, "UTC"))).toBe(7);
    expect(rangeLength(presetRange("last90", now, "UTC"))).toBe(90);
  });

  it("steps across month, year and leap-day boundaries", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});

describe("rangeProblem: a custom range checked before asking", () => {
  it.each([
    [{ fromDay: "2026-03-01", toDay: "2026-03-01" }, null],
    [{ fromDay: "", toDay: "2026-03-01" }, { field: "fromDay", message: "Choose the first day." }],
    [{ fromDay: "2026-03-01", toDay: "" }, { field: "toDay", message: "Choose the last day." }],
    [{ fromDay: "2026-03-02", toDay: "2026-03-01" }, { field: "toDay", message: "The last day must not be before the first day." }],
    [{ fromDay: "2025-03-01", toDay: "2026-03-01" }, null],
    [{ fromDay: "2025-03-01", toDay: "2026-03-02" }, { field: "toDay", message: "A report covers at most 366 days; this range has 367." }],
  ])("%j → %j", (range, problem) => {
    expect(rangeProblem(range)).toEqual(problem);
  });
});
