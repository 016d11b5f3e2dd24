import { readFile } from "node:fs/promises";
import { createClient, type MousetrailClient } from "@mousetrail/client-sdk";
import { createApiKey } from "@mousetrail/server/domain/apiKeys/createApiKey";
import type { DemoLogin } from "@mousetrail/server/domain/demo/seedDemo";
import { siteScopedKey, visitorKeySecretOf } from "@mousetrail/server/domain/sites/siteScopedKey";
import { tenantScope } from "@mousetrail/server/repositories/tenantScope";
import { findUserByEmail } from "@mousetrail/server/repositories/userRepository";
import { useTestServer } from "@mousetrail/server/testing/testServer";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAtBothWidths, consoleContext, pollUntil, signIn, startConsoleSession, widths } from "./consoleBrowser.js";

/**
 * A visit to the demo shop recorded in Chromium (a button clicked in a burst, the checkout typed
 * into), found in the console's Sessions list, and replayed: the replayed checkout shows the
 * fields as `*` only, what was typed appears nowhere in the replayed page, and the timeline marks
 * the clicks, the rage click and the page change.
 */

/** Typed into masked fields: every three characters hold a space or a mark no id or stored text has (see demoCheckout.browser.test.ts). */
const maskedFields = { name: "Zq Vx'Oy Jw", email: "zq.vx@oy.qw", address: "Qy 9! Zx Vk", phone: "+9 (6) 39 79 98", notes: "Bq Xz\nJv Qw" } as const;
/** MS-2.4: never recorded, not even as a mask. */
const password = "Wk!Qz#Jv!Xq";
/** Clicks on "Add to cart" within a second: one rage click by the server's rule. */
const burstClicks = 3;

function piecesOf(value: string): string[] {
  const pieces = new Set<string>();
  for (let start = 0; start + 3 <= value.length; start++) pieces.add(value.slice(start, start + 3));
  return [...pieces];
}

