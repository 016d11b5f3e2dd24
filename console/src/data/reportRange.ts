/** A range of a site's days, both ends included, as the reports take it. */
export interface DayRange {
  fromDay: string;
  toDay: string;
}

export const rangePresets = [
  { value: "today", label: "Today" },
  { value: "last7", label: "Last 7 days" },
  { value: "last30", label: "Last 30 days" },
  { value: "last90", label: "Last 90 days" },
  { value: "thisMonth", label: "This month" },
  { value: "custom", label: "Custom range" },
] as const;

export type RangePreset = (typeof rangePresets)[number]["value"];

/** The longest range the server reports on at once (its maxReportDays). */
export const maxRangeDays = 366;

const dayMs = 86_400_000;

/** The calendar day it is at `at` in `timeZone` (an IANA zone), as YYYY-MM-DD. */
export function dayIn(timeZone: string, at: Date): string {
  // en-CA writes dates as YYYY-MM-DD; the parts are read one by one so no locale quirk matters.
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The day `days` after `day` (before, when negative): calendar arithmetic, no time zone involved. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The days of a preset as the site sees them: "today" is today in the site's time zone, whatever the viewer's. */
export function presetRange(preset: Exclude<RangePreset, "custom">, now: Date, timeZone: string): DayRange {
  const today = dayIn(timeZone, now);
  switch (preset) {
    case "today":
      return { fromDay: today, toDay: today };
    case "last7":
      return { fromDay: addDays(today, -6), toDay: today };
    case "last30":
      return { fromDay: addDays(today, -29), toDay: today };
    case "last90":
      return { fromDay: addDays(today, -89), toDay: today };
    case "thisMonth":
      return { fromDay: `${today.slice(0, 8)}01`, toDay: today };
  }
}

/** The number of days in a range, both ends counted. */
export function rangeLength(range: DayRange): number {
  return Math.round((Date.parse(`${range.toDay}T00:00:00Z`) - Date.parse(`${range.fromDay}T00:00:00Z`)) / dayMs) + 1;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a custom range, naming the field, before the server is asked; null when nothing is. */
export function rangeProblem(range: DayRange): { field: "fromDay" | "toDay"; message: string } | null {
  if (!dayPattern.test(range.fromDay)) return { field: "fromDay", message: "Choose the first day." };
  if (!dayPattern.test(range.toDay)) return { field: "toDay", message: "Choose the last day." };
  const length = rangeLength(range);
  if (length < 1) return { field: "toDay", message: "The last day must not be before the first day." };
  if (length > maxRangeDays) return { field: "toDay", message: `A report covers at most ${maxRangeDays} days; this range has ${length}.` };
  return null;
}
