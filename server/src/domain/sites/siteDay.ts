/**
 * A site's calendar: the rollups' day is the site's local calendar day at receipt, in the site's
 * IANA time zone (default UTC). A change of zone applies to data received from then on; days
 * already counted keep the zone they were counted in.
 */
export const defaultSiteTimeZone = "UTC";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats a date as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    // Bounded: zone names are validated, and there are a few hundred of them.
    if (formatters.size < 1_000) formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for a time zone name Intl knows (`Europe/Berlin`, `UTC`, `America/Argentina/Buenos_Aires`). */
export function isIanaTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    formatterOf(name);
    return true;
  } catch {
    return false;
  }
}

/** The site-local calendar day (`YYYY-MM-DD`) of an instant; an unknown zone counts as UTC. */
export function siteDayOf(at: Date, timeZone: string | undefined): string {
  const zone = timeZone && isIanaTimeZone(timeZone) ? timeZone : defaultSiteTimeZone;
  return formatterOf(zone).format(at);
}
