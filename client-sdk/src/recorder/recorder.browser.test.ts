import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveEffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { tenantPrivacySettingsSchema, type TenantPrivacySettingsInput } from "@mousetrail/policies/tenantSettings";
import type { CollectPayload } from "@mousetrail/server/ingest/collectPayload.schema";
import { recorderConfigOf } from "@mousetrail/server/ingest/recorderConfigOf";
import { chromium, type Browser, type BrowserContext, type Cookie, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildRecorder } from "../../scripts/buildRecorder.mjs";
import { startFakeCollectServer, type FakeCollectServer } from "./testing/fakeCollectServer.js";
import { hostPage } from "./testing/hostPages.js";

/**
 * The built recorder (dist/recorder.js, rebuilt from the sources here) in headless Chromium, on a
 * tenant page at http://localhost, sending to a fake Mousetrail at http://127.0.0.1: what a
 * visitor's browser really sends, decoded and searched.
 */
const siteKey = "pk_browsertest0000000000000";
const typed = {
  email: "jane.roe@example.org",
  password: "Zq7!hunter-SECRET",
  card: "4242 4242 4242 4242",
  notes: "confidential memo\nsecond line",
  search: "red running shoes",
};
/**
 * Pieces of what was typed (or prefilled) in fields that must not reach the server in clear,
 * searched in the strings of what was sent: none is digits only, so none can turn up inside an
 * epoch-millisecond timestamp (1796392424237 holds "4242"), and timestamps are not strings anyway.
 */
const secrets = ["jane.roe", "example.org", "hunter", "SECRET", "4242 4242", "confidential", "memo"];

const minute = 60;
const day = 24 * 60 * minute;
const year = 365 * day;

let browser: Browser;
let server: FakeCollectServer;
let buildDirectory: string;

beforeAll(async () => {
  buildDirectory = await mkdtemp(join(tmpdir(), "mousetrail-recorder-"));
  await buildRecorder({ outdir: buildDirectory });
  const scripts = new Map([
    ["/recorder.js", await readFile(join(buildDirectory, "recorder.js"), "utf8")],
    ["/recorder.esm.js", await readFile(join(buildDirectory, "recorder.esm.js"), "utf8")],
    // What a bundler would resolve the ES module build's one dependency to.
    ["/rrweb-record.js", await readFile(fileURLToPath(import.meta.resolve("@rrweb/record")), "utf8")],
  ]);
  server = await startFakeCollectServer({
    scripts: (path) => scripts.get(path),
    pages: (name) =>
      hostPage(
        name,
        (attributes = "") => `<script async src="${server.mousetrailOrigin}/recorder.js" data-site-key="${siteKey}"${attributes}></script>`,
        `<script type="importmap">{ "imports": { "@rrweb/record": "${server.mousetrailOrigin}/rrweb-record.js" } }</script>
  <script type="module">
    import { startRecorder } from "${server.mousetrailOrigin}/recorder.esm.js";
    startRecorder({ siteKey: "${siteKey}", serverUrl: "${server.mousetrailOrigin}" });
  </script>`,
      ),
  });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (buildDirectory) await rm(buildDirectory, { recursive: true, force: true });
});

beforeEach(() => {
  server.reset();
  useSettings({});
});

/** The site's config as the server builds it, for a tenant with these privacy settings. */
function useSettings(settings: TenantPrivacySettingsInput): void {
  const policy = resolveEffectivePolicy(
    mouseStatsPolicyV1,
    tenantPrivacySettingsSchema.parse({ nonSensitiveSelectors: ["#search"], textMasking: "inputs-only", consentMode: "opt-out", ...settings }),
  );
  server.setConfig(recorderConfigOf(siteKey, policy, server.mousetrailOrigin));
}

async function visit(context: BrowserContext, page: string, options: { query?: string; referer?: string } = {}): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(`${server.siteOrigin}/site/${page}${options.query ?? ""}`, options.referer ? { referer: options.referer } : {});
  return tab;
}

