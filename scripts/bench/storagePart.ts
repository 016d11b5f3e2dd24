import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { BSON } from "mongodb";
import { chromium, type Request } from "playwright-core";
import { analyticsCollections } from "@mousetrail/server/db/analyticsCollections";
import { recordedOrigin } from "@mousetrail/server/domain/demo/demoRecordings";
import type { CollectPayload } from "@mousetrail/server/ingest/collectPayload.schema";
import { siteScopedKey, visitorKeySecretOf } from "@mousetrail/server/domain/sites/siteScopedKey";
import type { BenchEnvironment } from "./benchEnvironment.js";
import type { BenchPart } from "./benchPart.js";
import { browseDemoShop } from "./demoVisit.js";
import { figure, formatNumber, renderTable } from "./figures.js";
import { recordedVisits, recorderHeaders, type RecordedVisit } from "./recorderBatches.js";
import { buildRecorderOnce } from "./recorderPart.js";

/** The target's unit: kB of 1000 bytes. */
const kilobyte = 1_000;

interface WeighedSession {
  name: string;
  /** From the session's first event to its last. */
  recordedSeconds: number;
  pageViews: number;
  chunks: number;
  events: number;
  /** BSON size of the session's chunks, its session document and its page views. */
  storedBytes: number;
  /** Of which the chunks' gzip of their events, and that JSON before gzip. */
  eventsGzipBytes: number;
  eventsJsonBytes: number;
}

/**
 * Stored bytes per recorded minute of realistic demo shop sessions: the visits recorded in
 * Chromium with the real recorder (server/demo-site/recordings) are sent to the bench's server
 * as the recorder sent them, each its own session on the seeded demo site; without recordings,
 * Chromium browses the demo shop here with the recorder built in this run. Each session's
 * documents are then weighed as BSON (its chunks, its session, its page views; the daily
 * rollups shared by all sessions are not counted), over its recorded time, from its first event
 * to its last.
 */
export const storagePart: BenchPart = {
  name: "storage",
  title: "Stored size per recorded minute of demo shop sessions",
  async run(context) {
    const environment = await context.environment();
    const recorded = await recordedVisits();
    const demoRecordings = recorded.visits.filter((visit) => visit.name !== "policy fixtures");
    let source: string;
    let sessions: WeighedSession[];
    if (demoRecordings.length > 0) {
      context.log(`sending ${recorded.source} to the demo site`);
      source = `${recorded.source}, sent to the demo site as the recorder sent them`;
      sessions = [];
      for (const visit of demoRecordings) sessions.push(await replayRecordedVisit(environment, visit));
    } else {
      context.log("no demo recordings: recording a visit of the demo shop in Chromium (about 110 s)");
      source = "a visit of the demo shop browsed in Chromium here, with the recorder built in this run";
      sessions = [await browseInChromium(environment)];
    }

    const storedBytes = sessions.reduce((sum, session) => sum + session.storedBytes, 0);
    const recordedMinutes = sessions.reduce((sum, session) => sum + session.recordedSeconds, 0) / 60;
    const figures = [
      figure("stored size per recorded minute (demo sessions)", storedBytes / kilobyte / recordedMinutes, "kB/min", {
        target: { op: "<=", limit: 100, text: "<= 100 kB/min" },
      }),
    ];
    const report = [
      `Sessions: ${source}.`,
      "Stored: BSON of each session's chunks, session and page views (shared daily rollups not counted); recorded time from its first event to its last.",
      "",
      renderTable(
        ["session", "recorded s", "page views", "chunks", "events", "stored bytes", "events gzip / JSON bytes", "kB/min"],
        sessions.map((session) => [
          session.name,
          formatNumber(session.recordedSeconds),
          String(session.pageViews),
          String(session.chunks),
          String(session.events),
          formatNumber(session.storedBytes),
          `${formatNumber(session.eventsGzipBytes)} / ${formatNumber(session.eventsJsonBytes)}`,
          formatNumber(session.storedBytes / kilobyte / (session.recordedSeconds / 60)),
        ]),
      ),
      "",
      `All: ${formatNumber(storedBytes)} bytes over ${formatNumber(recordedMinutes * 60)} s recorded.`,
    ].join("\n");
    return { figures, report, details: { source, sessions, storedBytes, recordedSeconds: recordedMinutes * 60 } };
  },
};