describe("the Sessions list and the replay player", { timeout: 180_000 }, () => {
  const testServer = useTestServer();
  let browser: Browser;
  let origin: string;
  let demo: DemoLogin;
  let api: MousetrailClient;
  let apiKeySecret: string;
  let sessionId: string;
  let clicksMade = 0;
  const foreign: string[][] = [];

  /** Records the visit and waits, through the API, for its session to be derived from it. */
  async function recordVisit(): Promise<string> {
    const visitor: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await visitor.newPage();
    await page.goto(`${origin}/demo/product`);
    const rawSession = (await pollUntil("the session cookie", async () => (await visitor.cookies(origin)).find((cookie) => cookie.name === "mousestats_si"), Boolean))!.value;
    const addToCart = page.locator("[data-add-to-cart]").first();
    for (let click = 0; click < burstClicks; click++) {
      await addToCart.click({ delay: 20 });
      clicksMade++;
    }
    await page.goto(`${origin}/demo/checkout`);
    const typeInto = async (id: string, text: string) => {
      await page.click(`[id="${id}"]`);
      clicksMade++;
      await page.keyboard.type(text, { delay: 10 });
    };
    for (const [id, text] of Object.entries(maskedFields)) await typeInto(id, text);
    await typeInto("password", password);
    // Leaving for a page without the recorder sends what is still queued.
    await page.goto(`${origin}/healthz`);
    await visitor.close();
    const key = siteScopedKey(visitorKeySecretOf(testServer.server.services.sessionSecret), demo.siteId, rawSession);
    // Derived from the stored batches by the server's worker, a round at a time.
    await pollUntil(
      "the visit's session, with both pages and the rage click",
      async () => (await api.sessions.list.query({ tenantId: demo.tenantId, siteId: demo.siteId, url: `${origin}/demo/checkout` })).sessions.find((session) => session.sessionId === key),
      (session) => session?.pageCount === 2 && session.rageClicks === 1,
      { timeout: 60_000, interval: 500 },
    );
    return key;
  }

  beforeAll(async () => {
    ({ browser, origin, demo } = await startConsoleSession(testServer));
    const db = testServer.server.database.db;
    const owner = (await findUserByEmail(db, demo.email))!;
    const { secret } = await createApiKey({ scope: tenantScope(db, demo.tenantId), actor: { type: "user", id: owner._id, platform: false }, now: new Date() }, { name: "replay e2e", scopes: ["reports:read"] });
    apiKeySecret = secret;
    api = createClient({ baseUrl: testServer.url, apiKey: secret });
    sessionId = await recordVisit();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** What the browser refused under a Content-Security-Policy: the console's, the replay frame's. */
  const refusedByCsp: string[] = [];

  async function ownerPage(): Promise<Page> {
    const { context, foreignRequests } = await consoleContext(browser, origin, widths.desktop);
    foreign.push(foreignRequests);
    const page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refusedByCsp.push(message.text());
    });
    await signIn(page, origin, demo.email, demo.password);
    return page;
  }

  /** rrweb's iframe inside the replay frame: the replayed page. */
  async function replayedPage(page: Page): Promise<Frame> {
    await expect.poll(() => page.frames().some((frame) => frame.parentFrame()?.url().endsWith("/replay-frame")), { timeout: 15_000 }).toBe(true);
    return page.frames().find((frame) => frame.parentFrame()?.url().endsWith("/replay-frame"))!;
  }

  it("lists the visit with its figures, and the filters narrow the list", async () => {
    const page = await ownerPage();
    await page.goto(`${origin}/t/${demo.tenantId}/sites/${demo.siteId}`);
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Sessions" }).click();
    await page.waitForURL(/\/sessions$/);
    const row = page.locator("tbody tr", { has: page.locator(`a[href$="/sessions/${sessionId}"]`) });
    await row.waitFor();
    await expect.poll(() => row.locator('[data-label="Pages"]').textContent()).toBe("2");
    expect(await row.locator('[data-label="Entry page"]').textContent()).toBe("/demo/product");
    expect(await row.locator('[data-label="Rage / dead clicks"]').textContent()).toMatch(/^1 \//);
    expect(await page.locator("caption").textContent()).toMatch(/^\d+ sessions? in all/);
    await checkAtBothWidths(page, "sessions");

    // A filter nothing matches: the empty state, then back to the list.
    await page.getByLabel("Longer than (seconds)").fill("86000");
    await page.getByRole("button", { name: "Apply filter" }).click();
    await page.getByText("No sessions match").waitFor();
    await page.getByLabel("With rage clicks").check();
    await page.getByLabel("Longer than (seconds)").fill("");
    await page.getByRole("button", { name: "Apply filter" }).click();
    await row.waitFor();

    // The sessions the applied filter matches, as a file: this visit is among them, with its rage click.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the sessions matching the filter as CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("demo-shop-website-sessions.csv");
    const [header, ...rows] = (await readFile((await download.path()) as string, "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    const columns = header!.split(",");
    const visit = rows.map((line) => line.split(",")).find((cells) => cells[columns.indexOf("sessionId")] === sessionId);
    expect(visit, "the visit's row").toBeDefined();
    expect(Number(visit![columns.indexOf("rageClicks")])).toBe(1);
    await page.close();
  });

  it("MS-1.5 replays the visit while it streams: the checkout fields show only `*`, nothing typed appears, and the timeline marks the clicks", async () => {
    const page = await ownerPage();
    await page.goto(`${origin}/t/${demo.tenantId}/sites/${demo.siteId}/sessions`);
    await page.locator(`a[href$="/sessions/${sessionId}"]`).click();
    await page.waitForURL(new RegExp(`/sessions/${sessionId}$`));
    await page.getByLabel("Speed").selectOption("8");
    const replayed = await replayedPage(page);

    // It plays on its own; at the end, every masked field holds as many `*` as characters were typed.
    for (const [id, text] of Object.entries(maskedFields)) {
      await expect.poll(() => replayed.evaluate((field) => (document.getElementById(field) as HTMLInputElement | null)?.value ?? null, id), { timeout: 30_000 }).toBe("*".repeat([...text].length));
    }
    expect(await replayed.evaluate(() => (document.getElementById("password") as HTMLInputElement | null)?.value)).toBe("");
    const everything = await replayed.evaluate(() => [document.documentElement.outerHTML, ...[...document.querySelectorAll("input, textarea")].map((field) => (field as HTMLInputElement).value)].join("\u0000"));
    for (const value of [...Object.values(maskedFields), password]) {
      for (const piece of piecesOf(value)) expect(everything.includes(piece), `"${piece}" of "${value}" in the replayed page`).toBe(false);
    }
    // rrweb's frame runs no script: sandboxed without allow-scripts, inside the scriptless replay frame.
    const sandbox = await page.frameLocator("iframe.player-frame").locator(".replayer-wrapper > iframe").getAttribute("sandbox");
    expect(sandbox).toBe("allow-same-origin");

    const marks = (kind: string) => page.locator(`.timeline-mark[data-kind="${kind}"]`).count();
    expect(await marks("click")).toBe(clicksMade);
    expect(await marks("rage-click")).toBe(1);
    expect(await marks("page")).toBe(1);
    expect(await page.getByRole("list", { name: "On the timeline" }).textContent()).toContain(`${clicksMade} clicks`);
    await expect.poll(() => page.locator(".player-url").textContent()).toContain(`${origin}/demo/checkout`);
    await checkAtBothWidths(page, "replay");

    // The recording as a file is masked as it replays: nothing typed in it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the recording as JSON" }).click()]);
    const recording = await readFile((await download.path()) as string, "utf8");
    expect((JSON.parse(recording) as unknown[]).length).toBeGreaterThan(0);
    for (const value of [...Object.values(maskedFields), password]) {
      for (const piece of piecesOf(value)) expect(recording.includes(piece), `"${piece}" of "${value}" in the downloaded recording`).toBe(false);
    }
    await page.close();
  });

  it("plays, pauses and moves with the keyboard, with the focus visible", async () => {
    const page = await ownerPage();
    await page.goto(`${origin}/t/${demo.tenantId}/sites/${demo.siteId}/sessions/${sessionId}`);
    await replayedPage(page);
    const playButton = page.locator(".player-controls button.primary");
    await expect.poll(() => playButton.textContent(), { timeout: 15_000 }).toBe("Pause");
    await page.getByRole("group", { name: "Replayed page" }).focus();
    expect(await page.evaluate(() => document.activeElement?.matches(":focus-visible"))).toBe(true);
    await page.keyboard.press("Space");
    await expect.poll(() => playButton.textContent()).toBe("Play");
    const scrubber = page.getByLabel("Position in the replay");
    const before = Number(await scrubber.inputValue());
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => Number(await scrubber.inputValue())).toBeGreaterThan(before);
    await page.keyboard.press("Space");
    await expect.poll(() => playButton.textContent()).toBe("Pause");
    await page.close();
  });

  it("starts playing while the rest of the recording is still loading", async () => {
    const recording = await fetch(`${origin}/recordings/events?input=${encodeURIComponent(JSON.stringify({ tenantId: demo.tenantId, siteId: demo.siteId, sessionId }))}`, {
      headers: { authorization: `Bearer ${apiKeySecret}` },
    });
    const bytes = (await recording.arrayBuffer()).byteLength;
    const page = await ownerPage();
    // The player's code loaded once at full speed, and back to the list within the app.
    await page.goto(`${origin}/t/${demo.tenantId}/sites/${demo.siteId}/sessions/${sessionId}`);
    await page.getByText("Loading the recording…").waitFor({ state: "detached" });
    await page.locator(".breadcrumb").getByRole("link", { name: "Sessions" }).click();
    await page.locator(`a[href$="/sessions/${sessionId}"]`).waitFor();
    // A slow line from here on: the recording takes about eight seconds to arrive.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send("Network.enable");
    await devtools.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: Math.ceil(bytes / 8), uploadThroughput: -1 });
    await page.locator(`a[href$="/sessions/${sessionId}"]`).click();
    const playButton = page.locator(".player-controls button.primary");
    const loading = page.getByText("Loading the recording…");
    await expect.poll(async () => (await playButton.textContent()) === "Pause" && (await loading.isVisible()), { timeout: 20_000, interval: 100 }).toBe(true);
    // And it all arrives in the end.
    await loading.waitFor({ state: "detached", timeout: 30_000 });
    await page.close();
  });

  it("made no request to another host, and nothing was refused by a Content-Security-Policy", () => {
    expect(foreign.flat()).toEqual([]);
    expect(refusedByCsp).toEqual([]);
  });
});
