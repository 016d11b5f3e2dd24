import { presetRange, type DayRange } from "../../../../data/reportRange.js";

/** The heatmap's date ranges: the last 7, 30 or 90 of the site's days, today included (the Overview's presets of the same names). */
export const rangePresets = [7, 30, 90] as const;
export type RangePreset = (typeof rangePresets)[number];

/** The last `days` days of the site up to today in its time zone, both ends included. */
export function lastDays(days: RangePreset, now: Date, timeZone: string): DayRange {
  return presetRange(`last${days}`, now, timeZone);
}

export function isRangePreset(value: unknown): value is RangePreset {
  return rangePresets.includes(Number(value) as RangePreset);
}
