/**
 * Instants as a site's people read them: in the site's own time zone (its reports count days
 * there), said with the zone so nobody mistakes it for their own.
 */
export function formatInSiteTimeZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

/** The zone's offset from UTC at an instant, in milliseconds (Lisbon in summer: +3 600 000). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - (instant - (instant % 1000));
}

/**
 * The instant a calendar day (`2026-03-29`, as a date input gives it) starts in a time zone,
 * `plusDays` later: the end of a day is the start of the next (the API's `to` is exclusive).
 * Correct across daylight-saving changes: the offset is taken at the day's start itself.
 */
export function startOfDayIn(day: string, timeZone: string, plusDays = 0): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(year, month - 1, date + plusDays);
  const guess = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
  return new Date(midnightAsUtc - offsetAt(guess, timeZone));
}
