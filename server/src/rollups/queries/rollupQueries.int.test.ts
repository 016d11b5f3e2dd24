import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { heatmapCells } from "./heatmapCells.js";
import { pageDailySeries } from "./pageDailySeries.js";
import { scrollDepths } from "./scrollDepths.js";
import { siteDailySeries } from "./siteDailySeries.js";

/** The read queries of the analytics model on rollups written by hand: known data, known answers. */
describe("MS-3.1 rollup read queries", () => {
  const database = useTestDatabase();
  const scope = () => tenantScope(database.db, "tenant_reports");
  const site = { siteId: "site_reports" };
  const page = { ...site, urlKey: "shop.example/cart" };

  beforeAll(async () => {
    const data = analyticsCollections(database.db);
    const owned = { tenantId: "tenant_reports", ...site };
    // Another tenant with the same site id and page: must never show up.
    const foreign = { tenantId: "tenant_other", ...site };
    await data.heatmapRollups.insertMany([
      { ...owned, urlKey: page.urlKey, breakpoint: "desktop", day: "2026-03-01", kind: "click", total: 3, cells: { "10_5": 2, "50_0": 1 } },
      { ...owned, urlKey: page.urlKey, breakpoint: "desktop", day: "2026-03-02", kind: "click", total: 4, cells: { "10_5": 1, "99_4999": 2, "not-a-cell": 1 } },
      { ...owned, urlKey: page.urlKey, breakpoint: "desktop", day: "2026-03-03", kind: "click", total: 100, cells: { "1_1": 100 } },
      { ...owned, urlKey: page.urlKey, breakpoint: "mobile", day: "2026-03-01", kind: "click", total: 50, cells: { "1_1": 50 } },
      { ...owned, urlKey: page.urlKey, breakpoint: "desktop", day: "2026-03-01", kind: "move", total: 9, cells: { "1_1": 9 } },
      { ...owned, urlKey: "shop.example/", breakpoint: "desktop", day: "2026-03-01", kind: "click", total: 7, cells: { "1_1": 7 } },
      { ...foreign, urlKey: page.urlKey, breakpoint: "desktop", day: "2026-03-01", kind: "click", total: 1000, cells: { "10_5": 1000 } },
    ]);
    await data.scrollRollups.insertMany([
      { ...owned, urlKey: page.urlKey, breakpoint: "desktop", day: "2026-03-01", reached: { "0": 4, "5": 4, "50": 2, "100": 1 }, foldSum: 75, foldCount: 3 },
      { ...owned, urlKey: page.urlKey, breakpoint: "desktop", day: "2026-03-02", reached: { "0": 4, "50": 1 }, foldSum: 50, foldCount: 1 },
      { ...foreign, urlKey: page.urlKey, breakpoint: "desktop", day: "2026-03-01", reached: { "0": 1000 } },
    ]);
    const pageDay = { pageViews: 0, loadTimeMsSum: 0, loadTimeCount: 0, clicks: 0, rageClicks: 0, deadClicks: 0 };
    await data.pageDaily.insertMany([
      { ...owned, urlKey: page.urlKey, day: "2026-03-01", ...pageDay, pageViews: 4, loadTimeMsSum: 1000, loadTimeCount: 3, clicks: 3, rageClicks: 1 },
      { ...owned, urlKey: page.urlKey, day: "2026-03-03", ...pageDay, pageViews: 1, clicks: 100, deadClicks: 2 },
      { ...foreign, urlKey: page.urlKey, day: "2026-03-01", ...pageDay, pageViews: 1000 },
    ]);
    const siteDay = { sessions: 0, pageViews: 0, events: 0, storedBytes: 0, loadTimeMsSum: 0, loadTimeCount: 0, rageClicks: 0, deadClicks: 0, violations: 0 };
    await data.siteDaily.insertMany([
      { ...owned, day: "2026-03-02", ...siteDay, sessions: 3, pageViews: 5, events: 120, storedBytes: 4096, loadTimeMsSum: 900, loadTimeCount: 2, violations: 1 },
      { ...foreign, day: "2026-03-02", ...siteDay, sessions: 1000 },
    ]);
    // A round's mark left in a document: never part of an answer.
    await data.siteDaily.updateOne({ ...owned, day: "2026-03-02" }, { $set: { derivingChunks: ["r_left_behind"] } as never });
  });

  it("MS-1.4 sums one page's click cells over the range, for one breakpoint, skipping keys that are not cells", async () => {
    const heatmap = await heatmapCells(scope(), { ...page, breakpoint: "desktop", kind: "click", fromDay: "2026-03-01", toDay: "2026-03-02" });
    expect(heatmap).toEqual({
      kind: "click",
      total: 7,
      columns: 100,
      rowPx: 10,
      cells: [
        { column: 50, row: 0, count: 1 },
        { column: 10, row: 5, count: 3 },
        { column: 99, row: 4999, count: 2 },
      ],
    });
    expect((await heatmapCells(scope(), { ...page, breakpoint: "desktop", kind: "move", fromDay: "2026-03-01", toDay: "2026-03-01" })).total).toBe(9);
    expect(await heatmapCells(tenantScope(database.db, "tenant_nobody"), { ...page, breakpoint: "desktop", kind: "click", fromDay: "2026-03-01", toDay: "2026-03-02" })).toMatchObject({ total: 0, cells: [] });
  });

  it("MS-1.4 answers how far down visitors scrolled, as counts and shares of the page views", async () => {
    const scroll = await scrollDepths(scope(), { ...page, breakpoint: "desktop", fromDay: "2026-03-01", toDay: "2026-03-02" });
    expect(scroll.pageViews).toBe(8);
    // (75 + 50) / (3 + 1)
    expect(scroll.averageFold).toBe(31.3);
    expect(scroll.depths).toHaveLength(21);
    expect(scroll.depths.filter((depth) => depth.reached > 0)).toEqual([
      { depth: 0, reached: 8, share: 1 },
      { depth: 5, reached: 4, share: 0.5 },
      { depth: 50, reached: 3, share: 0.375 },
      { depth: 100, reached: 1, share: 0.125 },
    ]);
    expect(await scrollDepths(scope(), { ...page, breakpoint: "mobile", fromDay: "2026-03-01", toDay: "2026-03-02" })).toMatchObject({ pageViews: 0, averageFold: null, depths: expect.arrayContaining([{ depth: 0, reached: 0, share: 0 }]) });
  });

  it("MS-3.2 gives a page's daily series with every day of the range, zero where nobody came", async () => {
    expect(await pageDailySeries(scope(), { ...page, fromDay: "2026-02-28", toDay: "2026-03-03" })).toEqual([
      { day: "2026-02-28", pageViews: 0, clicks: 0, rageClicks: 0, deadClicks: 0, averageLoadTimeMs: null },
      { day: "2026-03-01", pageViews: 4, clicks: 3, rageClicks: 1, deadClicks: 0, averageLoadTimeMs: 333 },
      { day: "2026-03-02", pageViews: 0, clicks: 0, rageClicks: 0, deadClicks: 0, averageLoadTimeMs: null },
      { day: "2026-03-03", pageViews: 1, clicks: 100, rageClicks: 0, deadClicks: 2, averageLoadTimeMs: null },
    ]);
  });

  it("MS-3.2 gives a site's daily series, its own tenant's only", async () => {
    expect(await siteDailySeries(scope(), { ...site, fromDay: "2026-03-02", toDay: "2026-03-03" })).toEqual([
      { day: "2026-03-02", sessions: 3, pageViews: 5, events: 120, storedBytes: 4096, rageClicks: 0, deadClicks: 0, violations: 1, averageLoadTimeMs: 450 },
      { day: "2026-03-03", sessions: 0, pageViews: 0, events: 0, storedBytes: 0, rageClicks: 0, deadClicks: 0, violations: 0, averageLoadTimeMs: null },
    ]);
  });

  it("refuses a range it cannot read, naming the field, before reading anything", async () => {
    await expect(siteDailySeries(scope(), { ...site, fromDay: "2026-03-03", toDay: "2026-03-01" })).rejects.toMatchObject({ code: "BAD_INPUT", field: "toDay" });
    await expect(heatmapCells(scope(), { ...page, breakpoint: "desktop", kind: "click", fromDay: "March", toDay: "2026-03-01" })).rejects.toMatchObject({ code: "BAD_INPUT", field: "fromDay" });
  });
});
