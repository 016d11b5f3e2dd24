/**
 * Records the fixture pages in scripts/fixture-pages with rrweb 2.2.2 in headless Chromium and
 * writes the raw events to src/fixtures/<page>.events.json. Run by hand, not by the tests:
 *
 *   npm run -w policies record-fixtures
 *
 * rrweb's own masking is OFF (maskAllInputs false, password masking disabled), so the fixtures
 * hold the raw typed values that the server-side masker must remove. The pages are served by
 * Playwright's request interception from a made-up origin; nothing goes to the network.
 * Afterwards, run scripts/writeMaskedFixtures.ts to regenerate the expected masked outputs.
 */
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { chromium, type Page } from "playwright-core";
import { checkoutScripted, checkoutTyped, recordedPages, supportTyped, type RecordedPageName } from "../testing/recordedFixtures.js";

const require = createRequire(import.meta.url);
// The UMD bundle is not in rrweb's package exports; it sits beside the CommonJS entry point.
const rrwebBundle = await readFile(new URL("rrweb.umd.cjs", pathToFileURL(require.resolve("rrweb"))), "utf8");
const pagesDirectory = new URL("./fixture-pages/", import.meta.url);
const fixturesDirectory = new URL("../src/fixtures/", import.meta.url);

const interactions: Record<RecordedPageName, (page: Page) => Promise<void>> = {
  async checkout(page) {
    await page.locator("#site-search").pressSequentially(checkoutTyped.search);
    await page.locator("#email").fill("");
    await page.locator("#email").pressSequentially(checkoutTyped.email);
    await page.locator("#password").pressSequentially(checkoutTyped.password);
    await page.locator("#show-password").click();
    await page.locator("#password").pressSequentially(checkoutTyped.passwordAfterReveal);
    await page.locator("#card-number").pressSequentially(checkoutTyped.cardNumber);
    await page.locator("#card-csc").pressSequentially(checkoutTyped.cardCsc);
    await page.locator("#country").selectOption(checkoutTyped.country);
    await page.locator("#notes").click();
    await page.keyboard.press("End");
    await page.keyboard.type(checkoutTyped.notes);
    await page.locator("#newsletter").check();
    await page.evaluate((scripted) => {
      const greeting = document.querySelector(".greeting")?.firstChild;
      if (greeting instanceof Text) greeting.data = scripted.greeting;
      const late = document.createElement("div");
      late.innerHTML = `<label>Phone <input id="late-phone" name="phone" value="${scripted.latePhone}"></label>`;
      document.getElementById("checkout")?.append(late);
      document.getElementById("email")?.setAttribute("value", scripted.emailAttribute);
    }, checkoutScripted);
  },

  async support(page) {
    await page.locator("#quantity").pressSequentially(supportTyped.quantity);
    await page.locator("#message").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type(supportTyped.message);
    await page.locator("#shadow-name").pressSequentially(supportTyped.shadowName);
    await page.frameLocator("#frame").locator("#frame-email").pressSequentially(supportTyped.frameEmail);
  },
};

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

try {
  for (const { name, url } of recordedPages) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // tsx compiles the callbacks passed to page.evaluate with esbuild's keepNames, which wraps
    // them in a `__name` helper that does not exist in the page.
    await page.addInitScript("globalThis.__name = (target) => target;");
    const html = await readFile(new URL(`${name}.html`, pagesDirectory), "utf8");
    await page.route("https://shop.example/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
    await page.goto(url);
    await page.waitForLoadState("load");
    await page.addScriptTag({ content: rrwebBundle });
    await page.evaluate(() => {
      const recorder = (window as unknown as { rrweb: { record: (options: unknown) => void } }).rrweb;
      const events: unknown[] = [];
      (window as unknown as { recordedEvents: unknown[] }).recordedEvents = events;
      recorder.record({
        emit: (event: unknown) => events.push(event),
        maskAllInputs: false,
        maskInputOptions: { password: false },
        recordCrossOriginIframes: false,
      });
    });
    await interactions[name](page);
    // Let rrweb flush its mutation buffer and input throttling.
    await page.waitForTimeout(500);
    const events = await page.evaluate(() => (window as unknown as { recordedEvents: unknown[] }).recordedEvents);
    await writeFile(new URL(`${name}.events.json`, fixturesDirectory), `${JSON.stringify(events, null, 1)}\n`);
    console.log(`${name}: ${events.length} events`);
    await page.close();
  }
} finally {
  await browser.close();
}
