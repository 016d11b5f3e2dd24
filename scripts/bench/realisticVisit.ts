import type { Page } from "playwright-core";

/**
 * A visitor on the realistic page (realisticPage.ts) for about a minute, at a person's pace:
 * looks at the banners, adds three products from the catalogue, sorts the specification table
 * twice (a large mutation), reads reviews and the article, searches, and fills in the checkout.
 */
export async function browseRealisticPage(page: Page, url: string): Promise<void> {
  const pause = (ms: number) => page.waitForTimeout(ms);
  const glide = async (x: number, y: number) => page.mouse.move(x, y, { steps: 20 });
  const readDown = async (screens: number) => {
    for (let screen = 0; screen < screens; screen++) {
      for (let notch = 0; notch < 4; notch++) {
        await page.mouse.wheel(0, 150);
        await pause(200);
      }
      await glide(300 + ((screen * 170) % 700), 250 + ((screen * 90) % 400));
      await pause(1_200);
    }
  };
  const clickOn = async (selector: string) => {
    const target = page.locator(selector).first();
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    if (!box) throw new Error(`realistic visit: ${selector} is not on the page`);
    await glide(box.x + box.width / 2, box.y + box.height / 2);
    await pause(300);
    await target.click();
  };
  const typeInto = async (selector: string, text: string) => {
    await clickOn(selector);
    await page.keyboard.type(text, { delay: 100 });
    await pause(400);
  };

  await page.goto(url, { waitUntil: "load" });
  await pause(2_500);
  await glide(640, 300);
  await readDown(2);
  for (const card of [2, 7, 15]) {
    await clickOn(`.card:nth-child(${card}) [data-add]`);
    await pause(800);
  }
  await readDown(3);
  await clickOn('[data-sort="3"]');
  await pause(1_500);
  await clickOn('[data-sort="6"]');
  await pause(1_500);
  await readDown(4);
  await clickOn('a[href="#reviews"]');
  await pause(1_500);
  await readDown(4);
  await typeInto("#search", "merino jacket");
  await page.keyboard.press("Enter");
  await pause(1_000);
  await clickOn('a[href="#checkout"]');
  await pause(1_500);
  await typeInto("#name", "Ada Lovelace");
  await typeInto("#email", "ada@example.org");
  await typeInto("#phone", "+44 20 7946 0000");
  await typeInto("#address", "12 Analytical Row");
  await typeInto("#city", "London");
  await page.selectOption("#country", "C42");
  await pause(600);
  await typeInto("#card-number", "4111 1111 1111 1111");
  await clickOn('input[name="delivery"][value="Express"]');
  await typeInto("#notes", "Leave it with the neighbours, please.");
  await clickOn('#checkout button[type="submit"]');
  await pause(3_000);
}
