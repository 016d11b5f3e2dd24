import type { Db } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteDoc } from "../../db/collections.js";
import { createSite } from "../../domain/sites/createSite.js";
import { createSiteDirectory } from "../../domain/sites/siteDirectory.js";
import { visitorKeySecretOf } from "../../domain/sites/siteScopedKey.js";
import type { CollectPayload } from "../../ingest/collectPayload.schema.js";
import { createCollectPipeline } from "../../ingest/collectPipeline.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { batchPayload, randomRecorderId } from "../../testing/collectClient.js";
import { deriveStoredChunks } from "../../testing/derivation.js";
import { useTestDatabase } from "../../testing/testDatabase.js";

/**
 * The reports on a known set of visits, numbers computed by hand. The east site keeps Tokyo time
 * (UTC+9), the west site New York time (UTC−5 in early March): two visits on one UTC day fall on
 * two of the east site's days, and a visit early on a UTC day on the west site's previous day.
 */

const origin = "https://shop.example";
const userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const view = { width: 1280, height: 720, scrollX: 0, scrollY: 0, documentHeight: 2880 };
const meta = (at: number) => ({ type: 4, data: { href: `${origin}/cart`, width: 1280, height: 720 }, timestamp: at });
const fullSnapshot = (at: number) => ({
  type: 2,
  data: { node: { type: 0, id: 1, childNodes: [{ type: 2, id: 2, tagName: "html", attributes: {}, childNodes: [{ type: 2, id: 3, tagName: "button", attributes: { class: "buy" }, childNodes: [] }] }] }, initialOffset: { left: 0, top: 0 } },
  timestamp: at,
});
const click = (at: number, x: number, y: number, id = 2) => ({ type: 3, data: { source: 2, type: 2, id, x, y }, timestamp: at });
const scroll = (at: number, y: number) => ({ type: 3, data: { source: 3, id: 1, x: 0, y }, timestamp: at });
const mutation = (at: number) => ({ type: 3, data: { source: 0, texts: [], attributes: [], removes: [], adds: [] }, timestamp: at });

function ingestInto(db: Db) {
  const pipeline = createCollectPipeline({ db, sites: createSiteDirectory(db), visitorKeySecret: visitorKeySecretOf("reports-test-secret") });
  return async (payload: CollectPayload, receivedAt: Date) => {
    const outcome = await pipeline.run({ body: Buffer.from(JSON.stringify(payload)), encoding: "identity", origin, ip: "203.0.113.9", userAgent, receivedAt });
    if (outcome.kind !== "ok") throw new Error(`batch not stored: ${outcome.kind} at ${outcome.step}: ${JSON.stringify(outcome).slice(0, 400)}`);
  };
}

/** One page view in one batch, received at `receivedAt`. */
function pageView(site: SiteDoc, visit: { sessionId: string; visitorId: string }, page: { path: string; receivedAt: string; loadTimeMs: number; events: (at: number) => unknown[]; referrer?: null }) {
  const at = Date.parse(page.receivedAt) - 10_000;
  return {
    payload: batchPayload(site.siteKey, {
      ...visit,
      pageId: randomRecorderId(),
      sentAt: at + 5_000,
      page: { url: `${origin}${page.path}`, ...(page.referrer === null ? {} : { referrer: "https://search.example/?q=shoes" }), startedAt: at, loadTimeMs: page.loadTimeMs },
      view,
      events: page.events(at) as CollectPayload["events"],
    }),
    receivedAt: new Date(page.receivedAt),
  };
}

