import type { BreakdownName, Overview, OverviewDay } from "../../../../data/overviewStore.js";

const count = new Intl.NumberFormat("en");
const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** The headline numbers in words: "—" where there is nothing to compute from (no sessions). */
export function headlineFigures(overview: Overview): { label: string; value: string }[] {
  return [
    { label: "Sessions", value: count.format(overview.sessions) },
    { label: "Page views", value: count.format(overview.pageViews) },
    { label: "Pages per session", value: overview.pagesPerSession === null ? "—" : oneDecimal.format(overview.pagesPerSession) },
    { label: "Bounce rate", value: overview.bounceRate === null ? "—" : `${oneDecimal.format(overview.bounceRate * 100)} %` },
    { label: "Average page load", value: formatLoadTime(overview.averageLoadTimeMs) },
  ];
}

export function formatLoadTime(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${oneDecimal.format(ms / 1000)} s`;
}

/**
 * The daily series as uPlot takes it: x in seconds at each day's UTC midnight (drawn in UTC so
 * the day printed is the site's day the rollup counted, whatever the viewer's zone), then
 * sessions, then page views.
 */
export function chartSeriesOf(days: readonly OverviewDay[]): [number[], number[], number[]] {
  return [days.map((day) => Date.parse(`${day.day}T00:00:00Z`) / 1000), days.map((day) => day.sessions), days.map((day) => day.pageViews)];
}

/** One sentence saying what the chart shows, for those who cannot see it (the table has every number). */
export function chartSummary(days: readonly OverviewDay[]): string {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return "No days in the range.";
  const busiest = days.reduce((best, day) => (day.pageViews > best.pageViews ? day : best), first);
  const range = first.day === last.day ? first.day : `${first.day} to ${last.day}`;
  if (busiest.pageViews === 0) return `Sessions and page views per day, ${range}: none.`;
  return `Sessions and page views per day, ${range}. Busiest day ${busiest.day}: ${count.format(busiest.sessions)} sessions, ${count.format(busiest.pageViews)} page views.`;
}

/**
 * The breakdowns in the order the screen shows them, each with its heading and its column's
 * name. Entry pages and referrers are counted per session only (the API's page views are 0 there).
 */
export const breakdownSections: readonly { name: BreakdownName; title: string; column: string; pageViews: boolean }[] = [
  { name: "entryPage", title: "Entry pages", column: "Page", pageViews: false },
  { name: "referrer", title: "Referrers", column: "Referrer", pageViews: false },
  { name: "browser", title: "Browsers", column: "Browser", pageViews: true },
  { name: "os", title: "Operating systems", column: "Operating system", pageViews: true },
  { name: "deviceClass", title: "Device classes", column: "Device class", pageViews: true },
  { name: "screenSize", title: "Screen sizes", column: "Screen size", pageViews: true },
  { name: "language", title: "Languages", column: "Language", pageViews: true },
  { name: "timeZone", title: "Visitors' time zones", column: "Time zone", pageViews: true },
];

/** A value's share of the range's sessions, for the bar beside it: 0 to 100. */
export function shareOfSessions(sessions: number, total: number): number {
  return total <= 0 ? 0 : Math.min(100, Math.round((sessions / total) * 100));
}

/** True when the range holds nothing to report: the screen then says so instead of drawing zeros. */
export function isEmptyOverview(overview: Overview): boolean {
  return overview.sessions === 0 && overview.pageViews === 0;
}