async function cookiesOf(context: BrowserContext): Promise<Map<string, Cookie>> {
  return new Map((await context.cookies(server.siteOrigin)).map((cookie) => [cookie.name, cookie]));
}

/** Recording has started once the session cookie is there. */
async function recordingStarted(context: BrowserContext): Promise<void> {
  await expect.poll(async () => (await cookiesOf(context)).has("mousestats_si"), { timeout: 10_000 }).toBe(true);
}

const configRequests = () => server.received.filter((request) => request.path.startsWith("/collect/config/")).length;

/** The recorder has had its config (the `count`th so far) and every chance to act on it. */
async function configServed(count = 1): Promise<void> {
  await expect.poll(configRequests, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Leaving the page fires pagehide, which flushes what is waiting with keepalive. */
async function leave(page: Page): Promise<void> {
  await page.goto(`${server.siteOrigin}/site/blank.html`);
}

async function typeInto(page: Page, fields: Partial<Record<keyof typeof typed, string>>): Promise<void> {
  for (const [field, text] of Object.entries(fields)) await page.locator(`#${field}`).pressSequentially(text);
}

function sentText(): string {
  return server.collectRequests.map((request) => request.body ?? "").join("\n");
}

/** Every string of every batch sent (keys and values, events' data included), where typed text could appear. */
function sentStrings(): string {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        strings.push(key);
        walk(item);
      }
    }
  };
  server.batches.forEach(walk);
  return strings.join("\n");
}

interface SerializedNode {
  id: number;
  attributes?: Record<string, unknown>;
  childNodes?: SerializedNode[];
}

/** rrweb node ids of the elements with an `id` attribute, from the full snapshots. */
function nodeIds(batches: readonly CollectPayload[]): Map<string, number> {
  const ids = new Map<string, number>();
  const walk = (node: SerializedNode) => {
    if (typeof node.attributes?.id === "string") ids.set(node.attributes.id, node.id);
    node.childNodes?.forEach(walk);
  };
  for (const { events } of batches) for (const event of events) if (event.type === 2) walk((event.data as { node: SerializedNode }).node);
  return ids;
}

/** The texts of rrweb input events for a node, in order. */
function inputTexts(batches: readonly CollectPayload[], nodeId: number | undefined): string[] {
  return batches.flatMap(({ events }) =>
    events.flatMap((event) => {
      const data = event.data as { source?: number; id?: number; text?: string };
      return event.type === 3 && data.source === 5 && data.id === nodeId ? [data.text ?? ""] : [];
    }),
  );
}