/** One recorded visit, sent to the demo site over HTTP batch by batch with fresh ids and its times moved to now. */
async function replayRecordedVisit(environment: BenchEnvironment, visit: RecordedVisit): Promise<WeighedSession> {
  const { server, demo } = environment;
  const origin = server.url;
  const ids = { siteKey: demo.siteKey, sessionId: randomBytes(16).toString("base64url"), visitorId: randomBytes(16).toString("base64url") };
  const lastSent = Math.max(...visit.pageViews.flat().map((batch) => batch.sentAt));
  const startAt = Date.now() - lastSent;
  for (const batches of visit.pageViews) {
    const pageId = randomBytes(16).toString("base64url");
    for (const batch of batches) {
      const payload: CollectPayload = {
        ...ids,
        pageId,
        ...batch,
        sentAt: batch.sentAt + startAt,
        ...(batch.page ? { page: { ...batch.page, startedAt: batch.page.startedAt + startAt } } : {}),
        events: batch.events.map((event) => ({ ...event, timestamp: event.timestamp + startAt })),
      };
      const response = await fetch(`${origin}/collect?enc=gzip`, {
        method: "POST",
        headers: recorderHeaders(origin, visit.userAgent),
        body: gzipSync(JSON.stringify(payload).replaceAll(recordedOrigin, origin)),
      });
      if (response.status !== 204) throw new Error(`${visit.name}: batch ${batch.seq} answered ${response.status} ${await response.text()}`);
    }
  }
  const sessionKey = siteScopedKey(visitorKeySecretOf(server.services.sessionSecret), demo.siteId, ids.sessionId);
  return weighSession(environment, visit.name, sessionKey);
}

/** A visit browsed in Chromium now (demoVisit.ts), the demo shop's recorder sending it. */
async function browseInChromium(environment: BenchEnvironment): Promise<WeighedSession> {
  await buildRecorderOnce();
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const answers: number[] = [];
  try {
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const inFlight = new Set<Request>();
    browserContext.on("request", (request) => {
      if (new URL(request.url()).pathname === "/collect" && request.method() === "POST") inFlight.add(request);
    });
    browserContext.on("requestfinished", async (request) => {
      if (inFlight.delete(request)) answers.push((await request.response())?.status() ?? 0);
    });
    browserContext.on("requestfailed", (request) => {
      if (inFlight.delete(request)) answers.push(0);
    });
    const page = await browserContext.newPage();
    await browseDemoShop(page, environment.server.url);
    // Leaving the page is what sends its last events (pagehide).
    await page.close({ runBeforeUnload: true });
    const deadline = Date.now() + 15_000;
    while (inFlight.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await browserContext.close();
  } finally {
    await browser.close();
  }
  if (answers.length === 0 || answers.some((status) => status !== 204)) throw new Error(`the demo visit's batches were not all stored: answers ${JSON.stringify(answers)}`);
  const { demo, server } = environment;
  const sessions = await analyticsCollections(server.database.db).sessions.find({ tenantId: demo.tenantId, siteId: demo.siteId }).toArray();
  if (sessions.length !== 1 || !sessions[0]) throw new Error(`expected one demo session, found ${sessions.length}`);
  return weighSession(environment, "Chromium visit (scripts/bench/demoVisit.ts)", sessions[0].sessionKey);
}

async function weighSession(environment: BenchEnvironment, name: string, sessionKey: string): Promise<WeighedSession> {
  const { demo, server } = environment;
  const stored = analyticsCollections(server.database.db);
  const filter = { tenantId: demo.tenantId, siteId: demo.siteId, sessionKey };
  const session = await stored.sessions.findOne(filter);
  if (!session) throw new Error(`${name}: no session was stored`);
  const chunks = await stored.recordingChunks.find(filter).toArray();
  const pageViews = await stored.pageViews.find(filter).toArray();
  const bsonBytes = (documents: readonly object[]) => documents.reduce((sum, document) => sum + BSON.calculateObjectSize(document), 0);
  return {
    name,
    recordedSeconds: (session.lastSeenAt.getTime() - session.firstSeenAt.getTime()) / 1000,
    pageViews: pageViews.length,
    chunks: chunks.length,
    events: chunks.reduce((sum, chunk) => sum + chunk.eventCount, 0),
    storedBytes: bsonBytes(chunks) + bsonBytes([session]) + bsonBytes(pageViews),
    eventsGzipBytes: chunks.reduce((sum, chunk) => sum + chunk.storedBytes, 0),
    eventsJsonBytes: chunks.reduce((sum, chunk) => sum + chunk.rawBytes, 0),
  };
}
