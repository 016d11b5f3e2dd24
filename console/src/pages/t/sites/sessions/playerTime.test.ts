import { describe, expect, it } from "vitest";
import { formatPlayerTime, formatSessionDuration, spokenPlayerTime } from "./playerTime.js";

describe("player time", () => {
  it.each([
    [0, "0:00", "0 seconds"],
    [999, "0:00", "0 seconds"],
    [1_000, "0:01", "1 second"],
    [65_000, "1:05", "1 minute 5 seconds"],
    [3_599_999, "59:59", "59 minutes 59 seconds"],
    [3_600_000, "1:00:00", "1 hour"],
    [3_723_000, "1:02:03", "1 hour 2 minutes 3 seconds"],
    [-5, "0:00", "0 seconds"],
  ])("%i ms reads %s, said %s", (ms, clock, spoken) => {
    expect(formatPlayerTime(ms)).toBe(clock);
    expect(spokenPlayerTime(ms)).toBe(spoken);
  });

  it.each([
    [0, "0 s"],
    [44_600, "45 s"],
    [59_499, "59 s"],
    [60_000, "1 min 00 s"],
    [200_000, "3 min 20 s"],
    [3_720_000, "1 h 02 min"],
  ])("a session of %i ms lasts %s", (ms, text) => {
    expect(formatSessionDuration(ms)).toBe(text);
  });
});
