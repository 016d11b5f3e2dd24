import { describe, expect, it } from "vitest";
import type { Overview, OverviewDay } from "../../../../data/overviewStore.js";
import { chartSeriesOf, chartSummary, formatLoadTime, headlineFigures, isEmptyOverview, shareOfSessions } from "./overviewFigures.js";

const day = (date: string, sessions: number, pageViews: number): OverviewDay => ({
  day: date,
  sessions,
  pageViews,
  events: 0,
  storedBytes: 0,
  rageClicks: 0,
  deadClicks: 0,
  violations: 0,
  averageLoadTimeMs: null,
});
const breakdowns = { browser: [], os: [], language: [], timeZone: [], screenSize: [], deviceClass: [], referrer: [], entryPage: [] };
const overview = (fields: Partial<Overview>): Overview => ({
  sessions: 0,
  pageViews: 0,
  pagesPerSession: null,
  bounceRate: null,
  averageLoadTimeMs: null,
  days: [],
  topPages: [],
  breakdowns,
  ...fields,
});

describe("the overview's figures", () => {
  it("states each headline number, and a dash where there were no sessions to compute from", () => {
    expect(headlineFigures(overview({ sessions: 1234, pageViews: 4321, pagesPerSession: 3.5, bounceRate: 0.375, averageLoadTimeMs: 1250 }))).toEqual([
      { label: "Sessions", value: "1,234" },
      { label: "Page views", value: "4,321" },
      { label: "Pages per session", value: "3.5" },
      { label: "Bounce rate", value: "37.5 %" },
      { label: "Average page load", value: "1.3 s" },
    ]);
    expect(headlineFigures(overview({})).map((figure) => figure.value)).toEqual(["0", "0", "—", "—", "—"]);
  });

  it.each([
    [null, "—"],
    [0, "0 ms"],
    [999, "999 ms"],
    [1000, "1 s"],
    [12_340, "12.3 s"],
  ])("load time %s ms reads %s", (ms, text) => {
    expect(formatLoadTime(ms)).toBe(text);
  });

  it("shapes the daily series for the chart: each day at its UTC midnight, whatever the viewer's zone", () => {
    expect(chartSeriesOf([day("2026-03-01", 2, 5), day("2026-03-02", 0, 0)])).toEqual([
      [Date.UTC(2026, 2, 1) / 1000, Date.UTC(2026, 2, 2) / 1000],
      [2, 0],
      [5, 0],
    ]);
    expect(chartSeriesOf([])).toEqual([[], [], []]);
  });

  it("sums the chart up in a sentence for screen readers", () => {
    expect(chartSummary([day("2026-03-01", 2, 5), day("2026-03-02", 3, 9), day("2026-03-03", 1, 9)])).toBe(
      "Sessions and page views per day, 2026-03-01 to 2026-03-03. Busiest day 2026-03-02: 3 sessions, 9 page views.",
    );
    expect(chartSummary([day("2026-03-01", 0, 0)])).toBe("Sessions and page views per day, 2026-03-01: none.");
    expect(chartSummary([])).toBe("No days in the range.");
  });

  it.each([
    [0, 0, 0],
    [1, 3, 33],
    [3, 3, 100],
    [4, 3, 100],
  ])("%d of %d sessions is a %d %% bar", (sessions, total, share) => {
    expect(shareOfSessions(sessions, total)).toBe(share);
  });

  it("is empty only when the range has neither sessions nor page views", () => {
    expect(isEmptyOverview(overview({}))).toBe(true);
    expect(isEmptyOverview(overview({ pageViews: 1 }))).toBe(false);
  });
});
