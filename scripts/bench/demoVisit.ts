import type { Page } from "playwright-core";

/**
 * A visitor browsing the demo shop for about a minute and a half, at a person's pace: reads the
 * front page and adds two items, opens the jacket, searches, reads the journal to the end, and
 * fills in and places the checkout form. Pauses, mouse paths, wheel scrolling and typing speed
 * are a person's, so the recorder sees what it would see from one.
 */
export async function browseDemoShop(page: Page, baseUrl: string): Promise<void> {
  const pause = (ms: number) => page.waitForTimeout(ms);
  const glide = async (x: number, y: number) => page.mouse.move(x, y, { steps: 25 });
  const readDown = async (screens: number) => {
    for (let screen = 0; screen < screens; screen++) {
      for (let notch = 0; notch < 4; notch++) {
        await page.mouse.wheel(0, 120);
        await pause(250);
      }
      await glide(300 + ((screen * 170) % 700), 250 + ((screen * 90) % 400));
      await pause(1_800);
    }
  };
  const clickOn = async (selector: string) => {
    const box = await page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`demo visit: ${selector} is not on the page`);
    await glide(box.x + box.width / 2, box.y + box.height / 2);
    await pause(300);
    await page.locator(selector).first().click();
  };
  const typeInto = async (selector: string, text: string) => {
    await clickOn(selector);
    await page.keyboard.type(text, { delay: 110 });
    await pause(500);
  };

  // The front page: look around, add two best sellers, read the story below.
  await page.goto(`${baseUrl}/demo/`, { waitUntil: "load" });
  await pause(2_500);
  await glide(640, 300);
  await glide(200, 520);
  await pause(1_200);
  await clickOn(".card:nth-child(1) [data-add-to-cart]");
  await pause(1_500);
  await clickOn(".card:nth-child(3) [data-add-to-cart]");
  await pause(1_000);
  await readDown(4);
  await page.mouse.wheel(0, -2_000);
  await pause(1_500);

  // The jacket: read it, open the size chart (a button that does nothing), search the shop.
  await clickOn('nav a[href="/demo/product"]');
  await page.waitForLoadState("load");
  await pause(3_000);
  await clickOn("[data-size-chart]");
  await pause(400);
  await clickOn("[data-size-chart]");
  await pause(1_500);
  await readDown(3);
  await page.mouse.wheel(0, -2_000);
  await pause(1_000);
  await typeInto("#search", "merino socks");
  await page.keyboard.press("Enter");
  await pause(2_000);

  // The journal, read to the end.
  await clickOn('nav a[href="/demo/journal"]');
  await page.waitForLoadState("load");
  await pause(2_000);
  await readDown(6);
  await pause(2_000);

  // The checkout, filled in and placed.
  await clickOn('nav a[href="/demo/checkout"]');
  await page.waitForLoadState("load");
  await pause(2_000);
  await typeInto("#name", "Ada Lovelace");
  await typeInto("#email", "ada@example.org");
  await typeInto("#password", "n0t-a-real-password");
  await typeInto("#address", "12 Analytical Row, London");
  await clickOn("#country");
  await page.selectOption("#country", "GB");
  await pause(800);
  await typeInto("#phone", "+44 20 7946 0000");
  await typeInto("#card-number", "4111 1111 1111 1111");
  await typeInto("#card-expiry", "12 / 29");
  await typeInto("#card-csc", "123");
  await typeInto("#notes", "Leave it with the neighbours, please.");
  await clickOn('button[type="submit"]');
  await pause(4_000);
}
