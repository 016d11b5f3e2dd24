import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { CollectPayload } from "@mousetrail/server/ingest/collectPayload.schema";

type RecordedEvent = CollectPayload["events"][number];

/** One simulated browser tab: its batches, sent in order. */
export interface Visit {
  /** Gzip bodies as the recorder sends them, each in a buffer of its own (so it can be transferred). */
  bodies: Uint8Array[];
  /** Events in each body. */
  events: number[];
}

/** Headers of the recorder's `fetch` (text/plain avoids a CORS preflight; the body is gzip, said in `?enc=gzip`). */
export function recorderHeaders(origin: string): Record<string, string> {
  return {
    "content-type": "text/plain;charset=UTF-8",
    accept: "*/*",
    origin,
    "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  };
}

interface RecordedPage {
  path: string;
  events: RecordedEvent[];
}

/** The real rrweb recordings checked in with the policies (a checkout form, a support page). */
export function recordedPages(): RecordedPage[] {
  const load = (name: string): RecordedEvent[] =>
    JSON.parse(readFileSync(new URL(`../../policies/src/fixtures/${name}.events.json`, import.meta.url), "utf8")) as RecordedEvent[];
  return [
    { path: "/checkout", events: load("checkout") },
    { path: "/support", events: load("support") },
  ];
}

/** The recorder flushes every 5 s; batches after the first are spaced like that. */
const flushIntervalMs = 5_000;
const randomId = () => randomBytes(16).toString("base64url");

/**
 * Visits of `batchesPerPage` batches per recorded page, every visit its own session and every
 * page its own page view, so no (session, page, seq) repeats. A page's first batch is its
 * recording as captured (Meta, full snapshot, interactions); the later ones replay its
 * interactions (mouse, scroll, input on the same nodes) 5 s apart, as a tab that stays open.
 */
export function buildVisits(options: { siteKey: string; origin: string; count: number; batchesPerPage?: number; pages?: RecordedPage[] }): Visit[] {
  const pages = options.pages ?? recordedPages();
  const batchesPerPage = options.batchesPerPage ?? 3;
  const visits: Visit[] = [];
  for (let visitIndex = 0; visitIndex < options.count; visitIndex++) {
    const sessionId = randomId();
    const visitorId = randomId();
    const visit: Visit = { bodies: [], events: [] };
    let clock = Date.now() - 60_000;
    for (const page of pages) {
      const pageId = randomId();
      const recordedStart = page.events[0]?.timestamp ?? 0;
      const startedAt = clock;
      const interactions = page.events.filter((event) => event.type === 3);
      for (let seq = 0; seq < batchesPerPage; seq++) {
        const shift = startedAt + seq * flushIntervalMs - recordedStart;
        const events = (seq === 0 ? page.events : interactions).map((event) => ({ ...event, timestamp: event.timestamp + shift }));
        const payload: CollectPayload = {
          v: 1,
          siteKey: options.siteKey,
          sessionId,
          visitorId,
          pageId,
          seq,
          sentAt: startedAt + (seq + 1) * flushIntervalMs,
          consent: "granted",
          ...(seq === 0 ? { page: { url: `${options.origin}${page.path}`, referrer: "https://search.example/", startedAt, loadTimeMs: 640 } } : {}),
          view: { width: 1280, height: 720, scrollX: 0, scrollY: seq * 240, documentHeight: 2_880 },
          technical: { language: "en-GB", timeZone: "Europe/Berlin", screenWidth: 1920, screenHeight: 1080, viewportWidth: 1280, viewportHeight: 720 },
          events,
        };
        visit.bodies.push(new Uint8Array(gzipSync(JSON.stringify(payload))));
        visit.events.push(events.length);
      }
      clock += batchesPerPage * flushIntervalMs;
    }
    visits.push(visit);
  }
  return visits;
}
