import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { Binary, type Db } from "mongodb";
import { analyticsCollections, type DeviceClass, type PageViewDoc, type SessionDoc } from "../db/analyticsCollections.js";
import { urlKeyOf } from "../domain/sites/urlKey.js";

/**
 * Stored sessions, page views and recording chunks with exactly the values a test names, as
 * ingestion would have derived them. The one place tests of the read side create sessions: when
 * sessions are derived asynchronously this is where the test waits for them.
 */
export interface RecordedSessionSpec {
  siteId: string;
  visitorKey?: string;
  firstSeenAt: Date;
  durationMs: number;
  urls: readonly string[];
  deviceClass?: DeviceClass;
  browser?: string;
  rageClicks?: number;
  violationCount?: number;
  /** Recording chunks of the first page, each holding these events. */
  chunks?: readonly unknown[][];
  /** Per chunk, the events the recorder reported dropping before it (`droppedEvents`). */
  droppedBefore?: readonly number[];
}

export function randomKey(): string {
  return randomBytes(20).toString("base64url").slice(0, 27);
}

export async function recordSessions(db: Db, tenantId: string, specs: RecordedSessionSpec[]): Promise<string[]> {
  const data = analyticsCollections(db);
  const keys: string[] = [];
  for (const spec of specs) {
    const sessionKey = randomKey();
    const visitorKey = spec.visitorKey ?? randomKey();
    const lastSeenAt = new Date(spec.firstSeenAt.getTime() + spec.durationMs);
    const session: SessionDoc = {
      tenantId,
      siteId: spec.siteId,
      sessionKey,
      visitorKey,
      firstSeenAt: spec.firstSeenAt,
      lastSeenAt,
      pageCount: spec.urls.length,
      eventCount: 0,
      entryUrl: spec.urls[0] ?? null,
      referrer: null,
      technical: { browser: spec.browser ?? "Chrome", deviceClass: spec.deviceClass ?? "desktop" },
      ipTruncated: "198.51.100.0",
      policy: { id: "mousestats", version: 1 },
      violationCount: spec.violationCount ?? 0,
      rageClicks: spec.rageClicks ?? 0,
      deadClicks: 0,
    };
    await data.sessions.insertOne(session);
    const pages: PageViewDoc[] = spec.urls.map((url, index) => ({
      tenantId,
      siteId: spec.siteId,
      sessionKey,
      pageId: `page-${index}`,
      url,
      urlKey: urlKeyOf(url),
      referrer: null,
      startedAt: new Date(spec.firstSeenAt.getTime() + index),
      lastEventAt: lastSeenAt,
      loadTimeMs: 300,
      breakpoint: spec.deviceClass ?? "desktop",
      maxScrollDepth: 50,
    }));
    if (pages.length) await data.pageViews.insertMany(pages);
    const chunks = spec.chunks ?? [];
    for (let seq = 0; seq < chunks.length; seq++) {
      const json = Buffer.from(JSON.stringify(chunks[seq]));
      const events = gzipSync(json);
      await data.recordingChunks.insertOne({
        tenantId,
        siteId: spec.siteId,
        sessionKey,
        pageId: "page-0",
        seq,
        receivedAt: spec.firstSeenAt,
        firstEventAt: spec.firstSeenAt,
        lastEventAt: lastSeenAt,
        eventCount: chunks[seq]?.length ?? 0,
        events: new Binary(events),
        rawBytes: json.length,
        storedBytes: events.length,
        policy: { id: "mousestats", version: 1 },
        context: {
          visitorKey,
          technical: session.technical,
          ipTruncated: "198.51.100.0",
          breakpoint: "desktop",
          urlKey: pages[0]?.urlKey ?? "",
          day: spec.firstSeenAt.toISOString().slice(0, 10),
          page: null,
          view: null,
          violationCount: 0,
          ...(spec.droppedBefore?.[seq] ? { droppedEvents: spec.droppedBefore[seq] } : {}),
        },
        rollup: { state: "applied", claimedUntil: new Date(0) },
      });
    }
    keys.push(sessionKey);
  }
  return keys;
}
