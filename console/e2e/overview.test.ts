import { readFile } from "node:fs/promises";
import type { DemoLogin } from "@mousetrail/server/domain/demo/seedDemo";
import { seedDemoData } from "@mousetrail/server/domain/demo/seedDemoData";
import { visitorKeySecretOf } from "@mousetrail/server/domain/sites/siteScopedKey";
import { findUserByEmail } from "@mousetrail/server/repositories/userRepository";
import { callerAs } from "@mousetrail/server/testing/apiHarness";
import { useTestServer } from "@mousetrail/server/testing/testServer";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAtBothWidths, consoleContext, signIn, startConsoleSession, widths } from "./consoleBrowser.js";

/**
 * The demo tenant's owner opens the demo site's Overview on a range holding the demo's visits,
 * sees the API's figures, and exports the overview from the screen; then downloads a demo-shop
 * visitor's data from the compliance centre. The demo visits are planned at a fixed instant, so
 * the range holds them whatever today's date.
 */
describe("the console's Overview and exports", { timeout: 180_000 }, () => {
  const testServer = useTestServer();
  let browser: Browser;
  let origin: string;
  let demo: DemoLogin;
  const foreign: string[][] = [];
  const pageErrors: string[] = [];
  // The demo visits are spread over the fortnight before this instant (site time zone: UTC).
  const plannedAt = new Date("2026-03-15T12:00:00Z");
  const range = { fromDay: "2026-03-01", toDay: "2026-03-15" };

  beforeAll(async () => {
    ({ browser, origin, demo } = await startConsoleSession(testServer));
    const db = testServer.server.database.db;
    const seeded = await seedDemoData(db, { siteKey: demo.siteKey, now: plannedAt, visits: 24, visitorKeySecret: visitorKeySecretOf(testServer.server.services.sessionSecret) });
    expect(seeded).toMatchObject({ sessions: 24 });
    await testServer.server.derivation.drain();
  });
  afterAll(async () => {
    await browser?.close();
    for (const requests of foreign) expect(requests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  async function ownerPage(): Promise<Page> {
    const { context, foreignRequests } = await consoleContext(browser, origin, widths.desktop);
    foreign.push(foreignRequests);
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await signIn(page, origin, demo.email, demo.password);
    return page;
  }

  async function apiOverview() {
    const owner = await findUserByEmail(testServer.server.database.db, demo.email);
    return callerAs(testServer.server.database.db, owner).reports.overview({ tenantId: demo.tenantId, siteId: demo.siteId, ...range });
  }

  const figure = (page: Page, label: string) => page.locator(".figure").filter({ has: page.getByText(label, { exact: true }) }).locator("dd");

  it("shows the API's figures for a custom range, exports the overview as CSV with the same rows, at both widths", async () => {
    const overview = await apiOverview();
    expect(overview.sessions).toBe(24);
    const page = await ownerPage();
    await page.goto(`${origin}/t/${demo.tenantId}/sites/${demo.siteId}`);
    await page.getByRole("link", { name: "Overview" }).click();
    await page.getByText("Days in the site's time zone, UTC.").waitFor();
    await page.getByLabel("Date range").selectOption("custom");
    await page.getByLabel("From").fill(range.fromDay);
    await page.getByLabel("To").fill(range.toDay);
    await expect.poll(() => figure(page, "Sessions").textContent()).toBe(String(overview.sessions));
    expect(await figure(page, "Page views").textContent()).toBe(String(overview.pageViews));
    expect(await figure(page, "Bounce rate").textContent()).toBe(`${Math.round(overview.bounceRate! * 1000) / 10} %`);

    // The chart's text alternative: every day of the range with the API's numbers.
    await page.getByText("The daily figures as a table").click();
    const tableRows = await page.getByRole("region", { name: "Daily figures" }).locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.children].slice(0, 3).map((cell) => cell.textContent)));
    expect(tableRows).toEqual(overview.days.map((day) => [day.day, String(day.sessions), String(day.pageViews)]));
    // The breakdowns are the API's, e.g. the browsers.
    const browsers = page.getByRole("region", { name: "Browsers" });
    for (const value of overview.breakdowns.browser) await browsers.getByRole("rowheader", { name: value.value }).waitFor();
    await page.locator(".chart-canvas canvas").waitFor();
    await checkAtBothWidths(page, "overview");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the overview as CSV" }).click()]);
    expect(download.suggestedFilename()).toBe(`demo-shop-website-overview-${range.fromDay}_${range.toDay}.csv`);
    const csv = await readFile((await download.path()) as string, "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = csv.slice(1).trimEnd().split("\r\n");
    expect(header).toBe("day,sessions,pageViews,events,storedBytes,rageClicks,deadClicks,violations,averageLoadTimeMs");
    expect(rows.map((row) => row.split(",").slice(0, 3))).toEqual(overview.days.map((day) => [day.day, String(day.sessions), String(day.pageViews)]));
    await page.getByText(`Saved demo-shop-website-overview-${range.fromDay}_${range.toDay}.csv`).waitFor();

    // A breakdown as JSON: its own rows, named by site, breakdown and range.
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the browsers as JSON" }).click()]);
    expect(json.suggestedFilename()).toBe(`demo-shop-website-breakdown-browser-${range.fromDay}_${range.toDay}.json`);
    expect(JSON.parse(await readFile((await json.path()) as string, "utf8"))).toEqual(overview.breakdowns.browser);
    await page.context().close();
  });

  it("says so when the range has no visits, and refuses a range that ends before it starts", async () => {
    const page = await ownerPage();
    await page.goto(`${origin}/t/${demo.tenantId}/sites/${demo.siteId}/overview?range=custom&from=2025-01-01&to=2025-01-31`);
    await page.getByText("No visits in this range").waitFor();
    await checkAtBothWidths(page, "overview-empty");
    await page.getByLabel("From").fill("2025-02-10");
    await page.getByText("The last day must not be before the first day.").waitFor();
    await page.context().close();
  });

  it("downloads a demo-shop visitor's data (right of access) from the compliance centre", async () => {
    const page = await ownerPage();
    const shop = await page.context().newPage();
    await shop.goto(`${origin}/demo/`);
    await expect.poll(async () => (await page.context().cookies(origin)).some((cookie) => cookie.name === "mousestats_vi")).toBe(true);
    const cookie = (await page.context().cookies(origin)).find((c) => c.name === "mousestats_vi");
    await shop.goto(`${origin}/optout/${demo.siteKey}?v=${encodeURIComponent(cookie?.value ?? "")}`);
    const visitorId = ((await shop.locator(".visitor-id").textContent()) ?? "").trim();
    await shop.close();

    await page.goto(`${origin}/t/${demo.tenantId}/compliance?tab=access`);
    await page.getByLabel("Site").selectOption(demo.siteId);
    await page.getByLabel("Visitor id").fill("not a visitor id!");
    await page.getByRole("button", { name: "Download the visitor's data as JSON" }).click();
    await page.getByRole("alert").getByText(/must be the visitor id shown on the site's opt-out page/).waitFor();
    await page.getByLabel("Visitor id").fill(visitorId);
    await checkAtBothWidths(page, "compliance-access");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the visitor's data as JSON" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^demo-shop-website-visitor-data-[a-z0-9-]+\.json$/);
    const document = JSON.parse(await readFile((await download.path()) as string, "utf8")) as { site: { siteId: string } };
    expect(document.site.siteId).toBe(demo.siteId);
    await page.context().close();
  });
});
