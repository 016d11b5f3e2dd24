/**
 * Records the demo data `npm start` seeds (server/src/domain/demo/seedDemoData.ts): scripted
 * visits to the demo shop in Chromium, on phones, tablets and desktops, with the real recorder
 * (client-sdk/dist/recorder.js, rebuilt when stale) sending to a real server. What the recorder
 * POSTed to /collect, already masked by it, is saved per visit in server/demo-site/recordings/
 * (see DemoRecording). Run by hand after a change to the shop or the recorder, never by tests:
 *
 *   node --conditions=@mousetrail/source --import tsx server/scripts/recordDemoSessions.ts
 *
 * It uses MONGODB_URI when set, else starts the embedded database like `npm start`.
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Db } from "mongodb";
import type { BrowserContextOptions, Page } from "playwright-core";
import { seedDemo } from "../src/domain/demo/seedDemo.js";
import { demoRecordingsDir, recordedOrigin, type DemoRecording, type RecordedBatch } from "../src/domain/demo/demoRecordings.js";
import { demoCheckoutInput, demoSearches } from "../src/domain/demo/demoVisitorInput.js";
import { ensureRecorderBuilt, launchChromium } from "../src/e2e/chromium.js";
import type { CollectPayload } from "../src/ingest/collectPayload.schema.js";
import { createLogger } from "../src/logging/logger.js";
import { startServer } from "../src/startServer.js";

interface Visit {
  name: string;
  device: BrowserContextOptions;
  run(shop: Shop): Promise<void>;
}

const userAgents = {
  windowsChrome: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  macChrome: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  linuxFirefox: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  iPhone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  iPad: "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  pixel: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  galaxyTab: "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
};

const touch = { isMobile: true, hasTouch: true } as const;
const { ana, tom, mei } = demoCheckoutInput;

const visits: Visit[] = [
  {
    name: "desktop-shopper",
    device: { viewport: { width: 1440, height: 900 }, userAgent: userAgents.windowsChrome, locale: "pt-PT", timezoneId: "Europe/Lisbon" },
    async run(shop) {
      await shop.open("/demo/", "https://www.google.com/");
      await shop.wander(4);
      await shop.scroll(700, 3);
      await shop.click(".card:nth-child(1) [data-add-to-cart]");
      await shop.click(".card:nth-child(2) [data-add-to-cart]");
      await shop.scroll(900, 4);
      await shop.pause(1_500);
      await shop.follow('nav a[href="/demo/product"]');
      await shop.scroll(600, 3);
      await shop.click("[data-size-chart]");
      await shop.scroll(-600, 2);
      await shop.click("[data-add-to-cart]");
      await shop.follow('nav a[href="/demo/checkout"]');
      await shop.type("#name", ana.name);
      await shop.type("#email", ana.email);
      await shop.type("#password", ana.password);
      await shop.type("#address", ana.address);
      await shop.choose("#country", ana.country);
      await shop.type("#phone", ana.phone);
      await shop.type("#card-number", ana.cardNumber);
      await shop.type("#card-expiry", ana.cardExpiry);
      await shop.type("#card-csc", ana.cardCsc);
      await shop.type("#notes", ana.notes);
      await shop.click("form[data-checkout] button[type=submit]");
      await shop.pause(4_000);
    },
  },
  {
    name: "mobile-reader",
    device: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, ...touch, userAgent: userAgents.iPhone, locale: "en-GB", timezoneId: "Europe/London" },
    async run(shop) {
      await shop.open("/demo/journal", "https://www.instagram.com/");
      await shop.pause(2_000);
      // A long read, slowly, to the end: the scroll map's deep end.
      for (let screen = 0; screen < 9; screen++) {
        await shop.scroll(420, 3);
        await shop.pause(1_200);
      }
      await shop.tap('section.long a[href="/demo/product"]');
      await shop.waitForBatch();
      await shop.scroll(500, 2);
      await shop.pause(2_500);
    },
  },
  {
    name: "tablet-abandoned-checkout",
    device: { viewport: { width: 820, height: 1180 }, deviceScaleFactor: 2, ...touch, userAgent: userAgents.iPad, locale: "nl-NL", timezoneId: "Europe/Amsterdam" },
    async run(shop) {
      await shop.open("/demo/product", "https://www.google.nl/");
      await shop.tap("[data-size-chart]");
      await shop.scroll(500, 2);
      await shop.tap("[data-add-to-cart]");
      await shop.pause(1_000);
      await shop.tap('nav a[href="/demo/checkout"]');
      await shop.waitForBatch();
      await shop.type("#name", mei.name);
      await shop.type("#email", mei.email);
      await shop.pause(3_000);
    },
  },
  {
    name: "desktop-rage-clicks",
    device: { viewport: { width: 1280, height: 800 }, userAgent: userAgents.macChrome, locale: "de-DE", timezoneId: "Europe/Berlin" },
    async run(shop) {
      await shop.open("/demo/");
      await shop.scroll(650, 3);
      await shop.wander(2);
      // The gift card's "Coming soon" button does nothing: clicked again and again.
      await shop.hammer(".card:nth-child(6) button", 6);
      await shop.pause(1_200);
      await shop.hammer(".card:nth-child(6) button", 4);
      await shop.scroll(-650, 2);
      await shop.type("#search", demoSearches[0]);
      await shop.press("Enter");
      await shop.pause(1_500);
      await shop.follow('nav a[href="/demo/journal"]');
      await shop.scroll(1_100, 5);
      await shop.pause(2_000);
    },
  },
  {
    name: "mobile-bounce",
    device: { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.6, ...touch, userAgent: userAgents.pixel, locale: "es-ES", timezoneId: "Europe/Madrid" },
    async run(shop) {
      await shop.open("/demo/", "https://www.google.es/");
      await shop.scroll(300, 2);
      await shop.pause(5_500);
    },
  },
  {
    name: "desktop-journal-to-checkout",
    device: { viewport: { width: 1920, height: 1080 }, userAgent: userAgents.linuxFirefox, locale: "en-GB", timezoneId: "Europe/London" },
    async run(shop) {
      await shop.open("/demo/journal", "https://www.reddit.com/");
      for (let screen = 0; screen < 4; screen++) {
        await shop.scroll(450, 3);
        await shop.wander(1);
        await shop.pause(900);
      }
      await shop.follow('section.long a[href="/demo/product"]');
      await shop.wander(2);
      await shop.click("[data-add-to-cart]");
      await shop.follow('nav a[href="/demo/checkout"]');
      await shop.type("#name", tom.name);
      await shop.type("#address", tom.address);
      await shop.type("#notes", tom.notes);
      await shop.pause(2_500);
    },
  },
  {
    name: "tablet-search",
    device: { viewport: { width: 1180, height: 820 }, deviceScaleFactor: 2, ...touch, userAgent: userAgents.galaxyTab, locale: "fr-FR", timezoneId: "Europe/Paris" },
    async run(shop) {
      await shop.open("/demo/", "https://www.bing.com/");
      await shop.type("#search", demoSearches[1]);
      await shop.press("Enter");
      await shop.pause(1_000);
      await shop.tap('nav a[href="/demo/product"]');
      await shop.waitForBatch();
      await shop.scroll(700, 3);
      await shop.pause(2_000);
    },
  },
];

/** What a scripted visitor does, as a person would: moving first, pausing, one key at a time. */
class Shop {
  #pageViews = 0;

