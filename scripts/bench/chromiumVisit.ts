import { chromium, type Page, type Request } from "playwright-core";

/**
 * One visit in headless Chromium, the page's own recorder sending it: `browse` drives the page,
 * then the page is closed as a visitor leaves it (pagehide sends its last events) and the
 * recorder's requests still in flight are waited for (15 s at most). Returns the status of every
 * POST /collect.
 */
export async function recordVisitInChromium(options: { browse(page: Page): Promise<void> }): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const answers: number[] = [];
  try {
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const inFlight = new Set<Request>();
    browserContext.on("request", (request) => {
      if (new URL(request.url()).pathname === "/collect" && request.method() === "POST") inFlight.add(request);
    });
    browserContext.on("requestfinished", async (request) => {
      if (inFlight.delete(request)) answers.push((await request.response())?.status() ?? 0);
    });
    browserContext.on("requestfailed", (request) => {
      if (inFlight.delete(request)) answers.push(0);
    });
    const page = await browserContext.newPage();
    await options.browse(page);
    await page.close({ runBeforeUnload: true });
    const deadline = Date.now() + 15_000;
    while (inFlight.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await browserContext.close();
  } finally {
    await browser.close();
  }
  return answers;
}
