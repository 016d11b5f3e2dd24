/** The heatmap's date ranges: the last 7, 30 or 90 of the site's days, today included. */
export const rangePresets = [7, 30, 90] as const;
export type RangePreset = (typeof rangePresets)[number];

/** The calendar day `now` falls on in a time zone, as YYYY-MM-DD. */
export function dayIn(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The last `days` days of the site up to today in its time zone, both ends included. */
export function lastDays(days: number, now: Date, timeZone: string): { fromDay: string; toDay: string } {
  const toDay = dayIn(now, timeZone);
  const from = new Date(Date.parse(`${toDay}T00:00:00Z`) - (days - 1) * 86_400_000);
  return { fromDay: from.toISOString().slice(0, 10), toDay };
}

export function isRangePreset(value: unknown): value is RangePreset {
  return rangePresets.includes(Number(value) as RangePreset);
}
