import { notFound } from "../../errors/appError.js";
import { countSessionViolationsByKind, findSession, listSessionPages } from "../../repositories/sessionRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { pageViewSummaryOf, sessionSummaryOf, type PageViewSummary, type SessionSummary } from "./sessionSummary.js";

export interface SessionDetail extends SessionSummary {
  referrer: string | null;
  /** MS-1.2: the only form of the address that is stored. */
  ipTruncated: string | null;
  pages: PageViewSummary[];
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
    pages: pages.map(pageViewSummaryOf),
    violationsByKind,
  };
}
