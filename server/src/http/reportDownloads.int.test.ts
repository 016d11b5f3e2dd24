import { beforeAll, describe, expect, it } from "vitest";
import { collections } from "../db/collections.js";
import { visitorKeySecretOf } from "../domain/sites/siteScopedKey.js";
import { createSiteDirectory } from "../domain/sites/siteDirectory.js";
import { createCollectPipeline } from "../ingest/collectPipeline.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../testing/apiHarness.js";
import { batchPayload, randomRecorderId, recordedAt, recordedCheckoutEvents } from "../testing/collectClient.js";
import { useTestServer } from "../testing/testServer.js";

const origin = "https://shop.example";
const userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

/** `GET /exports/report`: every report as a file, the same rows as its procedure, audited and tenant-isolated. */
describe("report downloads", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;
  let tenant: TenantFixture;
  let other: TenantFixture;
  const range = { fromDay: "2026-03-01", toDay: "2026-03-03" };

  beforeAll(async () => {
    tenant = await createTenantFixture(db(), "Report downloads");
    other = await createTenantFixture(db(), "Report downloads other");
    await collections(db()).sites.updateOne({ _id: tenant.site._id }, { $set: { allowedOrigins: [origin] } });
    const pipeline = createCollectPipeline({ db: db(), sites: createSiteDirectory(db()), visitorKeySecret: visitorKeySecretOf("report-downloads-secret") });
    // Three visits on March 1 and 2 (UTC, the fixture site's zone): two pages, then one, then one.
    const visits = [
      { at: "2026-03-01T10:00:00Z", paths: ["/", "/cart"] },
      { at: "2026-03-01T15:00:00Z", paths: ["/=HYPERLINK(1)"] },
      { at: "2026-03-02T09:00:00Z", paths: ["/"] },
    ];
    for (const visit of visits) {
      const ids = { sessionId: randomRecorderId(), visitorId: randomRecorderId() };
      for (const [index, path] of visit.paths.entries()) {
        const startedAt = Date.parse(visit.at) + index * 60_000;
        const payload = batchPayload(tenant.site.siteKey, {
          ...ids,
          pageId: randomRecorderId(),
          sentAt: startedAt + 5_000,
          page: { url: `${origin}${path}`, referrer: "https://search.example/", startedAt, loadTimeMs: 400 },
          events: recordedAt(recordedCheckoutEvents(), startedAt),
        });
        const outcome = await pipeline.run({ body: Buffer.from(JSON.stringify(payload)), encoding: "identity", origin, ip: "203.0.113.9", userAgent, receivedAt: new Date(startedAt + 6_000) });
        expect(outcome.kind).toBe("ok");
      }
    }
    await server.server.derivation.drain();
  });

  async function download(input: unknown, apiKey: string | null = tenant.apiKeySecret) {
    const response = await fetch(`${server.url}/exports/report?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
    // ignoreBOM keeps a byte order mark in the text, where response.text() would drop it.
    return { status: response.status, headers: response.headers, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer()) };
  }
  const reports = () => callerAs(db(), tenant.members.analyst).reports;
  const site = () => ({ tenantId: tenant.tenantId, siteId: tenant.site._id, ...range });

  it("exports the overview's daily series as CSV, row for row what reports.overview returns, with the row count and a BOM on request", async () => {
    const overview = await reports().overview(site());
    expect(overview.sessions).toBe(3);
    const result = await download({ ...site(), report: "overview", format: "csv", bom: true });
    expect(result.status).toBe(200);
    expect(result.headers.get("content-disposition")).toBe('attachment; filename="overview-2026-03-01_2026-03-03.csv"');
    expect(result.headers.get("x-mousetrail-rows")).toBe("3");
    expect(result.text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = result.text.slice(1).trimEnd().split("\r\n");
    expect(header).toBe("day,sessions,pageViews,events,storedBytes,rageClicks,deadClicks,violations,averageLoadTimeMs");
    expect(rows).toEqual(
      overview.days.map((day) => [day.day, day.sessions, day.pageViews, day.events, day.storedBytes, day.rageClicks, day.deadClicks, day.violations, day.averageLoadTimeMs ?? ""].join(",")),
    );
    expect(rows.map((row) => row.split(",").slice(0, 3).join(","))).toEqual(["2026-03-01,2,3", "2026-03-02,1,1", "2026-03-03,0,0"]);
  });

  it("exports pages formula-safe, a breakdown, and the page reports as JSON, each equal to its procedure's answer", async () => {
    const pages = await download({ ...site(), report: "pages" });
    expect(pages.text.split("\r\n")[0]).toBe("urlKey,pageViews,clicks,rageClicks,deadClicks");
    // A page key a spreadsheet would run as a formula is made inert; it never starts the cell.
    expect(pages.text).toMatch(/\r\nshop\.example\/=HYPERLINK\(1\),1,/);
    const pagesJson = await download({ ...site(), report: "pages", format: "json" });
    expect(JSON.parse(pagesJson.text)).toEqual(await reports().pages(site()));

    const browsers = await download({ ...site(), report: "breakdown", dimension: "browser", format: "json" });
    expect(browsers.headers.get("content-disposition")).toBe('attachment; filename="breakdown-browser-2026-03-01_2026-03-03.json"');
    expect(JSON.parse(browsers.text)).toEqual((await reports().overview(site())).breakdowns.browser);

    const page = { ...site(), urlKey: "shop.example/", breakpoint: "desktop" as const };
    const heatmap = await download({ ...page, report: "heatmap", kind: "click", format: "json" });
    expect(JSON.parse(heatmap.text)).toEqual((await reports().heatmap({ ...page, kind: "click" })).cells);
    const scroll = await download({ ...page, report: "scrollMap", format: "json" });
    expect(JSON.parse(scroll.text)).toEqual((await reports().scrollMap(page)).depths);
    const problems = await download({ ...site(), report: "clickProblems", format: "json" });
    expect(JSON.parse(problems.text)).toEqual(await reports().clickProblems(site()));
  });

  it("audits each report export with the site, the report and the range", async () => {
    await download({ ...site(), report: "scrollMap", urlKey: "shop.example/cart", breakpoint: "mobile" });
    const log = await callerAs(db(), tenant.members.owner).audit.list({ tenantId: tenant.tenantId, action: "export.report" });
    expect(log.entries[0]).toMatchObject({ action: "export.report", target: { type: "site", id: tenant.site._id }, details: { report: "scrollMap", format: "csv", ...range } });
  });

  it("refuses another tenant's site (404), no key (401), and names the wrong field (400)", async () => {
    expect((await download({ ...site(), report: "overview" }, other.apiKeySecret)).status).toBe(404);
    // The other tenant's own id with this tenant's site: the site is not found there either.
    expect((await download({ ...site(), tenantId: other.tenantId, report: "overview" }, other.apiKeySecret)).status).toBe(404);
    expect((await download({ ...site(), report: "overview" }, null)).status).toBe(401);
    const unknown = await download({ ...site(), report: "sessions" });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text)).toMatchObject({ error: { appCode: "BAD_INPUT", issues: [{ field: "report", message: "must be one of overview, pages, breakdown, heatmap, scrollMap, clickProblems" }] } });
    const dimension = await download({ ...site(), report: "breakdown", dimension: "city" });
    expect(JSON.parse(dimension.text)).toMatchObject({ error: { issues: [{ field: "dimension" }] } });
    const backwards = await download({ ...site(), report: "overview", fromDay: "2026-03-05" });
    expect(backwards.status).toBe(400);
    expect(JSON.parse(backwards.text)).toMatchObject({ error: { message: "toDay: 2026-03-03 is before fromDay 2026-03-05" } });
  });
});
