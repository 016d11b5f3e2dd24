import type { Breakpoint } from "../../db/analyticsCollections.js";
import { notFound } from "../../errors/appError.js";
import { countSessionViolationsByKind, findSession, listSessionPages } from "../../repositories/sessionRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { sessionSummaryOf, type SessionSummary } from "./sessionSummary.js";

export interface SessionDetail extends SessionSummary {
  referrer: string | null;
  /** MS-1.2: the only form of the address that is stored. */
  ipTruncated: string | null;
  pages: {
    pageId: string;
    url: string;
    referrer: string | null;
    startedAt: string;
    lastEventAt: string;
    loadTimeMs: number | null;
    breakpoint: Breakpoint;
    maxScrollDepth: number;
  }[];
  violationsByKind: Record<string, number>;
}

/** One session with its pages in order and what kinds of PII were found in it. */
export async function getSession(scope: TenantScope, siteId: string, sessionKey: string): Promise<SessionDetail> {
  const session = await findSession(scope, siteId, sessionKey);
  if (!session) throw notFound("Session");
  const [pages, violationsByKind] = await Promise.all([listSessionPages(scope, siteId, sessionKey), countSessionViolationsByKind(scope, siteId, sessionKey)]);
  return {
    ...sessionSummaryOf(session),
    referrer: session.referrer,
    ipTruncated: session.ipTruncated,
    pages: pages.map((page) => ({
      pageId: page.pageId,
      url: page.url,
      referrer: page.referrer,
      startedAt: page.startedAt.toISOString(),
      lastEventAt: page.lastEventAt.toISOString(),
      loadTimeMs: page.loadTimeMs,
      breakpoint: page.breakpoint,
      maxScrollDepth: page.maxScrollDepth,
    })),
    violationsByKind,
  };
}