describe("the recorder in a browser", () => {
  it("MS-1.5 MS-1.6 MS-2.4 masks what is typed one for one, keeps the non-sensitive field, and never sends passwords or card numbers", async () => {
    const context = await browser.newContext();
    const page = await visit(context, "checkout.html");
    await recordingStarted(context);
    await typeInto(page, typed);
    await leave(page);
    await expect.poll(() => inputTexts(server.batches, nodeIds(server.batches).get("search")).at(-1), { timeout: 10_000 }).toBe(typed.search);

    // Every body was decoded, so the search below covers all that was sent.
    expect(server.batches).toHaveLength(server.collectRequests.length);
    const sent = sentStrings();
    for (const secret of secrets) expect(sent, `"${secret}" was sent`).not.toContain(secret);
    expect(sent).toContain(typed.search);
    expect(sent).toContain("Welcome back, Jane Roe");

    const { batches } = server;
    const ids = nodeIds(batches);
    expect(inputTexts(batches, ids.get("email")).at(-1)).toBe("*".repeat(typed.email.length));
    expect(inputTexts(batches, ids.get("notes")).at(-1)).toBe("*".repeat(typed.notes.length));
    for (const field of ["password", "card"]) {
      expect(ids.has(field)).toBe(true);
      expect(inputTexts(batches, ids.get(field)).every((text) => text === "")).toBe(true);
    }

    // A CORS simple request: no content type, no preflight, no cookies, from the tenant's origin.
    expect(server.received.filter((request) => request.method === "OPTIONS")).toEqual([]);
    for (const request of server.collectRequests) {
      expect(request.contentType).toBeUndefined();
      expect(request.cookie).toBeUndefined();
      expect(request.origin).toBe(server.siteOrigin);
    }
    await context.close();
  });

  it("MS-1.5 masks a chosen option and radio button to a fixed length, and the masked select's option labels", async () => {
    const context = await browser.newContext();
    const page = await visit(context, "checkout.html");
    await recordingStarted(context);
    await page.selectOption("#country", "GB");
    await page.check("#size-xxl");
    await leave(page);
    const country = () => inputTexts(server.batches, nodeIds(server.batches).get("country"));
    await expect.poll(() => country().length, { timeout: 10_000 }).toBeGreaterThan(0);

    const ids = nodeIds(server.batches);
    expect(country()).toEqual(["********"]);
    expect(inputTexts(server.batches, ids.get("size-xxl"))).toEqual(["********"]);
    const sent = sentText();
    for (const label of ["Germany", "United Kingdom", "Choose", "XXL", '"GB"', '"DE"']) expect(sent, `"${label}" was sent`).not.toContain(label);
    await context.close();
  });

  it("MS-1.5 masks all page text under all-text masking", async () => {
    useSettings({ textMasking: "all-text" });
    const context = await browser.newContext();
    const page = await visit(context, "checkout.html");
    await recordingStarted(context);
    await typeInto(page, { search: typed.search });
    await leave(page);
    await expect.poll(() => server.batches.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(sentText()).not.toContain("Welcome");
    expect(sentText()).toContain('"******* ***** **** ***"');
    await context.close();
  });

  it("MS-1.3 MS-1.1 sends the page view without its query string, with the load time and the listed technical info, gzip-compressed", async () => {
    const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London" });
    await visit(context, "checkout.html", { query: "?email=jane.roe%40example.org&step=2", referer: "https://search.example/results?q=jane.roe" });
    await expect.poll(() => server.batches.length, { timeout: 20_000 }).toBeGreaterThan(0);

    const [request] = server.collectRequests;
    expect(request?.query.get("enc")).toBe("gzip");
    const [first] = server.batches;
    expect(first).toMatchObject({
      v: 1,
      siteKey,
      seq: 0,
      consent: "not-required",
      privacySignals: { globalPrivacyControl: false, doNotTrack: false },
      page: { url: `${server.siteOrigin}/site/checkout.html`, referrer: "https://search.example/results" },
      technical: {
        language: "en-GB",
        timeZone: "Europe/London",
        devicePixelRatio: 1,
        screenWidth: expect.any(Number),
        screenHeight: expect.any(Number),
      },
      view: { width: 1280, height: 720, scrollX: 0, scrollY: 0, documentHeight: expect.any(Number) },
    });
    // The viewport goes once, in the view: the server reads it from there (MS-1.1 lists it).
    expect(Object.keys(first?.technical ?? {})).toHaveLength(5);
    expect(first?.page?.loadTimeMs).toBeGreaterThanOrEqual(0);
    expect(sentText()).not.toContain("jane.roe");
    await context.close();
  });

  it("MS-1.8 MS-1.9 MS-1.10 MS-1.12 sets the policy's first-party cookies with their lifetimes, holding the ids it sends", async () => {
    const context = await browser.newContext();
    const page = await visit(context, "checkout.html");
    await recordingStarted(context);
    const cookies = await cookiesOf(context);
    const now = Date.now() / 1000;
    const lifetime = (name: string) => (cookies.get(name)?.expires ?? 0) - now;
    expect(lifetime("mousestats_si")).toBeGreaterThan(30 * minute - 30);
    expect(lifetime("mousestats_si")).toBeLessThanOrEqual(30 * minute);
    expect(lifetime("mousestats_si")).toBeLessThan(day);
    expect(lifetime("mousestats_vi")).toBeGreaterThan(395 * day - 30);
    expect(lifetime("mousestats_vi")).toBeLessThanOrEqual(10 * year);
    expect(lifetime("cenable")).toBeGreaterThan(0);
    expect(lifetime("cenable")).toBeLessThanOrEqual(10);
    for (const cookie of cookies.values()) {
      expect(cookie).toMatchObject({ domain: "localhost", path: "/", sameSite: "Lax", secure: false, httpOnly: false });
    }

    await leave(page);
    await expect.poll(() => server.batches.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(server.batches[0]).toMatchObject({ sessionId: cookies.get("mousestats_si")?.value, visitorId: cookies.get("mousestats_vi")?.value });
    await context.close();
  });

  it("MS-2.3 gives every visitor fresh random ids, the same browser setup notwithstanding, and keeps them across page views", async () => {
    const first = await browser.newContext();
    const second = await browser.newContext();
    const pageViews = () => new Set(server.batches.map((batch) => batch.pageId)).size;
    for (const [index, context] of [first, second, first].entries()) {
      const page = await visit(context, "checkout.html");
      await configServed(index + 1);
      await leave(page);
      await expect.poll(pageViews, { timeout: 10_000 }).toBe(index + 1);
    }
    const byPage = [...new Map(server.batches.map((batch) => [batch.pageId, batch])).values()];
    const [firstVisit, secondVisitor, returnVisit] = byPage;
    for (const batch of byPage) {
      for (const id of [batch.sessionId, batch.visitorId, batch.pageId]) expect(id).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(secondVisitor?.visitorId).not.toBe(firstVisit?.visitorId);
    expect(secondVisitor?.sessionId).not.toBe(firstVisit?.sessionId);
    expect(returnVisit?.visitorId).toBe(firstVisit?.visitorId);
    expect(returnVisit?.sessionId).toBe(firstVisit?.sessionId);
    await first.close();
    await second.close();
  });

  it("MS-1.11 sends nothing at all with the opt-out parameter, and sets the disable cookie for a year", async () => {
    const context = await browser.newContext();
    const page = await visit(context, "checkout.html", { query: "?mousestats_disable=1" });
    await configServed();
    await typeInto(page, { email: typed.email });
    await leave(page);
    const cookies = await cookiesOf(context);
    expect([...cookies.keys()]).toEqual(["mousestats_disable"]);
    const lifetime = (cookies.get("mousestats_disable")?.expires ?? 0) - Date.now() / 1000;
    expect(lifetime).toBeGreaterThan(year - 60);
    expect(lifetime).toBeLessThanOrEqual(year);

    // On the next page, without the parameter, the cookie alone keeps the recorder off.
    server.reset();
    const next = await visit(context, "checkout.html");
    await configServed();
    await typeInto(next, { email: typed.email });
    await leave(next);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(server.received.map((request) => request.path)).toEqual([`/collect/config/${siteKey}`]);
    expect([...(await cookiesOf(context)).keys()]).toEqual(["mousestats_disable"]);
    await context.close();
  });

  it.each(["?mousestats_disable=0", "?mousestats_disable=", "?mousestats_disable"])(
    "MS-1.11 %s is not an opt-out: only the value the policy names is",
    async (query) => {
      const context = await browser.newContext();
      await visit(context, "checkout.html", { query });
      await recordingStarted(context);
      expect((await cookiesOf(context)).has("mousestats_disable")).toBe(false);
      await context.close();
    },
  );

  it("MS-4.1 MS-1.11 mousetrail.optOut() stops at once, removes the ids and sets the disable cookie", async () => {
    const context = await browser.newContext();
    const page = await visit(context, "checkout.html");
    await recordingStarted(context);
    await page.evaluate(() => window.mousetrail?.optOut());
    const sentBefore = server.collectRequests.length;
    await typeInto(page, { email: typed.email });
    await leave(page);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(server.collectRequests).toHaveLength(sentBefore);
    const cookies = await cookiesOf(context);
    expect(cookies.has("mousestats_si") || cookies.has("mousestats_vi")).toBe(false);
    expect((cookies.get("mousestats_disable")?.expires ?? 0) - Date.now() / 1000).toBeGreaterThan(year - 60);
    await context.close();
  });

  it.each([
    { signal: "Global Privacy Control", property: "globalPrivacyControl", value: true },
    { signal: "Do Not Track", property: "doNotTrack", value: "1" },
  ])("MS-4.1 treats $signal as an opt-out: nothing recorded, no cookie", async ({ property, value }) => {
    const context = await browser.newContext();
    await context.addInitScript(
      ([name, signal]) => Object.defineProperty(Navigator.prototype, name as string, { get: () => signal, configurable: true }),
      [property, value] as const,
    );
    const page = await visit(context, "checkout.html");
    await configServed();
    await typeInto(page, { email: typed.email });
    await leave(page);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(server.collectRequests).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it("MS-4.2 in required consent mode records nothing and sets no cookie until mousetrail.consent(true), and stops at consent(false)", async () => {
    useSettings({ consentMode: "required" });
    const context = await browser.newContext();
    const page = await visit(context, "checkout.html");
    await configServed();
    await typeInto(page, { email: typed.email });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(server.collectRequests).toEqual([]);
    expect(await context.cookies()).toEqual([]);

    await page.evaluate(() => window.mousetrail?.consent(true));
    await recordingStarted(context);
    await typeInto(page, { search: typed.search });
    await page.evaluate(() => window.mousetrail?.consent(false));
    expect((await cookiesOf(context)).has("mousestats_si")).toBe(false);
    await typeInto(page, { notes: typed.notes });
    await leave(page);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Withdrawn before the first batch was due: what waited is dropped with the recording.
    expect(server.collectRequests).toEqual([]);

    const consented = await visit(context, "checkout.html");
    await consented.evaluate(() => window.mousetrail?.consent(true));
    await recordingStarted(context);
    await leave(consented);
    await expect.poll(() => server.batches.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(server.batches.every((batch) => batch.consent === "granted")).toBe(true);
    await context.close();
  });

  it('MS-4.2 starts at once in required mode when the consent manager marks the tag data-consent="granted"', async () => {
    useSettings({ consentMode: "required" });
    const context = await browser.newContext();
    const page = await visit(context, "checkout-consented.html");
    await recordingStarted(context);
    await leave(page);
    await expect.poll(() => server.batches.map((batch) => batch.consent), { timeout: 10_000 }).toContain("granted");
    await context.close();
  });

  it("MS-1.3 starts a page view per route of a single-page application: pushState, popstate and hash routes; not for a dropped query string or an in-page anchor", async () => {
    const context = await browser.newContext();
    const page = await visit(context, "spa.html");
    await recordingStarted(context);
    await page.click("#to-cart");
    // replaceState to a URL differing only in its query string: the query is dropped (MS-1.3), same page view.
    await page.click("#filter");
    await page.goBack();
    // Following an anchor on the page (#footer) is the same page: no page view, no snapshot.
    await page.click("#to-footer");
    await page.click("#to-settings");
    await leave(page);
    // In the order the page views were opened: each sends on its own, so their first batches may arrive in any order.
    const firstBatches = () => server.batches.filter((batch) => batch.seq === 0).sort((a, b) => (a.page?.startedAt ?? 0) - (b.page?.startedAt ?? 0));
    await expect.poll(() => firstBatches().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);

    const views = firstBatches().map((batch) => ({ pageId: batch.pageId, url: batch.page?.url, referrer: batch.page?.referrer, loadTime: batch.page?.loadTimeMs !== undefined }));
    const spa = `${server.siteOrigin}/site/spa.html`;
    expect(views.map((view) => view.url)).toEqual([spa, `${server.siteOrigin}/site/cart`, spa, `${spa}#/settings`]);
    expect(views.map((view) => view.referrer).slice(1)).toEqual([spa, `${server.siteOrigin}/site/cart`, spa]);
    expect(new Set(views.map((view) => view.pageId)).size).toBe(4);
    // Only the page the browser loaded has a load time; one session, one visitor throughout.
    expect(views.map((view) => view.loadTime)).toEqual([true, false, false, false]);
    expect(new Set(server.batches.map((batch) => batch.sessionId)).size).toBe(1);
    // Each route's page view starts with a full snapshot, so it replays on its own.
    for (const batch of firstBatches().slice(1)) expect(batch.events.map((event) => event.type).slice(0, 2)).toEqual([4, 2]);
    await context.close();
  });

  it("retries a batch the server answers 503, with the same sequence number", async () => {
    server.answerNext({ status: 503, headers: { "Retry-After": "1" }, body: { error: { message: "retry later" } } });
    const context = await browser.newContext();
    await visit(context, "checkout.html");
    await expect.poll(() => server.collectRequests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const [failed, retried] = server.collectRequests;
    expect(retried?.payload?.seq).toBe(0);
    expect(retried?.body).toBe(failed?.body);
    await context.close();
  });

  it("does not retry a batch the server answers 400, and goes on with the next", async () => {
    server.answerNext({ status: 400, body: { error: { message: "events: invalid", field: "events" } } });
    const context = await browser.newContext();
    const page = await visit(context, "checkout.html");
    await expect.poll(() => server.collectRequests.length, { timeout: 20_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(server.collectRequests).toHaveLength(1);
    await typeInto(page, { search: typed.search });
    await leave(page);
    await expect.poll(() => server.batches.map((batch) => batch.seq), { timeout: 10_000 }).toEqual([0, 1]);
    await context.close();
  });

  it("starts from the ES module build (startRecorder) as from the script tag", async () => {
    const context = await browser.newContext();
    const page = await visit(context, "checkout-module.html");
    await recordingStarted(context);
    expect(await page.evaluate(() => typeof window.mousetrail?.consent)).toBe("function");
    await typeInto(page, { email: typed.email, search: typed.search });
    await leave(page);
    await expect.poll(() => inputTexts(server.batches, nodeIds(server.batches).get("search")).at(-1), { timeout: 10_000 }).toBe(typed.search);
    expect(sentText()).not.toContain("jane.roe");
    await context.close();
  });

  it("leaves the host page's own behaviour, errors and globals exactly as they are without it", async () => {
    const observe = async (page: string) => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const pageErrors: string[] = [];
      const consoleMessages: string[] = [];
      tab.on("pageerror", (error) => pageErrors.push(error.message));
      tab.on("console", (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
      await tab.goto(`${server.siteOrigin}/site/${page}`);
      if (page.includes("with-recorder")) await recordingStarted(context);
      await tab.locator("#load").click();
      await tab.locator("#field").pressSequentially("abc");
      await expect.poll(() => tab.evaluate(() => (window as unknown as { hostLog: string[] }).hostLog.some((entry) => entry.startsWith("fetch")))).toBe(true);
      const seen = await tab.evaluate(() => ({
        log: (window as unknown as { hostLog: string[] }).hostLog,
        globals: Object.getOwnPropertyNames(window),
        nativeFetch: Function.prototype.toString.call(window.fetch).includes("[native code]"),
        nativeListeners: Function.prototype.toString.call(EventTarget.prototype.addEventListener).includes("[native code]"),
      }));
      await context.close();
      return { ...seen, pageErrors, consoleMessages };
    };
    const without = await observe("host-without-recorder.html");
    const withRecorder = await observe("host-with-recorder.html");
    expect(withRecorder.log).toEqual(without.log);
    expect(without.log).toContain("error: Uncaught Error: the page's own bug");
    expect(without.log).toContain('fetch: 200 {"ok":true}');
    expect(withRecorder.pageErrors).toEqual(without.pageErrors);
    expect(withRecorder.consoleMessages).toEqual(without.consoleMessages);
    expect(withRecorder.globals.filter((name) => !without.globals.includes(name))).toEqual(["mousetrail"]);
    expect(withRecorder).toMatchObject({ nativeFetch: true, nativeListeners: true });
  });
});
