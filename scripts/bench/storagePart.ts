import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { BSON } from "mongodb";
import { analyticsCollections } from "@mousetrail/server/db/analyticsCollections";
import { decodeChunkEvents } from "@mousetrail/server/repositories/recordingChunkRepository";
import { recordedOrigin } from "@mousetrail/server/domain/demo/demoRecordings";
import type { CollectPayload } from "@mousetrail/server/ingest/collectPayload.schema";
import type { BenchEnvironment } from "./benchEnvironment.js";
import type { BenchPart } from "./benchPart.js";
import { recordVisitInChromium } from "./chromiumVisit.js";
import { browseDemoShop } from "./demoVisit.js";
import { waitForDerivation } from "./derivation.js";
import { figure, formatNumber, renderTable } from "./figures.js";
import { recordedVisits, recorderHeaders, type RecordedVisit } from "./recorderBatches.js";
import { generateRealisticPage } from "./realisticPage.js";
import { browseRealisticPage } from "./realisticVisit.js";
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
  /** Of which the chunks' compressed events, and that JSON before compression. */
  eventsGzipBytes: number;
  eventsJsonBytes: number;
  /** The events' JSON bytes by rrweb event kind (full snapshot, mutation, mouse move...), to show what dominates. */
  eventsJsonBytesByKind: Record<string, number>;
}

/**
 * Stored bytes per recorded minute of realistic demo shop sessions: the visits recorded in
 * Chromium with the real recorder (server/demo-site/recordings) are sent to the bench's server
 * as the recorder sent them, each its own session on the seeded demo site; without recordings,
 * Chromium browses the demo shop here with the recorder built in this run. Each session's
 * documents are then weighed as BSON (its chunks, its session, its page views; the daily
 * rollups shared by all sessions are not counted), over its recorded time, from its first event
 * to its last. The same again for a visit recorded in Chromium on a generated page the size of a
 * real product page (realisticPage.ts: over 500 kB of HTML with images, tables and forms).
 */
export const storagePart: BenchPart = {
  name: "storage",
  title: "Stored size per recorded minute of demo shop sessions and of a visit on a realistic page",
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

    context.log("recording a visit of the realistic page in Chromium (about 90 s)");
    const realistic = await visitRealisticPage(environment);

    const storedBytes = sessions.reduce((sum, session) => sum + session.storedBytes, 0);
    const recordedMinutes = sessions.reduce((sum, session) => sum + session.recordedSeconds, 0) / 60;
    const figures = [
      figure("stored size per recorded minute (demo sessions)", storedBytes / kilobyte / recordedMinutes, "kB/min", {
        target: { op: "<=", limit: 100, text: "<= 100 kB/min" },
      }),
      figure("stored size per recorded minute (realistic page)", realistic.session.storedBytes / kilobyte / (realistic.session.recordedSeconds / 60), "kB/min", {
        target: { op: "<=", limit: 100, text: "<= 100 kB/min" },
      }),
    ];
    const row = (session: WeighedSession) => [
      session.name,
      formatNumber(session.recordedSeconds),
      String(session.pageViews),
      String(session.chunks),
      String(session.events),
      formatNumber(session.storedBytes),
      `${formatNumber(session.eventsGzipBytes)} / ${formatNumber(session.eventsJsonBytes)}`,
      formatNumber(session.storedBytes / kilobyte / (session.recordedSeconds / 60)),
    ];
    const report = [
      `Sessions: ${source}.`,
      "Stored: BSON of each session's chunks, session and page views (shared daily rollups not counted); recorded time from its first event to its last.",
      "",
      renderTable(
        ["session", "recorded s", "page views", "chunks", "events", "stored bytes", "events compressed / JSON bytes", "kB/min"],
        sessions.map(row),
      ),
      "",
      `All: ${formatNumber(storedBytes)} bytes over ${formatNumber(recordedMinutes * 60)} s recorded.`,
      "",
      `Realistic page: ${formatNumber(realistic.htmlBytes)} bytes of HTML (${realistic.images} images by URL, 16 inline), tables and forms, ` +
        `a visit of it recorded in Chromium with the recorder built in this run:`,
      renderTable(["session", "recorded s", "page views", "chunks", "events", "stored bytes", "events compressed / JSON bytes", "kB/min"], [row(realistic.session)]),
      `Its events' JSON by kind: ${Object.entries(realistic.session.eventsJsonBytesByKind)
        .map(([kind, bytes]) => `${kind} ${formatNumber(bytes / kilobyte)} kB`)
        .join(", ")}.`,
    ].join("\n");
    return { figures, report, details: { source, sessions, storedBytes, recordedSeconds: recordedMinutes * 60, realisticPage: realistic } };
  },
};

