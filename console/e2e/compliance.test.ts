import { readFile } from "node:fs/promises";
import { runErasure } from "@mousetrail/server/domain/compliance/runPendingErasures";
import type { DemoLogin } from "@mousetrail/server/domain/demo/seedDemo";
import { useTestServer } from "@mousetrail/server/testing/testServer";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAtBothWidths, consoleContext, signIn, startConsoleSession, widths } from "./consoleBrowser.js";

/**
 * The demo tenant's owner in Chromium: privacy settings previewed live and published on the
 * policy page, a demo-shop visitor erased by the id the opt-out page showed them with the receipt
 * downloaded, and a complaint sent through the site's form answered and moved along.
 */
describe("the console's privacy and compliance screens", { timeout: 120_000 }, () => {
  const testServer = useTestServer();
  let browser: Browser;
  let origin: string;
  let demo: DemoLogin;
  const foreign: string[][] = [];

  beforeAll(async () => {
    ({ browser, origin, demo } = await startConsoleSession(testServer));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function ownerPage(): Promise<Page> {
    const { context, foreignRequests } = await consoleContext(browser, origin, widths.desktop);
    foreign.push(foreignRequests);
    const page = await context.newPage();
    await signIn(page, origin, demo.email, demo.password);
    return page;
  }

  /** A visitor's complaint, sent through the site's public form as they would. */
  async function sendComplaint(page: Page, name: string, email: string, message: string): Promise<void> {
    const form = await page.context().newPage();
    await form.goto(`${origin}/complaints/${demo.siteKey}`);
    await form.getByLabel("Your name").fill(name);
    await form.getByLabel("Your email address").fill(email);
    await form.locator('input[name="category"]').first().check();
    await form.getByLabel("Your complaint").fill(message);
    await form.getByRole("button", { name: "Send complaint" }).click();
    await form.waitForLoadState();
    await form.close();
  }

  const consentRequired = "until you have given your consent";

  it("previews the policy page as a setting changes, and the public page says the same once saved", async () => {
    const policyPage = async () => (await fetch(`${origin}/privacy/${demo.siteKey}`)).text();
    expect(await policyPage()).not.toContain(consentRequired);
    const page = await ownerPage();
    await page.goto(`${origin}/t/${demo.tenantId}/sites/${demo.siteId}/privacy`);
    const preview = page.getByRole("article", { name: "Privacy policy preview" });
    await preview.getByText("unless you exclude yourself").waitFor();
    await checkAtBothWidths(page, "privacy");

    await page.getByLabel("Consent mode").selectOption("required");
    await preview.getByText(consentRequired).waitFor();
    // Nothing is saved by previewing.
    expect(await policyPage()).not.toContain(consentRequired);

    await page.getByLabel("Recordings: days kept").fill("100000");
    // The draft is checked as saving would check it; the refusal shows beside the field.
    await page.locator(".field-error").getByText("retention must be between 1 and 365 days, got 100000").waitFor();
    await page.getByLabel("Recordings: days kept").fill("");
    await page.getByRole("button", { name: "Save privacy settings" }).click();
    await page.getByText(/^Saved\./).waitFor();
    expect(await policyPage()).toContain(consentRequired);

    // Back to opt-out, as the demo shop was: the page says so again (and the next tests record visits).
    await page.getByLabel("Consent mode").selectOption("opt-out");
    await preview.getByText("unless you exclude yourself").waitFor();
    await page.getByRole("button", { name: "Save privacy settings" }).click();
    await expect.poll(policyPage).not.toContain(consentRequired);
    await page.context().close();
  });

  it("erases a demo-shop visitor by the id the opt-out page showed them, and downloads the receipt", async () => {
    const page = await ownerPage();
    const shop = await page.context().newPage();
    await shop.goto(`${origin}/demo/product`);
    await shop.goto(`${origin}/demo/`);
    // The recorder keeps the visitor id in the site's mousestats_vi cookie; the opt-out page shows it.
    await expect.poll(async () => (await page.context().cookies(origin)).some((cookie) => cookie.name === "mousestats_vi")).toBe(true);
    const cookie = (await page.context().cookies(origin)).find((c) => c.name === "mousestats_vi");
    await shop.goto(`${origin}/optout/${demo.siteKey}?v=${encodeURIComponent(cookie?.value ?? "")}`);
    const visitorId = (await shop.locator(".visitor-id").textContent()) ?? "";
    expect(visitorId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    await shop.close();

    await page.goto(`${origin}/t/${demo.tenantId}/compliance?tab=erasure`);
    await page.getByLabel("Visitor id").fill("not a visitor id!");
    await page.getByLabel("Site").selectOption(demo.siteId);
    await page.getByRole("button", { name: "Erase this visitor" }).click();
    await page.getByText(/must be the visitor id shown on the site's opt-out page/).first().waitFor();
    await page.getByLabel("Visitor id").fill(visitorId);
    await page.getByRole("button", { name: "Erase this visitor" }).click();
    // MS-4.1: the job answers after its fence and first pass; the final pass comes once nothing can be in flight.
    await page.getByText("Final pass: waiting for batches still in flight.").waitFor();
    await checkAtBothWidths(page, "compliance-erasure-final-pass");
    const erasureId = (await page.getByRole("status").locator("code").first().textContent()) ?? "";
    // The background runner's part, on a clock moved past the time the final pass is due.
    await runErasure(testServer.server.database.db, erasureId, { now: () => new Date(Date.now() + 60_000), leaseMs: 30_000, batchSize: 1_000 });
    await page.getByText("Done.").waitFor();
    await checkAtBothWidths(page, "compliance-erasure");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the signed receipt" }).click()]);
    const saved = JSON.parse(await readFile((await download.path()) as string, "utf8")) as { receipt: { receiptId: string; siteId: string }; signature: { algorithm: string } };
    expect(saved.receipt.siteId).toBe(demo.siteId);
    expect(saved.signature.algorithm).toBe("Ed25519");
    expect(download.suggestedFilename()).toBe(`erasure-${erasureId}.json`);

    // The erasure opted the visitor out: the opt-out audit verifies nothing was stored after it.
    await page.goto(`${origin}/t/${demo.tenantId}/compliance?tab=opt-outs`);
    await page.getByText("Verified: nothing stored after any opt-out on this page").waitFor();
    await page.getByRole("cell", { name: "nothing stored" }).first().waitFor();

    await page.goto(`${origin}/t/${demo.tenantId}/compliance?tab=policy-versions`);
    await page.getByRole("heading", { name: /Policy mousestats, latest version \d+/ }).waitFor();
    await page.getByText(/runs version \d+/).first().waitFor();

    for (const tab of ["opt-outs", "violations", "purges", "policy-versions"]) {
      await page.goto(`${origin}/t/${demo.tenantId}/compliance?tab=${tab}`);
      await page.getByRole("tabpanel").waitFor();
      await expect.poll(() => page.locator(".loading").count()).toBe(0);
      await checkAtBothWidths(page, `compliance-${tab}`);
    }

    // A site purge is listed with its receipt once sealed (nothing was purged before: the list was empty).
    await page.goto(`${origin}/t/${demo.tenantId}/compliance?tab=purges`);
    await page.getByText("No purges yet").waitFor();
    await page.getByRole("tabpanel").getByLabel("Site").selectOption(demo.siteId);
    const confirmLabel = (await page.locator("label", { hasText: /to confirm$/ }).textContent()) ?? "";
    await page.getByLabel(confirmLabel).fill(/“(.+)”/.exec(confirmLabel)?.[1] ?? "");
    await page.getByRole("button", { name: "Purge analytics" }).click();
    await page.getByRole("link", { name: /^Download the receipt of purge prg_/ }).waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it("shows a complaint sent through the site's form, answered and moved along", async () => {
    const page = await ownerPage();

    await sendComplaint(page, "Carla Complainant", "carla@example.com", "Please tell me what you recorded about me.");

    await page.goto(`${origin}/t/${demo.tenantId}/compliance?tab=complaints`);
    await page.getByRole("link", { name: /from Carla Complainant/ }).click();
    await page.getByText("Please tell me what you recorded about me.").waitFor();
    await page.getByLabel("Response").fill("We recorded no personal details; here is what we hold.");
    await page.getByLabel("Sent by").selectOption("email");
    await page.getByRole("button", { name: "Record response" }).click();
    await page.locator(".complaint-response").getByText("We recorded no personal details").waitFor();
    // Answering started the work on it: from in-progress it may be escalated, resolved or closed.
    await page.locator(".badge").getByText("in-progress").waitFor();
    expect(await page.getByLabel("New status").locator("option").allTextContents()).toEqual(["escalated-to-authority", "resolved", "closed"]);
    await page.getByLabel("New status").selectOption("resolved");
    await page.getByRole("button", { name: "Change status" }).click();
    await page.getByText(/→ resolved/).waitFor();
    // From resolved, the ticket may only be reopened or closed.
    expect(await page.getByLabel("New status").locator("option").allTextContents()).toEqual(["in-progress", "closed"]);
    await checkAtBothWidths(page, "complaint");
    await page.context().close();
  });

  it("shows platform staff every tenant and every complaint, without complainants' details", async () => {
    const page = await ownerPage();
    await sendComplaint(page, "Dora Private", "dora@example.com", "Why was my visit recorded?");
    await page.getByRole("link", { name: "Platform", exact: true }).click();
    await page.waitForURL(`${origin}/staff`);
    await page.getByRole("cell", { name: /Demo Shop/ }).waitFor();
    await checkAtBothWidths(page, "staff-tenants");
    await page.getByRole("tab", { name: "Complaints" }).click();
    await page.getByText(/data-access|recording-concern|erasure|opt-out|other/).first().waitFor();
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).not.toContain("dora@example.com");
    expect(main).not.toContain("Dora Private");
    await checkAtBothWidths(page, "staff-complaints");
    await page.getByRole("tab", { name: "Tenant purge" }).click();
    await page.getByLabel("Tenant id").fill(demo.tenantId);
    await page.getByLabel("The terms breach").fill("short");
    await page.getByRole("button", { name: "Purge the tenant's analytics" }).click();
    await page.getByText("must say why, in at least 10 characters").first().waitFor();
    await checkAtBothWidths(page, "staff-purge");
    await page.context().close();
  });

  it("asked no host but the server", () => {
    expect(foreign.flat()).toEqual([]);
  });
});
