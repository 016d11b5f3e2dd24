import type { DeviceClass, PolicyStamp, SessionDoc, StoredTechnicalInfo } from "../../db/analyticsCollections.js";

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