/** One recorded visit, sent to the demo site over HTTP batch by batch with fresh ids and its times moved to now. */
async function replayRecordedVisit(environment: BenchEnvironment, visit: RecordedVisit): Promise<WeighedSession> {
  const { server, demo } = environment;
  const origin = server.url;
  const ids = { siteKey: demo.siteKey, sessionId: randomBytes(16).toString("base64url"), visitorId: randomBytes(16).toString("base64url") };
  let firstPageId: string | undefined;
  const lastSent = Math.max(...visit.pageViews.flat().map((batch) => batch.sentAt));
  const startAt = Date.now() - lastSent;
  for (const batches of visit.pageViews) {
    const pageId = randomBytes(16).toString("base64url");
    firstPageId ??= pageId;
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
  // The server keys the session with a secret of its own; its first chunk, found by page id, says the key.
  const chunk = await analyticsCollections(environment.db).recordingChunks.findOne({ siteId: demo.siteId, pageId: firstPageId });
  if (!chunk) throw new Error(`${visit.name}: its first page view's chunk was not stored`);
  return weighSession(environment, visit.name, demo.siteId, chunk.sessionKey);
}

/** A visit browsed in Chromium now (demoVisit.ts), the demo shop's recorder sending it. */
async function browseInChromium(environment: BenchEnvironment): Promise<WeighedSession> {
  await buildRecorderOnce();
  const answers = await recordVisitInChromium({ browse: (page) => browseDemoShop(page, environment.server.url) });
  return weighOnlySession(environment, "Chromium visit (scripts/bench/demoVisit.ts)", environment.demo.siteId, answers);
}

/**
 * A visit of the generated realistic page, served by the bench's page server (the only origin
 * the page's site allows), with the server's /recorder.js on the page.
 */
async function visitRealisticPage(environment: BenchEnvironment): Promise<{ htmlBytes: number; images: number; session: WeighedSession }> {
  await buildRecorderOnce();
  const { server, pageSite, pageServer } = environment;
  const page = generateRealisticPage(`${server.url}/recorder.js`, pageSite.siteKey);
  pageServer.publish(
    new Map<string, { type: string; body: string | Buffer }>([
      ["/", { type: "text/html; charset=utf-8", body: page.html }],
      ...[...page.images].map(([path, body]): [string, { type: string; body: Buffer }] => [path, { type: "image/bmp", body }]),
    ]),
  );
  const answers = await recordVisitInChromium({
    browse: (tab) => browseRealisticPage(tab, `${pageServer.origin}/`),
  });
  const session = await weighOnlySession(environment, "Chromium visit of the realistic page (scripts/bench/realisticVisit.ts)", pageSite._id, answers);
  return { htmlBytes: Buffer.byteLength(page.html), images: page.images.size, session };
}

/** The one session a Chromium visit made on a site, once every batch it sent was stored. */
async function weighOnlySession(environment: BenchEnvironment, name: string, siteId: string, answers: readonly number[]): Promise<WeighedSession> {
  if (answers.length === 0 || answers.some((status) => status !== 204)) throw new Error(`${name}: the batches were not all stored: answers ${JSON.stringify(answers)}`);
  await waitForDerivation(environment.db, siteId, { timeoutMs: 60_000 });
  const sessions = await analyticsCollections(environment.db).sessions.find({ siteId }).toArray();
  if (sessions.length !== 1 || !sessions[0]) throw new Error(`${name}: expected one session, found ${sessions.length}`);
  return weighSession(environment, name, siteId, sessions[0].sessionKey);
}

/** A session's stored documents, weighed once it is derived (the server derives after it answers). */
async function weighSession(environment: BenchEnvironment, name: string, siteId: string, sessionKey: string): Promise<WeighedSession> {
  await waitForDerivation(environment.db, siteId, { timeoutMs: 60_000 });
  const stored = analyticsCollections(environment.db);
  const filter = { siteId, sessionKey };
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
    eventsJsonBytesByKind: await bytesByKind(chunks),
  };
}

/** rrweb's IncrementalSource names, by number. */
const incrementalSources = ["mutation", "mouse move", "mouse interaction", "scroll", "viewport resize", "input", "touch move", "media", "style sheet rule", "canvas", "font", "log", "drag", "style declaration", "selection", "adopted style sheet", "custom element"];

async function bytesByKind(chunks: readonly Parameters<typeof decodeChunkEvents>[0][]): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const chunk of chunks) {
    const events = (await decodeChunkEvents(chunk)) as { type: number; data?: { source?: number } }[];
    for (const event of events) {
      const kind =
        event.type === 2 ? "full snapshot" : event.type === 3 ? (incrementalSources[event.data?.source ?? -1] ?? `incremental ${event.data?.source}`) : event.type === 4 ? "meta" : `type ${event.type}`;
      sizes[kind] = (sizes[kind] ?? 0) + Buffer.byteLength(JSON.stringify(event));
    }
  }
  return Object.fromEntries(Object.entries(sizes).sort(([, a], [, b]) => b - a));
}
