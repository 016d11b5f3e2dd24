import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@mousetrail/client-sdk";
import { maskChoice } from "@mousetrail/policies/masking/maskText";
import type { Browser, BrowserContext, Cookie, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../db/analyticsCollections.js";
import { collections } from "../db/collections.js";
import { createApiKey } from "../domain/apiKeys/createApiKey.js";
import { seedDemo, type DemoLogin } from "../domain/demo/seedDemo.js";
import { siteScopedKey, visitorKeySecretOf } from "../domain/sites/siteScopedKey.js";
import { decodeChunkEvents } from "../repositories/recordingChunkRepository.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { useTestServer } from "../testing/testServer.js";
import { ensureRecorderBuilt, launchChromium } from "./chromium.js";
import { everyStoredString } from "./storedStrings.js";

/**
 * The demo shop as a visitor uses it: the real server, the demo site as `npm start` seeds it
 * (consent mode opt-out, `#search` non-sensitive), the built recorder from /recorder.js, and
 * Chromium typing into every field of the checkout. Every claim is then checked in the database
 * itself, every string of every document, recordings decoded.
 */

/**
 * What the visitor types. Storage holds random ids, hashes and tokens in which any three letters
 * or digits turn up by chance, so every three-character window of these values holds a space or a
 * punctuation mark that no id or hash contains; that makes "no 3-character piece of it is stored"
 * a check chance cannot fail. The test first checks that the values keep to this, and that none of
 * their pieces is stored for a visit in which nothing was typed (the shop's text, its style sheet as
 * the browser serialises it, ids) or is part of the shop's pages.
 */
const maskedFields = {
  name: "Zq Vx'Oy Jw",
  email: "zq.vx@oy.qw",
  address: "Qy 9! Zx Vk",
  phone: "+9 (6) 39 79 98",
  notes: "Bq Xz\nJv Qw",
} as const;
/** MS-2.4: the password and every payment card field (`cc-*` autocomplete). */
const neverCapturedFields = {
  password: "Wk!Qz#Jv!Xq",
  "card-number": "49 69 86 93 97 68 89 69",
  "card-expiry": "09.38",
  "card-csc": "7 9 6",
} as const;
/** The country select, chosen by typing its label (the select's value is the code). */
const country = { typed: "Portugal", value: "PT" };
/** MS-1.6: the demo site marks its search box non-sensitive. */
const searchText = "merino beanie";

const hour = 3600;
const day = 24 * hour;
const year = 365 * day;

function piecesOf(value: string): string[] {
  const pieces = new Set<string>();
  for (let start = 0; start < value.length; start++) {
    for (let end = start + 3; end <= value.length; end++) pieces.add(value.slice(start, end));
  }
  return [...pieces];
}

/** Characters of base64, base64url and hex: what random ids, tokens and hashes are made of. */
const idCharacter = /[A-Za-z0-9+/=_-]/;

interface RequestLog {
  readonly posts: Request[];
  readonly answers: { status: number; body: unknown }[];
  readonly configFetches: number;
  inFlight(): number;
}

/** Every POST /collect a browser context makes, and how the server answered each. */
function watchCollect(context: BrowserContext): RequestLog {
  const posts: Request[] = [];
  const answers: { status: number; body: unknown }[] = [];
  const pending = new Set<Request>();
  let configFetches = 0;
  context.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/collect/config/")) configFetches++;
    if (request.method() !== "POST" || pathname !== "/collect") return;
    posts.push(request);
    pending.add(request);
  });
  const settle = async (request: Request) => {
    if (!pending.has(request)) return;
    const response = await request.response().catch(() => null);
    const text = response ? await response.text().catch(() => "") : "";
    answers.push({ status: response?.status() ?? 0, body: text ? (JSON.parse(text) as unknown) : null });
    pending.delete(request);
  };
  context.on("requestfinished", (request) => void settle(request));
  context.on("requestfailed", (request) => void settle(request));
  return {
    posts,
    answers,
    get configFetches() {
      return configFetches;
    },
    inFlight: () => pending.size,
  };
}

