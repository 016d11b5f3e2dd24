import { readFile } from "node:fs/promises";
import { createClient, type MousetrailClient } from "@mousetrail/client-sdk";
import { createApiKey } from "@mousetrail/server/domain/apiKeys/createApiKey";
import type { DemoLogin } from "@mousetrail/server/domain/demo/seedDemo";
import { collections } from "@mousetrail/server/db/collections";
import { tenantScope } from "@mousetrail/server/repositories/tenantScope";
import { useTestServer } from "@mousetrail/server/testing/testServer";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { palette } from "../src/pages/t/sites/heatmaps/heatmapPalette.js";
import { lastDays } from "../src/pages/t/sites/heatmaps/reportRange.js";
import { checkAtBothWidths, consoleContext, signIn, startConsoleSession, widths } from "./consoleBrowser.js";

/** How many times the visitor clicks "Add to cart": a rage burst (3 within a second) and the hottest cell. */
const clicks = 6;

/** Polls until `check` gives a value (expect.poll works only inside tests; this runs in a hook too). */
async function waitFor<T>(what: string, check: () => Promise<T | null | undefined>, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A visit to the demo shop's product page in Chromium, clicking "Add to cart" and scrolling; then
 * the owner's Heatmaps screen: the hottest cell read off the canvas lies over that button in the
 * redrawn page, the rage burst is marked on it, and the scroll map shows how far the visit went.
 */
describe("the Heatmaps screen over a recorded visit", { timeout: 180_000 }, () => {
  const testServer = useTestServer();
  let browser: Browser;
  let origin: string;
  let demo: DemoLogin;
  let client: MousetrailClient;
  let urlKey: string;
  /** How far down the visit saw, in percent of the page, as the visitor's browser measured it. */
  let visitDepth: number;
  const foreign: string[][] = [];

  beforeAll(async () => {
    ({ browser, origin, demo } = await startConsoleSession(testServer));
    const db = testServer.server.database.db;
    const owner = await collections(db).users.findOne({ email: demo.email });
    const { secret } = await createApiKey(
      { scope: tenantScope(db, demo.tenantId), actor: { type: "user", id: owner!._id, platform: true }, now: new Date() },
      { name: "e2e heatmaps", scopes: ["reports:read"] },
    );
    client = createClient({ baseUrl: testServer.url, apiKey: secret });

    const visitor = await browser.newContext({ viewport: { width: 1280, height: 700 } });
    const shop = await visitor.newPage();
    await shop.goto(`${origin}/demo/product`);
    await waitFor("the recorder's session cookie", async () => ((await visitor.cookies(origin)).some((cookie) => cookie.name === "mousestats_si") ? true : null));
    const button = shop.locator("[data-add-to-cart]");
    await shop.mouse.move(200, 200);
    for (let click = 0; click < clicks; click++) await button.click({ delay: 20 });
    await shop.mouse.wheel(0, 350);
    await waitFor("the scroll to land", async () => ((await shop.evaluate(() => window.scrollY)) > 0 ? true : null));
    visitDepth = await shop.evaluate(() => ((window.scrollY + window.innerHeight) / document.documentElement.scrollHeight) * 100);
    // Leaving fires pagehide, which sends what the recorder still holds.
    await shop.goto(`${origin}/healthz`);
    await visitor.close();

    // Rollups are derived by the server's worker; poll the API until they count the visit.
    const { timeZone } = await client.sites.get.query({ tenantId: demo.tenantId, siteId: demo.siteId });
    const range = lastDays(7, new Date(), timeZone);
    urlKey = await waitFor("the product page in the reports", async () => {
      await testServer.server.derivation.drain();
      const pages = await client.reports.pages.query({ tenantId: demo.tenantId, siteId: demo.siteId, ...range, search: "/demo/product" });
      return pages[0]?.urlKey;
    });
    await waitFor("the clicks and the snapshot in the heatmap", async () => {
      await testServer.server.derivation.drain();
      const heatmap = await client.reports.heatmap.query({ tenantId: demo.tenantId, siteId: demo.siteId, ...range, urlKey, breakpoint: "desktop", kind: "click" });
      return heatmap.total >= clicks && heatmap.snapshot ? true : null;
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function ownerPage(): Promise<{ page: Page; context: BrowserContext }> {
    const { context, foreignRequests } = await consoleContext(browser, origin, widths.desktop);
    foreign.push(foreignRequests);
    const page = await context.newPage();
    await signIn(page, origin, demo.email, demo.password);
    return { page, context };
  }

  const screenUrl = (view: string) => `${origin}/t/${demo.tenantId}/sites/${demo.siteId}/heatmaps?page=${encodeURIComponent(urlKey)}&breakpoint=desktop&days=7&view=${view}`;

  /** The redrawn page has its button and the canvas has been drawn. */
  async function pageDrawn(page: Page): Promise<void> {
    await page.waitForFunction(() => {
      const frame = document.querySelector<HTMLIFrameElement>(".heatmap-page iframe");
      const canvas = document.querySelector<HTMLCanvasElement>(".heatmap-canvas");
      return Boolean(frame?.contentDocument?.querySelector("[data-add-to-cart]")) && (canvas?.width ?? 0) > 1;
    });
  }

  it("draws the hottest cell over the button clicked, marks its rage clicks, and says what it is drawn from", async () => {
    const { page, context } = await ownerPage();
    await page.goto(`${origin}/t/${demo.tenantId}/sites/${demo.siteId}`);
    await page.getByRole("link", { name: "Heatmaps" }).click();
    await page.getByLabel("Page", { exact: true }).selectOption(urlKey);
    await page.getByLabel("Date range").selectOption("7");
    await page.getByRole("radio", { name: "Desktop" }).check();
    await pageDrawn(page);
    await page.getByText(`${clicks} clicks`, { exact: false }).waitFor();

    // The hottest pixels of the canvas, read back to palette levels, against the button's box in the iframe.
    const found = await page.evaluate((table) => {
      const frame = document.querySelector<HTMLIFrameElement>(".heatmap-page iframe")!;
      const canvas = document.querySelector<HTMLCanvasElement>(".heatmap-canvas")!;
      const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      const levels = new Map<number, number>();
      const levelOf = (red: number, green: number, blue: number) => {
        const key = (red << 16) | (green << 8) | blue;
        let level = levels.get(key);
        if (level === undefined) {
          let best = Number.POSITIVE_INFINITY;
          level = 0;
          for (let entry = 0; entry < table.length / 4; entry++) {
            const distance = (table[entry * 4]! - red) ** 2 + (table[entry * 4 + 1]! - green) ** 2 + (table[entry * 4 + 2]! - blue) ** 2;
            if (distance < best) [best, level] = [distance, entry];
          }
          levels.set(key, level);
        }
        return level;
      };
      let hottest = -1;
      let sumX = 0;
      let sumY = 0;
      let count = 0;
      for (let at = 0; at < pixels.length; at += 4) {
        if (pixels[at + 3] === 0) continue;
        const level = levelOf(pixels[at]!, pixels[at + 1]!, pixels[at + 2]!);
        if (level < hottest) continue;
        if (level > hottest) [hottest, sumX, sumY, count] = [level, 0, 0, 0];
        const pixel = at / 4;
        sumX += pixel % canvas.width;
        sumY += Math.floor(pixel / canvas.width);
        count++;
      }
      // Canvas pixels to the page's CSS px: through the canvas's drawn size, then the page's scale.
      const toPage = frame.clientWidth / canvas.getBoundingClientRect().width;
      const perCanvasPixel = canvas.getBoundingClientRect().width / canvas.width;
      const box = frame.contentDocument!.querySelector("[data-add-to-cart]")!.getBoundingClientRect();
      return {
        hottest,
        at: { x: (sumX / count) * perCanvasPixel * toPage, y: (sumY / count) * perCanvasPixel * toPage },
        button: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
      };
    }, [...palette]);
    expect(found.hottest).toBe(255);
    expect(found.at.x).toBeGreaterThanOrEqual(found.button.left);
    expect(found.at.x).toBeLessThanOrEqual(found.button.right);
    expect(found.at.y).toBeGreaterThanOrEqual(found.button.top);
    expect(found.at.y).toBeLessThanOrEqual(found.button.bottom);

    // The burst of clicks is a rage click, outlined on the button with its label.
    await page.locator(".click-problem-label", { hasText: "rage" }).first().waitFor();
    // The canvas's text: the tables name the busiest cell and the element.
    await page.getByText("The heatmap as tables").click();
    await expect.poll(() => page.getByRole("table", { name: "Rage and dead clicks" }).innerText()).toContain("button");
    await checkAtBothWidths(page, "heatmaps-clicks");

    // The map on screen as a file: the same cells the API answers, named by site, map and range.
    const range = lastDays(7, new Date(), (await client.sites.get.query({ tenantId: demo.tenantId, siteId: demo.siteId })).timeZone);
    const heatmap = await client.reports.heatmap.query({ tenantId: demo.tenantId, siteId: demo.siteId, ...range, urlKey, breakpoint: "desktop", kind: "click" });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the click heatmap as JSON" }).click()]);
    expect(download.suggestedFilename()).toBe(`demo-shop-website-heatmap-click-desktop-${range.fromDay}_${range.toDay}.json`);
    expect(JSON.parse(await readFile((await download.path()) as string, "utf8"))).toEqual(heatmap.cells);
    // Still drawn over the page at the phone's width (the page is scaled into the narrow panel).
    await page.setViewportSize({ width: widths.phone, height: 900 });
    await pageDrawn(page);
    const phoneCanvas = await page.locator(".heatmap-canvas").boundingBox();
    expect(phoneCanvas!.width).toBeLessThanOrEqual(widths.phone);
    await context.close();
  });

  it("shows the visit's depth on the scroll map, with the average fold", async () => {
    const { page, context } = await ownerPage();
    await page.goto(screenUrl("click"));
    await page.getByRole("radio", { name: "Scroll map" }).check();
    await page.locator(".scroll-fold").waitFor();
    await pageDrawn(page);
    await page.getByText("The scroll map as a table").click();
    const table = page.getByRole("table", { name: "Page views reaching each depth" });
    const shareAt = async (depth: number) => (await table.locator("tr", { has: page.locator(`td:text-is("${depth} %")`) }).locator("td").nth(2).innerText()).trim();
    // One page view: every depth it reached is 100 %, every depth well past it 0 %.
    const reached = Math.floor(visitDepth / 5) * 5;
    expect(await shareAt(Math.max(0, reached - 5))).toBe("100 %");
    if (reached + 10 <= 100) expect(await shareAt(reached + 10)).toBe("0 %");
    await checkAtBothWidths(page, "heatmaps-scroll");

    // The visit was on a desktop screen: at the mobile breakpoint there is nothing, and the screen says why.
    await page.getByRole("radio", { name: "Mobile" }).check();
    await page.getByText("No page views at this breakpoint in the last 7 days").waitFor();
    await checkAtBothWidths(page, "heatmaps-empty");
    await context.close();
  });

  it("made no request to any other host", () => {
    expect(foreign.flat()).toEqual([]);
  });
});
