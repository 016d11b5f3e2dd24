import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { demoRecordingsDir, loadDemoRecordings, recordedOrigin, type RecordedBatch } from "@mousetrail/server/domain/demo/demoRecordings";
import type { CollectPayload } from "@mousetrail/server/ingest/collectPayload.schema";

/**
 * A visit as recorded: its batches per page view in the order the recorder sent them, without
 * ids, times in ms from the visit's start, and URLs on `recordedOrigin` (the format of the demo
 * recordings, server/src/domain/demo/demoRecordings.ts).
 */
export interface RecordedVisit {
  name: string;
  userAgent: string;
  pageViews: RecordedBatch[][];
}

export interface RecordedVisits {
  /** Where the batches come from, for the report. */
  source: string;
  visits: RecordedVisit[];
}

/** One simulated browser tab: its batches, sent in order. */
export interface Visit {
  /** Gzip bodies as the recorder sends them, each in a buffer of its own (so it can be transferred). */
  bodies: Uint8Array[];
  /** Events in each body. */
  events: number[];
  userAgent: string;
}

/** Headers of the recorder's `fetch` (text/plain avoids a CORS preflight; the body is gzip, said in `?enc=gzip`). */
export function recorderHeaders(origin: string, userAgent = desktopChrome): Record<string, string> {
  return { "content-type": "text/plain;charset=UTF-8", accept: "*/*", origin, "user-agent": userAgent };
}

const desktopChrome = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

/**
 * The visits the load is made of: the demo shop visits recorded in Chromium with the real
 * recorder (server/demo-site/recordings) when there are any, else the rrweb recordings checked in
 * with the policies, cut into batches the way the recorder would.
 */
export async function recordedVisits(): Promise<RecordedVisits> {
  if (existsSync(demoRecordingsDir)) {
    const recordings = await loadDemoRecordings();
    if (recordings.length > 0) return { source: `${recordings.length} demo shop visits (server/demo-site/recordings)`, visits: recordings };
  }
  return { source: "rrweb recordings of policies/src/fixtures", visits: [fixtureVisit()] };
}

/** The recorder flushes every 5 s. */
const flushIntervalMs = 5_000;

/**
 * The checkout and support page recordings as one visit: each page's first batch is its
 * recording as captured (Meta, full snapshot, interactions), two more replay its interactions
 * (on the same nodes) 5 s apart, as a tab that stays open.
 */
function fixtureVisit(): RecordedVisit {
  type Event = CollectPayload["events"][number];
  const load = (name: string): Event[] =>
    JSON.parse(readFileSync(new URL(`../../policies/src/fixtures/${name}.events.json`, import.meta.url), "utf8")) as Event[];
  const pages = [
    { path: "/checkout", events: load("checkout") },
    { path: "/support", events: load("support") },
  ];
  let clock = 0;
  const pageViews = pages.map(({ path, events }) => {
    const recordedStart = events[0]?.timestamp ?? 0;
    const startedAt = clock;
    clock += 3 * flushIntervalMs;
    return [0, 1, 2].map((seq): RecordedBatch => {
      const shift = startedAt + seq * flushIntervalMs - recordedStart;
      const batchEvents = seq === 0 ? events : events.filter((event) => event.type === 3);
      return {
        v: 1,
        seq,
        sentAt: startedAt + (seq + 1) * flushIntervalMs,
        consent: "granted",
        ...(seq === 0 ? { page: { url: `${recordedOrigin}${path}`, referrer: "https://search.example/", startedAt, loadTimeMs: 640 } } : {}),
        view: { width: 1280, height: 720, scrollX: 0, scrollY: seq * 240, documentHeight: 2_880 },
        technical: { language: "en-GB", timeZone: "Europe/Berlin", screenWidth: 1920, screenHeight: 1080, viewportWidth: 1280, viewportHeight: 720 },
        events: batchEvents.map((event) => ({ ...event, timestamp: event.timestamp + shift })),
      };
    });
  });
  return { name: "policy fixtures", userAgent: desktopChrome, pageViews };
}

const randomId = () => randomBytes(16).toString("base64url");

/**
 * `count` replays of the recorded visits, in turn: every replay its own session and visitor and
 * every page view its own page id, so no (session, page, seq) repeats; times moved to the last
 * few minutes and the recorded origin replaced by `origin`, as the recorder would have sent them.
 */
export function buildVisits(recorded: readonly RecordedVisit[], options: { siteKey: string; origin: string; count: number }): Visit[] {
  const visits: Visit[] = [];
  for (let index = 0; index < options.count; index++) {
    const recording = recorded[index % recorded.length] as RecordedVisit;
    const ids = { siteKey: options.siteKey, sessionId: randomId(), visitorId: randomId() };
    const startAt = Date.now() - 5 * 60_000;
    const visit: Visit = { bodies: [], events: [], userAgent: recording.userAgent };
    for (const batches of recording.pageViews) {
      const pageId = randomId();
      for (const batch of batches) {
        const payload: CollectPayload = { ...ids, pageId, ...shifted(batch, startAt) };
        visit.bodies.push(new Uint8Array(gzipSync(JSON.stringify(payload).replaceAll(recordedOrigin, options.origin))));
        visit.events.push(batch.events.length);
      }
    }
    visits.push(visit);
  }
  return visits;
}

function shifted(batch: RecordedBatch, startAt: number): RecordedBatch {
  return {
    ...batch,
    sentAt: batch.sentAt + startAt,
    ...(batch.page ? { page: { ...batch.page, startedAt: batch.page.startedAt + startAt } } : {}),
    events: batch.events.map((event) => ({ ...event, timestamp: event.timestamp + startAt })),
  };
}
