import type { DemoLogin } from "@mousetrail/server/domain/demo/seedDemo";
import { useTestServer } from "@mousetrail/server/testing/testServer";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAtBothWidths, consoleContext, signIn, startConsoleSession, widths } from "./consoleBrowser.js";

/**
 * A new tenant admin in Chromium, against a real server: sign up, add a site, copy its snippet;
 * the demo admin sees the recorder of the demo shop arrive; an invitation joins the newcomer to
 * the demo tenant, and switching tenants never shows the other tenant's sites; API keys.
 */
describe("the console for a tenant admin", { timeout: 120_000 }, () => {
  const testServer = useTestServer();
  let browser: Browser;
  let origin: string;
  let demo: DemoLogin;
  const foreign: string[][] = [];
  const newcomer = { name: "Nia Newcomer", email: "nia@example.com", password: "correct horse battery", tenant: "Nia's Shop" };

  beforeAll(async () => {
    ({ browser, origin, demo } = await startConsoleSession(testServer));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function newPage(): Promise<Page> {
    const { context, foreignRequests } = await consoleContext(browser, origin, widths.desktop);
    foreign.push(foreignRequests);
    return context.newPage();
  }

  it("serves the console at / with a strict Content-Security-Policy", async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(await response.text()).toContain('<div id="app">');
  });

  it("signs up, shows what to do next, adds a site and copies its snippet", async () => {
    const page = await newPage();
    await page.goto(`${origin}/`);
    await page.waitForURL(/\/sign-in$/);
    await checkAtBothWidths(page, "sign-in");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Your name").fill(newcomer.name);
    await page.getByLabel("Email").fill(newcomer.email);
    await page.getByLabel("Password").fill("short");
    await page.getByLabel("Organisation").fill(newcomer.tenant);
    await page.getByRole("button", { name: "Create account" }).click();
    // The server's refusal is shown beside the field it names, in words.
    await expect.poll(() => page.locator(".field-error").first().textContent()).toContain("at least 10 characters");
    await checkAtBothWidths(page, "sign-up");
    await page.getByLabel("Password").fill(newcomer.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/t\/[^/]+\/sites$/);
    await page.getByText("No sites yet").waitFor();
    await checkAtBothWidths(page, "sites-empty");

    await page.getByLabel("Site name").fill("Nia's shop");
    await page.getByLabel("Allowed origins").fill("not an origin");
    await page.getByRole("button", { name: "Add site" }).click();
    await page.getByText(/must be an origin like/).first().waitFor();
    await page.getByLabel("Allowed origins").fill("https://shop.example.com/");
    await page.getByRole("button", { name: "Add site" }).click();
    await page.waitForURL(/\/sites\/[^/]+$/);
    await page.getByText("Recorder not yet seen").waitFor();
    const snippet = (await page.locator(".snippet").textContent()) ?? "";
    expect(snippet).toMatch(new RegExp(`^<script async src="${origin}/recorder.js" data-site-key="[^"]+"></script>$`));
    await page.getByRole("button", { name: "Copy snippet" }).click();
    await page.getByText("Copied.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await checkAtBothWidths(page, "site");
    await page.context().close();
  });

  it("turns to “recorder seen” once the demo shop records a visit", async () => {
    const page = await newPage();
    await signIn(page, origin, demo.email, demo.password);
    await page.goto(`${origin}/t/${demo.tenantId}/sites/${demo.siteId}`);
    await page.getByText("Recorder not yet seen").waitFor();
    const shop = await page.context().newPage();
    await shop.goto(`${origin}/demo/`);
    await shop.goto(`${origin}/demo/product`);
    await shop.close();
    await page.getByText("Recorder seen").waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it("invites a member who accepts, and switching tenants shows only the chosen tenant's data", async () => {
    const admin = await newPage();
    await signIn(admin, origin, demo.email, demo.password);
    await admin.goto(`${origin}/t/${demo.tenantId}/members`);
    await admin.getByText("No pending invitations").waitFor();
    await admin.getByLabel("Email").fill(newcomer.email);
    await admin.getByLabel("Role", { exact: true }).selectOption("admin");
    await admin.getByRole("button", { name: "Create invitation link" }).click();
    const link = (await admin.locator(".invitation-link").textContent()) ?? "";
    expect(link).toMatch(new RegExp(`^${origin}/invitation#token=`));
    await admin.getByText(`${newcomer.email} as admin`).waitFor();
    await checkAtBothWidths(admin, "members");
    await admin.context().close();

    const invitee = await newPage();
    await signIn(invitee, origin, newcomer.email, newcomer.password);
    const ownSites = invitee.url();
    await invitee.goto(link);
    await invitee.getByRole("button", { name: "Accept invitation" }).click();
    await invitee.waitForURL(`${origin}/t/${demo.tenantId}/sites`);
    await invitee.getByRole("link", { name: "Demo" }).first().waitFor();
    expect(await invitee.locator("main").textContent()).not.toContain("Nia's shop");

    await invitee.getByRole("button", { name: /Switch tenant/ }).click();
    await invitee.getByRole("menuitem", { name: new RegExp(newcomer.tenant) }).click();
    await invitee.waitForURL(ownSites);
    await invitee.getByRole("link", { name: "Nia's shop" }).waitFor();
    const main = (await invitee.locator("main").textContent()) ?? "";
    const demoSiteNames = (await testServer.server.database.db.collection("sites").find({ tenantId: demo.tenantId }).toArray()).map((site) => String(site.name));
    for (const name of demoSiteNames) expect(main).not.toContain(name);
    await invitee.context().close();
  });

  it("creates an API key shown once, then revokes it", async () => {
    const page = await newPage();
    await signIn(page, origin, demo.email, demo.password);
    await page.goto(`${origin}/t/${demo.tenantId}/api-keys`);
    await page.getByLabel("Key name").fill("nightly export");
    await page.getByRole("button", { name: "Create key" }).click();
    const secret = (await page.locator(".api-key-secret").textContent()) ?? "";
    const listSites = () =>
      fetch(`${origin}/trpc/sites.list?input=${encodeURIComponent(JSON.stringify({ tenantId: demo.tenantId }))}`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await listSites()).status).toBe(200);
    await checkAtBothWidths(page, "api-keys");
    await page.reload();
    // Shown once: after a reload only the prefix is left.
    expect(await page.locator("main").textContent()).not.toContain(secret);
    await page.getByRole("button", { name: "Revoke nightly export" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await page.getByText(/^Revoked /).waitFor();
    expect((await listSites()).status).toBe(401);

    await page.goto(`${origin}/t/${demo.tenantId}/audit`);
    await page.getByText("apiKey.revoke").first().waitFor();
    await checkAtBothWidths(page, "audit");
    // The server filters: only the key's actions are listed, whatever page they were on.
    await page.getByLabel("Action starts with").fill("apiKey.");
    await page.getByRole("button", { name: "Apply filter" }).click();
    const actions = page.locator("tbody td:nth-child(2) code");
    // The unfiltered page already lists apiKey.create: wait for the filtered answer itself.
    await expect.poll(async () => (await actions.allTextContents()).every((action) => action.startsWith("apiKey."))).toBe(true);
    expect(await actions.allTextContents()).toEqual(expect.arrayContaining(["apiKey.create", "apiKey.revoke"]));
    await page.getByRole("button", { name: "Clear" }).click();
    await actions.filter({ hasNotText: /^apiKey\./ }).first().waitFor();

    // Signing out ends the session: the same address then asks to sign in, and leads back after.
    const audit = page.url();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${origin}/sign-in`);
    await page.goto(audit);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel("Email").fill(demo.email);
    await page.getByLabel("Password").fill(demo.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(audit);
    await page.context().close();
  });

  it("asked no host but the server", () => {
    expect(foreign.flat()).toEqual([]);
  });
});
