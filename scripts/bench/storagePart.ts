import { BSON } from "mongodb";
import { chromium, type Request } from "playwright-core";
import { analyticsCollections } from "@mousetrail/server/db/analyticsCollections";
import type { BenchPart } from "./benchPart.js";
import { browseDemoShop } from "./demoVisit.js";
import { figure, formatNumber } from "./figures.js";
import { buildRecorderOnce } from "./recorderPart.js";

/** The target's unit: kB of 1000 bytes. */
const kilobyte = 1_000;

/**
 * Stored bytes per recorded minute of a realistic demo session: Chromium browses the demo shop
 * served by the bench's server (the demo seeded, the recorder built in this run and served at
 * /recorder.js), and the documents the session left are weighed as BSON: its chunks, its
 * session and its page views. Shared daily rollups are not counted (they do not grow with
 * recorded time).
 */
export const storagePart: BenchPart = {
  name: "storage",
  title: "Stored size per recorded minute of a demo shop session (Chromium, the built recorder)",
  async run(context) {
    const environment = await context.environment();
    await buildRecorderOnce();
    const { server, demo } = environment;
    const baseUrl = server.url;
    context.log("recording a demo shop visit in Chromium (about 90 s)");
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    const answers: number[] = [];
    const visitStarted = Date.now();
    try {
      const browserContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const inFlight = new Set<Request>();
      browserContext.on("request", (request) => {
        if (new URL(request.url()).pathname === "/collect" && request.method() === "POST") inFlight.add(request);
      });
      browserContext.on("requestfinished", async (request) => {
        if (!inFlight.delete(request)) return;
        answers.push((await request.response())?.status() ?? 0);
      });
      browserContext.on("requestfailed", (request) => {
        if (inFlight.delete(request)) answers.push(0);
      });
      const page = await browserContext.newPage();
      await browseDemoShop(page, baseUrl);
      // Leaving the page is what sends its last events (pagehide).
      await page.close({ runBeforeUnload: true });
      const deadline = Date.now() + 15_000;
      while (inFlight.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      await browserContext.close();
    } finally {
      await browser.close();
    }
    const visitSeconds = (Date.now() - visitStarted) / 1000;
    if (answers.length === 0 || answers.some((status) => status !== 204)) {
      throw new Error(`the demo visit's batches were not all stored: answers ${JSON.stringify(answers)}`);
    }

    const stored = analyticsCollections(server.database.db);
    const sessions = await stored.sessions.find({ tenantId: demo.tenantId, siteId: demo.siteId }).toArray();
    const session = sessions[0];
    if (sessions.length !== 1 || !session) throw new Error(`expected one demo session, found ${sessions.length}`);
    const scope = { tenantId: demo.tenantId, siteId: demo.siteId, sessionKey: session.sessionKey };
    const chunks = await stored.recordingChunks.find(scope).toArray();
    const pageViews = await stored.pageViews.find(scope).toArray();
    const bsonBytes = (documents: readonly object[]) => documents.reduce((sum, document) => sum + BSON.calculateObjectSize(document), 0);
    const bytes = {
      chunks: bsonBytes(chunks),
      chunkEventsGzip: chunks.reduce((sum, chunk) => sum + chunk.storedBytes, 0),
      chunkEventsJson: chunks.reduce((sum, chunk) => sum + chunk.rawBytes, 0),
      session: bsonBytes([session]),
      pageViews: bsonBytes(pageViews),
    };
    const totalBytes = bytes.chunks + bytes.session + bytes.pageViews;
    const recordedMinutes = (session.lastSeenAt.getTime() - session.firstSeenAt.getTime()) / 60_000;
    const events = chunks.reduce((sum, chunk) => sum + chunk.eventCount, 0);

    const figures = [
      figure("stored size per recorded minute (demo session)", totalBytes / kilobyte / recordedMinutes, "kB/min", {
        target: { op: "<=", limit: 100, text: "<= 100 kB/min" },
      }),
    ];
    const report = [
      `Visit: ${formatNumber(visitSeconds)} s in Chromium (${pageViews.length} page views, ${answers.length} batches, all 204); ` +
        `recorded ${formatNumber(recordedMinutes * 60)} s from the first event to the last, ${events} events.`,
      `Stored (BSON documents): ${chunks.length} chunks ${formatNumber(bytes.chunks)} bytes ` +
        `(events gzip ${formatNumber(bytes.chunkEventsGzip)} bytes of ${formatNumber(bytes.chunkEventsJson)} bytes JSON), ` +
        `session ${formatNumber(bytes.session)} bytes, page views ${formatNumber(bytes.pageViews)} bytes; total ${formatNumber(totalBytes)} bytes.`,
    ].join("\n");
    return {
      figures,
      report,
      details: { visitSeconds, recordedSeconds: recordedMinutes * 60, pageViews: pageViews.length, batches: answers.length, chunks: chunks.length, events, bytes, totalBytes },
    };
  },
};
