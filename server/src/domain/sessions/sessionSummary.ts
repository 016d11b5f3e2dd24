import type { Breakpoint, DeviceClass, PageViewDoc, PolicyStamp, SessionDoc, StoredTechnicalInfo } from "../../db/analyticsCollections.js";

/** One session as lists and exports show it: plain JSON values, dates as ISO strings. */
export interface SessionSummary {
  /** Keyed to the site (MS-2.3): not the visitor's cookie value. */
  sessionId: string;
  siteId: string;
  firstSeenAt: string;
  lastSeenAt: string;
  durationMs: number;
  pageCount: number;
  eventCount: number;
  entryUrl: string | null;
  technical: StoredTechnicalInfo & { deviceClass?: DeviceClass };
  violationCount: number;
  droppedEvents: number;
  rageClicks: number;
  deadClicks: number;
  policy: PolicyStamp;
}

export function sessionSummaryOf(session: SessionDoc): SessionSummary {
  return {
    sessionId: session.sessionKey,
    siteId: session.siteId,
    firstSeenAt: session.firstSeenAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    durationMs: session.lastSeenAt.getTime() - session.firstSeenAt.getTime(),
    pageCount: session.pageCount,
    eventCount: session.eventCount,
    entryUrl: session.entryUrl,
    technical: session.technical,
    violationCount: session.violationCount,
    droppedEvents: session.droppedEvents ?? 0,
    rageClicks: session.rageClicks,
    deadClicks: session.deadClicks,
    policy: session.policy,
  };
}

/** One page view of a session as the session detail and the right of access show it. */
export interface PageViewSummary {
  pageId: string;
  url: string;
  referrer: string | null;
  startedAt: string;
  lastEventAt: string;
  loadTimeMs: number | null;
  breakpoint: Breakpoint;
  maxScrollDepth: number;
}

export function pageViewSummaryOf(page: PageViewDoc): PageViewSummary {
  return {
    pageId: page.pageId,
    url: page.url,
    referrer: page.referrer,
    startedAt: page.startedAt.toISOString(),
    lastEventAt: page.lastEventAt.toISOString(),
    loadTimeMs: page.loadTimeMs,
    breakpoint: page.breakpoint,
    maxScrollDepth: page.maxScrollDepth,
  };
}
