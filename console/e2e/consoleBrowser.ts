import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureRecorderBuilt, launchChromium } from "@mousetrail/server/e2e/chromium";
import { seedDemo, type DemoLogin } from "@mousetrail/server/domain/demo/seedDemo";
import type { RunningServer } from "@mousetrail/server/startServer";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

/** What the console's browser tests share: the built console, axe-core, screenshots at two widths. */
const consoleRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const screenshotsDir = path.resolve(consoleRoot, "..", "test-results", "console");
export const widths = { desktop: 1280, phone: 390 } as const;

/** Builds console/dist when it is missing or older than its sources, so tests never run a stale console. */
export function ensureConsoleBuilt(): void {
  const built = path.join(consoleRoot, "dist", "index.html");
  const builtAt = existsAt(built);
  const inputs = [path.join(consoleRoot, "src"), path.join(consoleRoot, "index.html"), path.join(consoleRoot, "vite.config.ts")];
  if (builtAt !== null && inputs.every((input) => newest(input) <= builtAt)) return;
  const result = spawnSync(process.execPath, [path.join(path.dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js"), "build", "--logLevel", "error"], { cwd: consoleRoot, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`building the console failed:\n${result.stdout}${result.stderr}`);
}

function existsAt(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function newest(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((child) => newest(path.join(entry, child))));
}

/** A browser context that fails the test on any request to a host other than the server's. */
export async function consoleContext(browser: Browser, origin: string, width: number): Promise<{ context: BrowserContext; foreignRequests: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  // Well inside the test's own timeout, so a missing element fails with what was awaited.
  context.setDefaultTimeout(10_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const foreignRequests: string[] = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.origin !== origin) foreignRequests.push(request.url());
  });
  return { context, foreignRequests };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core run in the page (evaluated through the DevTools protocol, which the page's CSP does
 * not govern), failing on any serious or critical violation; then a screenshot and the check
 * that nothing scrolls sideways.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => JSON.stringify(node.target)).join(", ")}`);
  });
  expect(violations, `axe on ${name}`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal scroll on ${name}`).toBeLessThanOrEqual(0);
  mkdirSync(screenshotsDir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(screenshotsDir, `${name}-${width}.png`), fullPage: true });
}

/** Every main screen is checked and photographed at both widths. */
export async function checkAtBothWidths(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const width of Object.values(widths)) {
    await page.setViewportSize({ width, height: 900 });
    await checkScreen(page, name);
  }
  if (original) await page.setViewportSize(original);
}

/** Signs in on the console's own form and waits for the first tenant's sites. */
export async function signIn(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/t\/[^/]+\/sites$/);
}

/**
 * The start of every console browser test: the console and the recorder built, the demo seeded
 * into the test server's fresh database with the server as its allowed origin, Chromium launched.
 */
export async function startConsoleSession(testServer: { readonly server: RunningServer; readonly url: string }): Promise<{ browser: Browser; origin: string; demo: DemoLogin }> {
  ensureConsoleBuilt();
  ensureRecorderBuilt();
  const origin = new URL(testServer.url).origin;
  const demo = await seedDemo(testServer.server.database.db, { allowedOrigins: [origin], now: new Date() });
  if (!demo) throw new Error("the demo was not seeded into a fresh database");
  return { browser: await launchChromium(), origin, demo };
}

/**
 * Reads until the value is accepted, for hooks (expect.poll works inside tests only): the
 * accepted value, or an error saying what was awaited and what was last read.
 */
export async function pollUntil<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, { timeout = 15_000, interval = 250 } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last read: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
