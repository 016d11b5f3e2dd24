import { countSessions, listSessions as findSessionsPage } from "../../repositories/sessionRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { decodeSessionCursor, encodeSessionCursor } from "./sessionCursor.js";
import { resolveSessionFilter, type SessionListFilter } from "./resolveSessionFilter.js";
import { sessionSummaryOf, type SessionSummary } from "./sessionSummary.js";

export interface SessionListPage {
  sessions: SessionSummary[];
  nextCursor: string | null;
  /** Sessions matching the filter on every page together. */
  total: number;
}

/** One page of the sessions a filter selects, newest first, with the total across pages. */
export async function listSessions(scope: TenantScope, filter: SessionListFilter, page: { limit: number; cursor?: string | undefined }): Promise<SessionListPage> {
  const before = page.cursor ? decodeSessionCursor(page.cursor) : undefined;
  const resolved = await resolveSessionFilter(scope, filter);
  const [found, total] = await Promise.all([findSessionsPage(scope, resolved, { limit: page.limit + 1, before }), countSessions(scope, resolved)]);
  const rows = found.slice(0, page.limit);
  const last = rows.at(-1);
  return {
    sessions: rows.map(sessionSummaryOf),
    nextCursor: found.length > page.limit && last?._id ? encodeSessionCursor({ firstSeenAt: last.firstSeenAt, id: last._id.toHexString() }) : null,
    total,
  };
}