/** Polls until `check` holds (expect.poll works inside tests only, and these waits are in hooks too). */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, { timeout = 15_000, interval = 250 } = {}): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

interface SerializedNode {
  id: number;
  attributes?: Record<string, unknown>;
  childNodes?: SerializedNode[];
}

interface StoredEvent {
  type: number;
  data: Record<string, unknown>;
}

describe("the demo shop in Chromium, checked in the database", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;
  let browser: Browser;
  let demo: DemoLogin;
  let origin: string;
  let screenshots: string;

  const chunks = () => analyticsCollections(db()).recordingChunks;
  const keyOf = (rawId: string) => siteScopedKey(visitorKeySecretOf(server.server.services.sessionSecret), demo.siteId, rawId);

  async function cookiesOf(context: BrowserContext): Promise<Map<string, Cookie>> {
    return new Map((await context.cookies(origin)).map((cookie) => [cookie.name, cookie]));
  }

  /** Recording has started once the recorder has set the session cookie. */
  async function recordingStarted(context: BrowserContext): Promise<Map<string, Cookie>> {
    await waitFor("the session cookie", async () => (await cookiesOf(context)).has("mousestats_si"));
    return cookiesOf(context);
  }

  /** The recorder's batches are answered and nothing more arrives. */
  async function batchesSettled(traffic: RequestLog, filter: Record<string, unknown>): Promise<void> {
    let last = -1;
    await waitFor(
      "the batches to settle",
      async () => {
        const count = await chunks().countDocuments({ siteId: demo.siteId, ...filter });
        const settled = traffic.inFlight() === 0 && count === last;
        last = count;
        return settled;
      },
      { timeout: 20_000, interval: 1_000 },
    );
  }

  /** Leaving for a page without the recorder fires pagehide, which sends what is still queued. */
  async function leave(page: Page): Promise<void> {
    await page.goto(`${origin}/healthz`);
  }

  async function eventsOf(filter: Record<string, unknown>): Promise<StoredEvent[]> {
    const stored = await chunks().find({ siteId: demo.siteId, ...filter }).sort({ pageId: 1, seq: 1 }).toArray();
    return (await Promise.all(stored.map((chunk) => decodeChunkEvents(chunk)))).flat() as StoredEvent[];
  }

  beforeAll(async () => {
    ensureRecorderBuilt();
    origin = new URL(server.url).origin;
    const seeded = await seedDemo(db(), { allowedOrigins: [origin], now: new Date() });
    if (!seeded) throw new Error("the demo was not seeded into a fresh database");
    demo = seeded;
    browser = await launchChromium();
    screenshots = await mkdtemp(join(tmpdir(), "mousetrail-e2e-"));
  });

  afterAll(async () => {
    await browser?.close();
    if (screenshots && !process.env.MOUSETRAIL_KEEP_SCREENSHOTS) await rm(screenshots, { recursive: true, force: true });
  });

  describe("a checkout typed into every field", () => {
    let checkout: { context: BrowserContext; traffic: RequestLog; cookies: Map<string, Cookie>; cookiesReadAt: number; sessionKey: string };
    let stored: string;
    /** Everything stored after a visit without typing, and the shop's pages. */
    let control: string;
    let events: StoredEvent[];
    let nodeIds: Map<string, number>;

    beforeAll(async () => {
      // An earlier visit in another browser, so that the session list has an order to show.
      const earlier = await browser.newContext();
      const earlierTraffic = watchCollect(earlier);
      const product = await earlier.newPage();
      await product.goto(`${origin}/demo/product`);
      const earlierSession = (await recordingStarted(earlier)).get("mousestats_si")!.value;
      await product.mouse.wheel(0, 400);
      await leave(product);
      await waitFor("the earlier visit's batches", async () => (await chunks().countDocuments({ sessionKey: keyOf(earlierSession) })) > 0);
      await batchesSettled(earlierTraffic, { sessionKey: keyOf(earlierSession) });
      await earlier.close();
      const pages = await Promise.all(["", "product", "journal", "checkout", "demo.css", "demo.js"].map(async (name) => (await fetch(`${origin}/demo/${name}`)).text()));
      control = [...(await everyStoredString(db())), ...pages].join("\u0000");

      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "pt-PT", timezoneId: "Europe/Lisbon" });
      const traffic = watchCollect(context);
      const page = await context.newPage();
      await page.goto(`${origin}/demo/checkout`);
      const cookies = await recordingStarted(context);
      const cookiesReadAt = Date.now() / 1000;
      const sessionKey = keyOf(cookies.get("mousestats_si")!.value);

      await page.mouse.move(120, 140);
      await page.mouse.move(640, 320, { steps: 12 });
      // Real keystrokes, one key event at a time, into every field of the form.
      const typeInto = async (id: string, text: string) => {
        await page.click(`[id="${id}"]`);
        await page.keyboard.type(text, { delay: 15 });
      };
      await typeInto("name", maskedFields.name);
      await typeInto("email", maskedFields.email);
      await typeInto("password", neverCapturedFields.password);
      await typeInto("address", maskedFields.address);
      await page.focus("#country");
      await page.keyboard.type(country.typed, { delay: 40 });
      const chosen = await page.inputValue("#country");
      if (chosen !== country.value) throw new Error(`typing "${country.typed}" into the country select chose "${chosen}"`);
      await typeInto("phone", maskedFields.phone);
      await typeInto("card-number", neverCapturedFields["card-number"]);
      await typeInto("card-expiry", neverCapturedFields["card-expiry"]);
      await typeInto("card-csc", neverCapturedFields["card-csc"]);
      await typeInto("notes", maskedFields.notes);
      await page.click(".summary");
      await page.mouse.wheel(0, 500);
      await page.mouse.wheel(0, -500);
      await typeInto("search", searchText);
      await page.keyboard.press("Enter");
      await page.click("form[data-checkout] button[type=submit]");
      await page.waitForSelector("[data-order-placed]", { state: "visible" });
      // From the top, where the sticky header belongs in a full-page picture.
      await page.evaluate("window.scrollTo(0, 0)");
      await page.screenshot({ path: join(screenshots, "checkout.png"), fullPage: true });

      // The recorder sends on its interval; the search box, typed last, proves the form went out.
      await waitFor("the search box's text in storage", async () => JSON.stringify(await eventsOf({ sessionKey })).includes(`"text":"${searchText}"`), {
        timeout: 20_000,
        interval: 500,
      });
      await leave(page);
      await batchesSettled(traffic, { sessionKey });
      checkout = { context, traffic, cookies, cookiesReadAt, sessionKey };

      stored = (await everyStoredString(db())).join("\u0000");
      events = await eventsOf({ sessionKey });
      nodeIds = new Map();
      const walk = (node: SerializedNode) => {
        if (typeof node.attributes?.id === "string") nodeIds.set(node.attributes.id, node.id);
        node.childNodes?.forEach(walk);
      };
      for (const event of events) if (event.type === 2) walk(event.data.node as SerializedNode);
    }, 120_000);

    afterAll(async () => {
      await checkout?.context.close();
    });

    /** Every value the recording holds for a form field: input events, snapshot and mutation `value` attributes. */
    function valuesOf(fieldId: string): { inputs: string[]; attributes: string[] } {
      const nodeId = nodeIds.get(fieldId);
      expect(nodeId, `#${fieldId} is in the recorded page`).toBeDefined();
      const inputs: string[] = [];
      const attributes: string[] = [];
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) return value.forEach(walk);
        if (typeof value !== "object" || value === null) return;
        const item = value as Record<string, unknown>;
        if (item.id === nodeId) {
          const attributeValue = (item.attributes as Record<string, unknown> | undefined)?.value;
          if (attributeValue !== undefined) attributes.push(String(attributeValue));
          if (item.source === 5 && typeof item.text === "string") inputs.push(item.text);
        }
        Object.values(item).forEach(walk);
      };
      events.forEach((event) => walk(event.data));
      return { inputs, attributes };
    }

    it("sent every batch, and the server stored every one of them", () => {
      const { posts, answers } = checkout.traffic;
      expect(posts.length).toBeGreaterThan(0);
      expect(answers.map((answer) => answer.status)).toEqual(posts.map(() => 204));
    });

    it("types values whose pieces chance cannot put in storage, and that nothing but typing would store", () => {
      for (const value of [...Object.values(maskedFields), ...Object.values(neverCapturedFields)]) {
        for (const piece of piecesOf(value)) {
          if (piece.length === 3) expect([...piece].every((character) => idCharacter.test(character)), `"${piece}" could be part of an id`).toBe(false);
          expect(control.includes(piece), `"${piece}" is stored without being typed: choose another value`).toBe(false);
        }
      }
      expect(control).not.toContain(searchText);
    });

    it("MS-1.5 no typed character sequence of a masked field reached storage, every masked value kept its length, and the chosen country has the fixed length of a choice", () => {
      for (const [field, value] of Object.entries(maskedFields)) {
        for (const piece of piecesOf(value)) expect(stored.includes(piece), `"${piece}" of #${field} was stored`).toBe(false);
        const { inputs, attributes } = valuesOf(field);
        // One input event per keystroke or so: each a mask of what was there at that moment.
        expect(inputs.length, `input events of #${field}`).toBeGreaterThan(1);
        for (const text of [...inputs, ...attributes]) expect(text).toMatch(/^\**$/);
        expect(inputs.at(-1)).toBe("*".repeat([...value].length));
      }
      const select = valuesOf("country");
      // The length of a masked choice tells nothing of which option it was.
      expect(select.inputs.at(-1)).toBe(maskChoice("*"));
      expect(`${select.inputs.join("")}${select.attributes.join("")}`).toMatch(/^\**$/);
    });

    it("MS-2.4 nothing of the password or the card fields reached storage, not even masked", () => {
      for (const [field, value] of Object.entries(neverCapturedFields)) {
        expect(stored.includes(value), `#${field} was stored`).toBe(false);
        for (const piece of piecesOf(value)) expect(stored.includes(piece), `"${piece}" of #${field} was stored`).toBe(false);
        const { inputs, attributes } = valuesOf(field);
        // Not a mask either: a mask would tell how long the password is. At most one input event, and
        // an empty one, whatever was typed: not even the number of keystrokes is kept.
        expect(attributes.filter((text) => text !== ""), `value attributes of #${field}`).toEqual([]);
        expect(inputs.length, `input events of #${field}`).toBeLessThanOrEqual(1);
        expect(inputs.filter((text) => text !== ""), `input events of #${field}`).toEqual([]);
      }
    });

    it("MS-1.6 the non-sensitive search box was stored as typed", () => {
      const { inputs } = valuesOf("search");
      expect(inputs.at(-1)).toBe(searchText);
      expect(stored).toContain(searchText);
    });

    it("MS-1.8 MS-1.9 MS-1.10 MS-1.12 the recorder's cookies are first-party, host-only, short enough and hold random ids only", async () => {
      const { cookies, cookiesReadAt } = checkout;
      expect([...cookies.keys()].sort()).toEqual(["cenable", "mousestats_si", "mousestats_vi"]);
      const session = cookies.get("mousestats_si")!;
      const visitor = cookies.get("mousestats_vi")!;
      const test = cookies.get("cenable")!;
      // MS-1.8 under 24 hours; MS-1.9 at most ten years; MS-1.10 a few seconds up to a year (here: seconds).
      expect(session.expires - cookiesReadAt).toBeGreaterThan(0);
      expect(session.expires - cookiesReadAt).toBeLessThan(day);
      expect(visitor.expires - cookiesReadAt).toBeGreaterThan(day);
      expect(visitor.expires - cookiesReadAt).toBeLessThanOrEqual(10 * year);
      expect(test.expires - cookiesReadAt).toBeGreaterThan(0);
      expect(test.expires - cookiesReadAt).toBeLessThanOrEqual(60);
      expect(test.value).toBe("1");
      // MS-1.12: set on the shop's own host only (no Domain attribute), readable by the shop, random ids.
      for (const cookie of [session, visitor, test]) {
        expect(cookie).toMatchObject({ domain: new URL(origin).hostname, path: "/", httpOnly: false, sameSite: "Lax" });
      }
      expect(session.value).toMatch(/^[0-9a-f]{32}$/);
      expect(visitor.value).toMatch(/^[0-9a-f]{32}$/);
      expect(visitor.value).not.toBe(session.value);
      for (const value of [...Object.values(maskedFields), searchText]) expect(`${session.value}${visitor.value}`).not.toContain(value);
      // Neither the raw ids nor anything else of the cookies is stored: ids are keyed to the site (MS-2.3).
      expect(stored).not.toContain(session.value);
      expect(stored).not.toContain(visitor.value);
      // At the end of the visit the recorder has set nothing else.
      const after = await cookiesOf(checkout.context);
      expect([...after.keys()].filter((name) => name !== "cenable").sort()).toEqual(["mousestats_si", "mousestats_vi"]);
    });

    it("MS-5.1 the session is found through the typed SDK: newest first, with its page, technical info, policy version and violations", async () => {
      const { secret } = await createApiKey(
        { scope: tenantScope(db(), demo.tenantId), actor: { type: "user", id: (await collections(db()).users.findOne({ email: demo.email }))!._id, platform: true }, now: new Date() },
        { name: "e2e reports", scopes: ["reports:read"] },
      );
      const client = createClient({ baseUrl: server.url, apiKey: secret });
      // Sessions are derived from the stored chunks by the server's worker, after the 204s.
      await server.server.derivation.drain();
      const { sessions } = await client.sessions.list.query({ tenantId: demo.tenantId, siteId: demo.siteId });
      expect(sessions.length).toBeGreaterThanOrEqual(2);
      expect(sessions[0]?.sessionId).toBe(checkout.sessionKey);
      const started = sessions.map((session) => session.firstSeenAt);
      expect([...started].sort().reverse()).toEqual(started);

      const detail = await client.sessions.get.query({ tenantId: demo.tenantId, siteId: demo.siteId, sessionId: checkout.sessionKey });
      expect(detail).toMatchObject({
        entryUrl: `${origin}/demo/checkout`,
        policy: { id: "mousestats", version: 1 },
        technical: {
          browser: expect.stringMatching(/Chrom/),
          os: "Linux",
          language: "pt-PT",
          timeZone: "Europe/Lisbon",
          viewportWidth: 1280,
          viewportHeight: 800,
          deviceClass: "desktop",
        },
        pages: [{ url: `${origin}/demo/checkout`, breakpoint: "desktop", loadTimeMs: expect.any(Number) }],
      });
      expect(detail.ipTruncated).toMatch(/\.0$|::$/);
      expect(detail.pageCount).toBe(1);
      expect(detail.eventCount).toBe(events.length);
      const violations = await analyticsCollections(db()).piiViolations.countDocuments({ siteId: demo.siteId, sessionKey: checkout.sessionKey });
      expect(detail.violationCount).toBe(violations);
      expect(Object.values(detail.violationsByKind).reduce((sum, count) => sum + count, 0)).toBe(violations);
    });

    it("renders the demo shop (a screenshot of the checkout, kept with MOUSETRAIL_KEEP_SCREENSHOTS=1)", async () => {
      expect((await stat(join(screenshots, "checkout.png"))).size).toBeGreaterThan(20_000);
      if (process.env.MOUSETRAIL_KEEP_SCREENSHOTS) console.info(`screenshot: ${join(screenshots, "checkout.png")}`);
    });
  });

  it("MS-1.11 with ?mousestats_disable=1 nothing is sent or stored, the disable cookie lasts a year, and later pages stay unrecorded", async () => {
    const before = await chunks().countDocuments({ siteId: demo.siteId });
    const context = await browser.newContext();
    const traffic = watchCollect(context);
    const page = await context.newPage();
    await page.goto(`${origin}/demo/?mousestats_disable=1`);
    await expect.poll(async () => (await cookiesOf(context)).has("mousestats_disable"), { timeout: 15_000 }).toBe(true);
    const disable = (await cookiesOf(context)).get("mousestats_disable")!;
    expect(Math.abs(disable.expires - Date.now() / 1000 - year)).toBeLessThan(60);
    expect(disable).toMatchObject({ domain: new URL(origin).hostname, path: "/", value: "1" });

    const browse = async () => {
      await page.mouse.move(300, 300, { steps: 5 });
      await page.mouse.wheel(0, 800);
      await page.click("#search");
      await page.keyboard.type(searchText);
      // Past the recorder's 5-second interval: a running recorder would have sent a batch by now.
      await page.waitForTimeout(6_000);
    };
    await browse();
    await page.goto(`${origin}/demo/journal`);
    await expect.poll(() => traffic.configFetches, { timeout: 15_000 }).toBe(2);
    await browse();
    await leave(page);
    await page.waitForTimeout(1_000);

    expect(traffic.posts).toEqual([]);
    const cookies = await cookiesOf(context);
    expect(cookies.has("mousestats_si")).toBe(false);
    expect(cookies.has("mousestats_vi")).toBe(false);
    expect(await chunks().countDocuments({ siteId: demo.siteId })).toBe(before);
    await context.close();
  }, 60_000);

  it("MS-4.1 after opting out on the hosted page, the visitor's batches are refused and not stored", async () => {
    const context = await browser.newContext();
    const traffic = watchCollect(context);
    const page = await context.newPage();
    await page.goto(`${origin}/demo/`);
    const visitorId = (await recordingStarted(context)).get("mousestats_vi")!.value;
    const visitorKey = keyOf(visitorId);
    // Recorded while the visitor had not opted out.
    await page.mouse.wheel(0, 600);
    await leave(page);
    await expect.poll(() => chunks().countDocuments({ siteId: demo.siteId, "context.visitorKey": visitorKey }), { timeout: 15_000 }).toBeGreaterThan(0);
    await batchesSettled(traffic, { "context.visitorKey": visitorKey });
    const storedBefore = await chunks().countDocuments({ siteId: demo.siteId, "context.visitorKey": visitorKey });

    await page.goto(`${origin}/optout/${demo.siteKey}?v=${visitorId}`);
    await page.click("button[type=submit]");
    await expect.poll(() => page.textContent("body")).toMatch(/opted out/i);
    expect(await analyticsCollections(db()).optOuts.countDocuments({ siteId: demo.siteId, visitorKey })).toBe(1);

    const refusedFrom = traffic.answers.length;
    await page.goto(`${origin}/demo/journal`);
    await page.mouse.move(200, 200, { steps: 5 });
    await page.mouse.wheel(0, 1200);
    // The recorder sends its first batch, is told the visitor opted out, and stops.
    await expect.poll(() => traffic.answers.length, { timeout: 20_000 }).toBeGreaterThan(refusedFrom);
    await leave(page);
    await expect.poll(() => traffic.inFlight(), { timeout: 10_000 }).toBe(0);
    const after = traffic.answers.slice(refusedFrom);
    expect(after).toEqual(after.map(() => ({ status: 200, body: { stored: false, reason: "opted-out" } })));
    expect(await chunks().countDocuments({ siteId: demo.siteId, "context.visitorKey": visitorKey })).toBe(storedBefore);
    await server.server.derivation.drain();
    expect(await analyticsCollections(db()).pageViews.countDocuments({ siteId: demo.siteId, url: `${origin}/demo/journal` })).toBe(0);
    await context.close();
  }, 90_000);
});
