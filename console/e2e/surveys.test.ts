import { readFile } from "node:fs/promises";
import { analyticsCollections } from "@mousetrail/server/db/analyticsCollections";
import type { DemoLogin } from "@mousetrail/server/domain/demo/seedDemo";
import { useTestServer } from "@mousetrail/server/testing/testServer";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAtBothWidths, checkScreen, consoleContext, signIn, startConsoleSession, widths } from "./consoleBrowser.js";

const title = "Trail jacket feedback";
const email = "jane.doe@example.com";

/**
 * The demo tenant's owner runs a survey: created in the console for the demo shop's product page
 * (the server's refusal shown beside the field it names), answered there by two visitors through
 * the shop's survey panel (one writing an email address, which the server redacts on arrival),
 * then read back in the console as counts and marked answers, downloaded, and archived.
 */
describe("the console's survey screens", { timeout: 180_000 }, () => {
  const testServer = useTestServer();
  let browser: Browser;
  let origin: string;
  let demo: DemoLogin;
  let page: Page;
  let foreignRequests: string[];
  let surveyPath = "";

  beforeAll(async () => {
    ({ browser, origin, demo } = await startConsoleSession(testServer));
    const session = await consoleContext(browser, origin, widths.desktop);
    foreignRequests = session.foreignRequests;
    page = await session.context.newPage();
    await signIn(page, origin, demo.email, demo.password);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** What the shop's product page is offered now, as its survey panel asks for it. */
  async function activeTitles(): Promise<string[]> {
    const active = (await (await fetch(`${origin}/surveys/active/${demo.siteKey}?path=/demo/product`)).json()) as { surveys: { title: string }[] };
    return active.surveys.map((survey) => survey.title);
  }

  /** One visitor of the shop's product page, answering the survey in its corner panel. */
  async function answerOnProductPage(answers: { choice: string; rating: string; text?: string }, screenshot?: string): Promise<void> {
    const shop = await (await browser.newContext({ viewport: { width: widths.phone, height: 800 } })).newPage();
    await shop.goto(`${origin}/demo/product`);
    const panel = shop.getByRole("complementary", { name: title });
    await panel.waitFor();
    await panel.getByLabel(answers.choice, { exact: true }).check();
    await panel.getByRole("group", { name: "How likely are you to buy it?" }).getByLabel(answers.rating, { exact: true }).check();
    if (answers.text) await panel.getByLabel("What would make it better?").fill(answers.text);
    if (screenshot) await checkScreen(shop, screenshot);
    await panel.getByRole("button", { name: "Send answers" }).click();
    await panel.getByText("Thank you for your answers.").waitFor();
    await shop.context().close();
  }

  it("creates a survey from the editor, the server's refusal shown beside its field", async () => {
    await page.goto(`${origin}/t/${demo.tenantId}/sites/${demo.siteId}/surveys`);
    await page.getByText("No surveys yet").waitFor();
    await page.getByRole("link", { name: "New survey" }).click();
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Introduction (optional)").fill("Questions? Mail help@northwind.example");
    await page.getByLabel("Pages whose path starts with").fill("/demo/product");
    await page.getByLabel("First day (optional)").fill("2026-03-02");
    await page.getByLabel("Last day (optional)").fill("2026-03-01");
    await page.getByLabel("Question", { exact: true }).fill("Did you find your size?");
    await page.getByLabel("Options").fill("Yes\nNo\nNot sure\n");
    for (const [type, label] of [
      ["free-text", "What would make it better?"],
      ["rating", "How likely are you to buy it?"],
    ] as const) {
      await page.getByRole("button", { name: "Add a question" }).click();
      const added = page.getByRole("group", { name: /^Question \d+$/ }).last();
      // Focus lands on the new question's first control.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("SELECT");
      await added.getByLabel("Type").selectOption(type);
      await added.getByLabel("Question", { exact: true }).fill(label);
    }
    // The rating goes above the free text; focus stays on the moved question's button.
    await page.getByRole("button", { name: "Move up question 3" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Move up question 2");
    const labels = () => page.getByLabel("Question", { exact: true }).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(await labels()).toEqual(["Did you find your size?", "How likely are you to buy it?", "What would make it better?"]);

    // The shape is checked first: the dates, said in the form's words beside the last day, which gets focus.
    await page.getByRole("button", { name: "Create and activate" }).click();
    const lastDay = page.getByLabel("Last day (optional)");
    await page.locator(".field-error", { hasText: "must be on or after the first day" }).waitFor();
    expect(await lastDay.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => lastDay.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByLabel("First day (optional)").fill("");
    await lastDay.fill("");

    // Then the site's policy: no personal data in the survey's own texts.
    await page.getByRole("button", { name: "Create and activate" }).click();
    const intro = page.getByLabel("Introduction (optional)");
    const introError = page.locator(".field-error", { hasText: "must not contain personal data (found an email address)" });
    await introError.waitFor();
    expect(await intro.getAttribute("aria-invalid")).toBe("true");
    expect(await intro.getAttribute("aria-describedby")).toContain(await introError.getAttribute("id"));
    await expect.poll(() => intro.evaluate((element) => element === document.activeElement)).toBe(true);
    await checkAtBothWidths(page, "survey-editor");

    await intro.fill("Two questions and a box, all optional but the first.");
    await page.getByRole("group", { name: "Question 1" }).getByLabel("An answer is required").check();
    await page.getByRole("button", { name: "Save as draft" }).click();
    await page.waitForURL(/\/surveys\/srv_[0-9a-z]{20}$/);
    surveyPath = new URL(page.url()).pathname;
    const heading = page.getByRole("heading", { name: title, level: 2 });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByText("No answers yet").waitFor();
    await page.getByText("Draft", { exact: true }).waitFor();
    expect(await activeTitles()).not.toContain(title);

    // Editing starts from what was stored; saving it sends the questions back unchanged.
    await page.getByRole("link", { name: "Edit" }).click();
    const options = page.getByRole("group", { name: "Question 1" }).getByLabel("Options");
    await expect.poll(() => options.inputValue()).toBe("Yes\nNo\nNot sure");
    expect(await page.getByRole("group", { name: "Question 2" }).getByLabel("Type").inputValue()).toBe("rating");
    await page.getByLabel("Delay after the page opens, in seconds").fill("");
    await page.getByLabel("Introduction (optional)").fill("Three short questions.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL((url) => url.pathname === surveyPath);
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.getByRole("button", { name: "Activate" }).click();
    await page.getByText("Active", { exact: true }).waitFor();
    expect(await activeTitles()).toContain(title);
  });

  it("counts the answers given on the demo shop and marks the email address the server removed", async () => {
    expect(surveyPath).not.toBe("");
    await answerOnProductPage({ choice: "Yes", rating: "4", text: `Great jacket, write me at ${email} about the blue one` }, "demo-shop-survey");
    await answerOnProductPage({ choice: "No", rating: "4" });
    // Each answer belongs to its visitor (the recorder's visitor cookie, keyed to the site), for their rights of access and erasure.
    const stored = await analyticsCollections(testServer.server.database.db).surveyResponses.find({ siteId: demo.siteId, surveyId: surveyPath.split("/").at(-1) }).toArray();
    expect(stored.map((response) => typeof response.visitorKey)).toEqual(["string", "string"]);
    expect(new Set(stored.map((response) => response.visitorKey)).size).toBe(2);

    await page.goto(`${origin}${surveyPath}`);
    await page.getByText("2 visitors answered.").waitFor();
    const size = page.getByRole("region", { name: "Did you find your size?" });
    await size.getByText("2 answered").waitFor();
    const barOf = (region: typeof size, label: string) => region.locator("li", { has: page.locator(".bar-label", { hasText: new RegExp(`^${label}$`) }) }).locator(".bar-count");
    expect(await barOf(size, "Yes").textContent()).toBe("1 of 2 (50 %)");
    expect(await barOf(size, "No").textContent()).toBe("1 of 2 (50 %)");
    expect(await barOf(size, "Not sure").textContent()).toBe("0 of 2 (0 %)");
    const rating = page.getByRole("region", { name: "How likely are you to buy it?" });
    await rating.getByText("2 answered, mean 4").waitFor();
    expect(await barOf(rating, "4").textContent()).toBe("2 of 2 (100 %)");
    expect(await barOf(rating, "1").textContent()).toBe("0 of 2 (0 %)");

    const written = page.getByRole("region", { name: "What would make it better?" });
    const answer = written.locator("q.free-text");
    expect(await answer.count()).toBe(1);
    expect(await answer.textContent()).toBe("Great jacket, write me at [email address removed] about the blue one");
    expect(await answer.locator("mark.redacted").getAttribute("data-redacted")).toBe("email");
    expect(await page.content()).not.toContain(email);
    await checkAtBothWidths(page, "survey-results");

    await page.getByRole("link", { name: "Surveys", exact: true }).first().click();
    const row = page.getByRole("row", { name: new RegExp(title) });
    await row.getByText("Active").waitFor();
    await expect.poll(() => row.locator('td[data-label="Answers"]').textContent()).toBe("2");
    await checkAtBothWidths(page, "surveys-list");
    await page.goto(`${origin}${surveyPath}`);

    // The download holds the stored (redacted) answers too.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the answers as CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/-answers\.csv$/);
    const file = await readFile((await download.path()) as string, "utf8");
    expect(file).toContain("[redacted:email]");
    expect(file).not.toContain(email);
  });

  it("archives the survey after confirmation: the shop stops showing it, the list says so", async () => {
    await page.goto(`${origin}${surveyPath}`);
    await page.getByRole("button", { name: "Archive" }).click();
    const dialog = page.getByRole("dialog", { name: `Archive “${title}”?` });
    await dialog.getByRole("button", { name: "Archive survey" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("Archived", { exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "Edit" }).count()).toBe(0);

    expect(await activeTitles()).not.toContain(title);

    await page.getByRole("link", { name: "Surveys", exact: true }).first().click();
    const row = page.getByRole("row", { name: new RegExp(title) });
    await row.getByText("Archived").waitFor();
    await expect.poll(() => row.locator('td[data-label="Answers"]').textContent()).toBe("2");
    expect(foreignRequests).toEqual([]);
  });
});