describe("MS-3.1 reports over the rollups, in the site's time zone", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;
  let east: SiteDoc;
  let west: SiteDoc;
  const reports = () => callerAs(database.db, tenant.members.analyst).reports;
  const range = (site: SiteDoc, fromDay: string, toDay: string) => ({ tenantId: tenant.tenantId, siteId: site._id, fromDay, toDay });

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Reports");
    const call = { scope: tenantScope(database.db, tenant.tenantId), actor: { type: "system" as const, id: "test" }, now: new Date() };
    east = await createSite(call, { name: "east", allowedOrigins: [origin], timeZone: "Asia/Tokyo" });
    const westSite = await createSite(call, { name: "west", allowedOrigins: [origin] });
    // Changed after creation, through the sites procedures, as an admin would.
    await callerAs(database.db, tenant.members.admin).sites.update({ tenantId: tenant.tenantId, siteId: westSite._id, timeZone: "America/New_York" });
    west = { ...westSite, timeZone: "America/New_York" };

    const ingest = ingestInto(database.db);
    const visitA = { sessionId: randomRecorderId(), visitorId: randomRecorderId() };
    const visitB = { sessionId: randomRecorderId(), visitorId: randomRecorderId() };
    const visitC = { sessionId: randomRecorderId(), visitorId: randomRecorderId() };
    const batches = [
      // East, 23:30 in Tokyo on March 1: visit A, the cart (two clicks, one on the buy button that changes nothing, scrolled to 75 %) then the checkout.
      pageView(east, visitA, {
        path: "/cart",
        receivedAt: "2026-03-01T14:30:00Z",
        loadTimeMs: 600,
        events: (at) => [meta(at), fullSnapshot(at + 1), click(at + 100, 128, 200), mutation(at + 200), click(at + 3_000, 130, 205), mutation(at + 3_100), scroll(at + 4_000, 1440), click(at + 5_000, 129, 201, 3), mutation(at + 9_000)],
      }),
      pageView(east, visitA, { path: "/checkout", receivedAt: "2026-03-01T14:31:00Z", loadTimeMs: 900, events: (at) => [meta(at), mutation(at + 1)] }),
      // East, 00:30 in Tokyo on March 2 (still March 1 in UTC): visit B, the cart only, no snapshot kept, one click lower down.
      pageView(east, visitB, { path: "/cart", receivedAt: "2026-03-01T15:30:00Z", loadTimeMs: 300, referrer: null, events: (at) => [click(at + 100, 640, 55), mutation(at + 200), mutation(at + 5_000)] }),
      // West, 22:30 in New York on March 1 (March 2 in UTC): visit C.
      pageView(west, visitC, { path: "/", receivedAt: "2026-03-02T03:30:00Z", loadTimeMs: 1_000, events: (at) => [mutation(at + 1)] }),
    ];
    for (const { payload, receivedAt } of batches) await ingest(payload, receivedAt);
    await deriveStoredChunks(database.db);
  });

  it("MS-3.2 counts the overview on the east site's days: two visits of one UTC day on two local days", async () => {
    const overview = await reports().overview({ ...range(east, "2026-03-01", "2026-03-02") });
    expect(overview).toMatchObject({ sessions: 2, pageViews: 3, pagesPerSession: 1.5, bounceRate: 0.5, averageLoadTimeMs: 600 });
    expect(overview.days.map(({ day, sessions, pageViews }) => ({ day, sessions, pageViews }))).toEqual([
      { day: "2026-03-01", sessions: 1, pageViews: 2 },
      { day: "2026-03-02", sessions: 1, pageViews: 1 },
    ]);
    // (600 + 300) / 2 and 900.
    expect(overview.topPages).toEqual([
      { urlKey: "shop.example/cart", pageViews: 2, averageLoadTimeMs: 450 },
      { urlKey: "shop.example/checkout", pageViews: 1, averageLoadTimeMs: 900 },
    ]);
    expect(overview.breakdowns.browser).toEqual([{ value: "Chrome", sessions: 2, pageViews: 3 }]);
    expect(overview.breakdowns.language).toEqual([{ value: "en-GB", sessions: 2, pageViews: 3 }]);
    expect(overview.breakdowns.screenSize).toEqual([{ value: "1920x1080", sessions: 2, pageViews: 3 }]);
    expect(overview.breakdowns.deviceClass).toEqual([{ value: "desktop", sessions: 2, pageViews: 3 }]);
    expect(overview.breakdowns.entryPage).toEqual([{ value: "shop.example/cart", sessions: 2, pageViews: 0 }]);
    expect(overview.breakdowns.referrer).toEqual([
      { value: "(direct)", sessions: 1, pageViews: 0 },
      { value: "search.example", sessions: 1, pageViews: 0 },
    ]);

    const secondDay = await reports().overview({ ...range(east, "2026-03-02", "2026-03-02") });
    expect(secondDay).toMatchObject({ sessions: 1, pageViews: 1, pagesPerSession: 1, bounceRate: 1, averageLoadTimeMs: 300 });
  });

  it("MS-3.2 puts a visit early on a UTC day on the west site's previous day", async () => {
    expect(await reports().overview({ ...range(west, "2026-03-01", "2026-03-01") })).toMatchObject({ sessions: 1, pageViews: 1, bounceRate: 1, averageLoadTimeMs: 1_000 });
    expect(await reports().overview({ ...range(west, "2026-03-02", "2026-03-02") })).toMatchObject({ sessions: 0, pageViews: 0, bounceRate: null, pagesPerSession: null });
  });

  it("answers zeros for a range without visits, every day listed", async () => {
    const empty = await reports().overview({ ...range(east, "2026-01-01", "2026-01-03") });
    expect(empty).toMatchObject({ sessions: 0, pageViews: 0, pagesPerSession: null, bounceRate: null, averageLoadTimeMs: null, topPages: [] });
    expect(empty.days.map((day) => day.day)).toEqual(["2026-01-01", "2026-01-02", "2026-01-03"]);
    expect(empty.breakdowns.browser).toEqual([]);
  });

  it("MS-1.4 gives the cart's click heatmap with the page views behind it and a snapshot to draw on", async () => {
    const heatmap = await reports().heatmap({ ...range(east, "2026-03-01", "2026-03-02"), urlKey: "shop.example/cart", breakpoint: "desktop", kind: "click" });
    // 128/1280 → column 10, 200/10 → row 20 (and 130, 205 the same cell); 640/1280 → column 50, 55/10 → row 5;
    // the buy button's click at 129, 201 came after scrolling 1440 px: row (201 + 1440) / 10 = 164.
    expect(heatmap).toMatchObject({
      total: 4,
      pageViews: 2,
      columns: 100,
      rowPx: 10,
      cells: [
        { column: 50, row: 5, count: 1 },
        { column: 10, row: 20, count: 2 },
        { column: 10, row: 164, count: 1 },
      ],
    });
    // Visit B is the most recent cart, but kept no full snapshot: visit A's first batch is the page.
    expect(heatmap.snapshot).toMatchObject({ seq: 0, startedAt: "2026-03-01T14:29:50.000Z" });
    const { sessionId, pageId, seq } = heatmap.snapshot ?? { sessionId: "", pageId: "", seq: 0 };
    const { events } = await reports().pageSnapshot({ tenantId: tenant.tenantId, siteId: east._id, sessionId, pageId, seq });
    expect(events.map((event) => (event as { type: number }).type)).toEqual([4, 2]);

    const firstDayOnly = await reports().heatmap({ ...range(east, "2026-03-01", "2026-03-01"), urlKey: "shop.example/cart", breakpoint: "desktop", kind: "click" });
    expect(firstDayOnly).toMatchObject({ total: 3, pageViews: 1 });
  });

  it("MS-1.4 gives the cart's attention: how long each row of the page was on screen", async () => {
    const attention = await reports().heatmap({ ...range(east, "2026-03-01", "2026-03-02"), urlKey: "shop.example/cart", breakpoint: "desktop", kind: "attention" });
    // A: rows 0..71 (720 px) for 4 s until the scroll, then rows 144..215 for 5 s; B: rows 0..71 for 4.9 s.
    const at = (row: number) => attention.cells.find((cell) => cell.row === row)?.count ?? 0;
    expect(attention.cells).toHaveLength(144);
    expect([at(0), at(71), at(72), at(143), at(144), at(215), at(216)]).toEqual([8_900, 8_900, 0, 0, 5_000, 5_000, 0]);
    expect(attention.total).toBe(72 * 8_900 + 72 * 5_000);
    expect(attention.cells.every((cell) => cell.column === 0)).toBe(true);
  });

  it("MS-1.4 answers an empty heatmap, without a snapshot, for a page never seen or another breakpoint", async () => {
    for (const page of [
      { urlKey: "shop.example/never", breakpoint: "desktop" as const },
      { urlKey: "shop.example/cart", breakpoint: "mobile" as const },
    ]) {
      expect(await reports().heatmap({ ...range(east, "2026-03-01", "2026-03-02"), ...page, kind: "click" })).toMatchObject({ total: 0, pageViews: 0, cells: [], snapshot: null });
    }
    await expect(reports().pageSnapshot({ tenantId: tenant.tenantId, siteId: east._id, sessionId: "nobody", pageId: "nothing", seq: 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("MS-1.4 gives the cart's scroll map: share reaching each depth and the average fold", async () => {
    const map = await reports().scrollMap({ ...range(east, "2026-03-01", "2026-03-02"), urlKey: "shop.example/cart", breakpoint: "desktop" });
    // Each first screen shows 720 of 2880 px (25 %); A scrolled to 1440 + 720 = 75 %, B stayed.
    expect(map.pageViews).toBe(2);
    expect(map.averageFold).toBe(25);
    const share = (depth: number) => map.depths.find((entry) => entry.depth === depth)?.share;
    expect([share(0), share(25), share(30), share(75), share(80)]).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(await reports().scrollMap({ ...range(east, "2026-03-01", "2026-03-02"), urlKey: "shop.example/never", breakpoint: "desktop" })).toMatchObject({ pageViews: 0, averageFold: null });
  });

  it("MS-3.1 names the element of a dead click, per page, from the page's snapshot", async () => {
    // Nothing happened for 4 s after the click on the buy button; the other clicks each changed the page.
    const expected = [{ urlKey: "shop.example/cart", selector: "html > button.buy", rageClicks: 0, deadClicks: 1 }];
    expect(await reports().clickProblems({ ...range(east, "2026-03-01", "2026-03-02") })).toEqual(expected);
    expect(await reports().clickProblems({ ...range(east, "2026-03-01", "2026-03-02"), urlKey: "shop.example/cart" })).toEqual(expected);
    expect(await reports().clickProblems({ ...range(east, "2026-03-01", "2026-03-02"), urlKey: "shop.example/never" })).toEqual([]);
    expect(await reports().clickProblems({ ...range(east, "2026-03-02", "2026-03-02") })).toEqual([]);
  });

  it("lists the site's pages for choosing one, searched by part of the key", async () => {
    expect((await reports().pages({ ...range(east, "2026-03-01", "2026-03-02") })).map((page) => [page.urlKey, page.pageViews])).toEqual([
      ["shop.example/cart", 2],
      ["shop.example/checkout", 1],
    ]);
    expect((await reports().pages({ ...range(east, "2026-03-01", "2026-03-02"), search: "CHECK" })).map((page) => page.urlKey)).toEqual(["shop.example/checkout"]);
    expect(await reports().pages({ ...range(east, "2026-03-01", "2026-03-02"), search: ".*" })).toEqual([]);
  });

  it("reads with a reports:read API key and refuses the compliance role", async () => {
    const key = await tenant.keyWithScopes(["reports:read"]);
    expect((await callerAs(database.db, key).reports.overview({ ...range(east, "2026-03-01", "2026-03-02") })).sessions).toBe(2);
    await expect(callerAs(database.db, tenant.members.compliance).reports.overview({ ...range(east, "2026-03-01", "2026-03-02") })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a range the wrong way round or an unknown time zone, naming the field", async () => {
    await expect(reports().overview({ ...range(east, "2026-03-02", "2026-03-01") })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("toDay") });
    await expect(callerAs(database.db, tenant.members.admin).sites.update({ tenantId: tenant.tenantId, siteId: east._id, timeZone: "Mars/Olympus" })).rejects.toMatchObject({
      message: expect.stringContaining("timeZone"),
    });
  });
});