  constructor(
    readonly page: Page,
    readonly origin: string,
    readonly touch: boolean,
    readonly firstBatches: () => Promise<number>,
  ) {}

  async open(pathname: string, referer?: string): Promise<void> {
    await this.page.goto(`${this.origin}${pathname}`, referer ? { referer } : {});
    await this.waitForBatch();
  }

  /** Until the recorder has sent this page view's first batch (its full snapshot): on its 5-second tick. */
  async waitForBatch(): Promise<void> {
    this.#pageViews++;
    const deadline = Date.now() + 20_000;
    while ((await this.firstBatches()) < this.#pageViews) {
      if (Date.now() > deadline) throw new Error(`page view ${this.#pageViews} sent no first batch`);
      await this.pause(200);
    }
  }

  /** Follows a link as a desktop visitor does: the pointer travels to it first. */
  async follow(selector: string): Promise<void> {
    await this.click(selector);
    await this.waitForBatch();
  }

  async click(selector: string): Promise<void> {
    if (this.touch) return this.tap(selector);
    const box = await this.page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${selector} is not on the page`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 14 });
    await this.pause(250);
    await this.page.locator(selector).first().click();
    await this.pause(400);
  }

  async tap(selector: string): Promise<void> {
    await this.page.locator(selector).first().tap();
    await this.pause(500);
  }

  async hammer(selector: string, times: number): Promise<void> {
    const box = await this.page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${selector} is not on the page`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 10 });
    for (let click = 0; click < times; click++) {
      await this.page.mouse.click(box.x + box.width / 2 + (click % 3) * 2, box.y + box.height / 2, { delay: 40 });
      await this.pause(90);
    }
  }

  async type(selector: string, text: string): Promise<void> {
    await this.click(selector);
    await this.page.keyboard.type(text, { delay: 60 + Math.round(Math.random() * 60) });
    await this.pause(500);
  }

  /** A select, chosen as a keyboard user does: focus it and type the option's label. */
  async choose(selector: string, label: string): Promise<void> {
    const box = await this.page.locator(selector).boundingBox();
    if (box && !this.touch) await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 10 });
    await this.page.focus(selector);
    await this.page.keyboard.type(label, { delay: 80 });
    await this.pause(400);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async scroll(pixels: number, steps: number): Promise<void> {
    for (let step = 0; step < steps; step++) {
      await this.page.mouse.wheel(0, pixels / steps);
      await this.pause(220);
    }
  }

  /** The pointer drifting over the page while its visitor reads. */
  async wander(moves: number): Promise<void> {
    if (this.touch) return this.pause(moves * 600);
    const viewport = this.page.viewportSize() ?? { width: 1280, height: 800 };
    for (let move = 0; move < moves; move++) {
      await this.page.mouse.move(Math.random() * viewport.width, 120 + Math.random() * (viewport.height - 160), { steps: 18 });
      await this.pause(350);
    }
  }

  pause(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/** Every batch the server received, as the recorder POSTed it: keepalive ones on pagehide included. */
const received: CollectPayload[] = [];

async function record(visit: Visit, origin: string, browser: Awaited<ReturnType<typeof launchChromium>>, db: Db): Promise<DemoRecording> {
  const context = await browser.newContext(visit.device);
  let sessionId: string | undefined;
  const ofThisVisit = () => received.filter((batch) => batch.sessionId === sessionId);
  const page = await context.newPage();
  const shop = new Shop(page, origin, visit.device.hasTouch === true, async () => {
    sessionId ??= (await context.cookies(origin)).find((cookie) => cookie.name === "mousestats_si")?.value;
    return new Set(ofThisVisit().filter((batch) => batch.seq === 0).map((batch) => batch.pageId)).size;
  });
  await visit.run(shop);
  // Leaving sends what is still queued (pagehide); then nothing more arrives.
  await page.goto(`${origin}/healthz`);
  let seen = -1;
  while (seen !== ofThisVisit().length) {
    seen = ofThisVisit().length;
    await shop.pause(2_000);
  }
  await context.close();
  // Every batch was stored: the recording holds nothing the server refused.
  const batches = new Set(ofThisVisit().map((batch) => `${batch.pageId}#${batch.seq}`));
  const pageIds = [...new Set(ofThisVisit().map((batch) => batch.pageId))];
  const stored = await db.collection("recordingChunks").countDocuments({ pageId: { $in: pageIds } });
  if (stored !== batches.size) throw new Error(`${visit.name}: ${batches.size} batches sent, ${stored} stored`);
  return recordingOf(visit, ofThisVisit(), origin);
}

/** The batches as saved: per page view, in order, ids and site key left out, times from the visit's start. */
function recordingOf(visit: Visit, posted: readonly CollectPayload[], origin: string): DemoRecording {
  const batches = new Map<string, CollectPayload>();
  for (const batch of posted) batches.set(`${batch.pageId}#${batch.seq}`, batches.get(`${batch.pageId}#${batch.seq}`) ?? batch);
  const byPage = new Map<string, CollectPayload[]>();
  for (const batch of batches.values()) byPage.set(batch.pageId, [...(byPage.get(batch.pageId) ?? []), batch]);
  const pageViews = [...byPage.values()].map((list) => list.sort((a, b) => a.seq - b.seq));
  for (const list of pageViews) {
    if (list[0]?.seq !== 0 || list.some((batch, index) => batch.seq !== index)) throw new Error(`${visit.name}: a page view is missing batches`);
  }
  pageViews.sort((a, b) => (a[0]?.page?.startedAt ?? 0) - (b[0]?.page?.startedAt ?? 0));
  const start = Math.min(...pageViews.map((list) => list[0]?.page?.startedAt ?? Infinity));
  const relative = pageViews.map((list) =>
    list.map(({ siteKey: _siteKey, sessionId: _sessionId, visitorId: _visitorId, pageId: _pageId, ...batch }): RecordedBatch => ({
      ...batch,
      sentAt: batch.sentAt - start,
      ...(batch.page ? { page: { ...batch.page, startedAt: batch.page.startedAt - start } } : {}),
      events: batch.events.map((event) => ({ ...event, timestamp: event.timestamp - start })),
    })),
  );
  const recording: DemoRecording = {
    v: 1,
    name: visit.name,
    userAgent: visit.device.userAgent ?? "",
    durationMs: Math.max(...relative.flat().map((batch) => batch.sentAt)),
    pageViews: relative,
  };
  return JSON.parse(JSON.stringify(recording).replaceAll(origin, recordedOrigin)) as DemoRecording;
}

/** Nothing typed into the checkout may be in a recording: the recorder masked it, or never sent it. */
function assertMasked(recording: DemoRecording): void {
  const text = JSON.stringify(recording);
  const typed = Object.values(demoCheckoutInput).flatMap((person) => Object.entries(person));
  for (const [field, value] of typed) {
    if (field !== "country" && value.length >= 5 && text.includes(value)) throw new Error(`${recording.name}: the typed ${field} is in the recording`);
  }
}

async function main(): Promise<void> {
  ensureRecorderBuilt();
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? "warn" });
  const server = await startServer(
    { port: 0, mongodbUri: process.env.MONGODB_URI, dataDir: "", sessionSecret: "record-demo-sessions-secret-0123456789", trustProxy: false, background: false },
    logger,
    { embeddedDataDir: undefined },
  );
  // What /collect received, taken where its pipeline starts: the bytes as the recorder sent them.
  const pipeline = server.collectPipeline;
  const run = pipeline.run.bind(pipeline);
  pipeline.run = (batch) => {
    const json = batch.encoding === "gzip" ? gunzipSync(batch.body) : batch.body;
    received.push(JSON.parse(json.toString("utf8")) as CollectPayload);
    return run(batch);
  };
  const browser = await launchChromium();
  try {
    const origin = new URL(server.url).origin;
    if (!(await seedDemo(server.database.db, { allowedOrigins: [origin], now: new Date() }))) {
      throw new Error("the database already has users: record into an empty one (unset MONGODB_URI, or point it at a new database)");
    }
    const recordings = await Promise.all(visits.map((visit) => record(visit, origin, browser, server.database.db)));
    await mkdir(demoRecordingsDir, { recursive: true });
    for (const stale of (await readdir(demoRecordingsDir)).filter((name) => name.endsWith(".json.gz"))) await rm(path.join(demoRecordingsDir, stale));
    let total = 0;
    for (const recording of recordings) {
      assertMasked(recording);
      const file = gzipSync(JSON.stringify(recording), { level: 9 });
      total += file.byteLength;
      await writeFile(path.join(demoRecordingsDir, `${recording.name}.json.gz`), file);
      const batches = recording.pageViews.flat();
      console.log(
        `${recording.name.padEnd(28)} ${recording.pageViews.length} page views, ${String(batches.length).padStart(2)} batches, ${String(batches.reduce((sum, batch) => sum + batch.events.length, 0)).padStart(5)} events, ${(recording.durationMs / 1000).toFixed(0)} s, ${(file.byteLength / 1024).toFixed(1)} KiB`,
      );
    }
    console.log(`${recordings.length} recordings, ${(total / 1024).toFixed(1)} KiB in ${path.relative(process.cwd(), demoRecordingsDir)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
