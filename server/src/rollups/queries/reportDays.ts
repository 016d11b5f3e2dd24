import { AppError } from "../../errors/appError.js";

/** The longest range a report reads at once: a year of daily documents per page and breakpoint. */
export const maxReportDays = 366;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 86_400_000;

/**
 * The UTC days from `fromDay` to `toDay`, inclusive, in order: the buckets of the rollups.
 * Refuses what is not a calendar day, a range that ends before it starts, or one longer than
 * `maxReportDays`, naming the field.
 */
export function reportDays(range: { fromDay: string; toDay: string }): string[] {
  const from = parseDay(range.fromDay, "fromDay");
  const to = parseDay(range.toDay, "toDay");
  if (to < from) throw new AppError("BAD_INPUT", { field: "toDay", userMessage: `toDay: ${range.toDay} is before fromDay ${range.fromDay}` });
  const count = (to - from) / dayMs + 1;
  if (count > maxReportDays) throw new AppError("BAD_INPUT", { field: "toDay", userMessage: `toDay: a report covers at most ${maxReportDays} days, this range has ${count}` });
  return Array.from({ length: count }, (_, index) => new Date(from + index * dayMs).toISOString().slice(0, 10));
}

function parseDay(day: string, field: string): number {
  const at = dayPattern.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== day) {
    throw new AppError("BAD_INPUT", { field, userMessage: `${field}: must be a calendar day as YYYY-MM-DD, got ${JSON.stringify(day.slice(0, 40))}` });
  }
  return at;
}
