import { ObjectId, type Document, type Filter } from "mongodb";
import { analyticsCollections, type DeviceClass, type PageViewDoc, type SessionDoc } from "../db/analyticsCollections.js";
import type { TenantScope } from "./tenantScope.js";

export interface SessionCursor {
  firstSeenAt: Date;
  id: string;
}

/** What sessions.list and the sessions export filter on; every field narrows, none widens. */
export interface SessionFilter {
  siteId?: string | undefined;
  /** Sessions that started at or after `from` and before `to`. */
  from?: Date | undefined;
  to?: Date | undefined;
  /** A page of the session has this normalised URL (urlKeyOf). */
  urlKey?: string | undefined;
  deviceClass?: DeviceClass | undefined;
  browser?: string | undefined;
  minDurationMs?: number | undefined;
  hasRageClicks?: boolean | undefined;
  hasViolations?: boolean | undefined;
}

/** The filter on the session documents themselves: everything but the pages visited. */
function sessionMatch(scope: TenantScope, filter: SessionFilter, before?: SessionCursor): Filter<SessionDoc> {
  const match: Filter<SessionDoc> = { tenantId: scope.tenantId };
  if (filter.siteId) match.siteId = filter.siteId;
  if (filter.from || filter.to) match.firstSeenAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  if (filter.deviceClass) match["technical.deviceClass"] = filter.deviceClass;
  if (filter.browser) match["technical.browser"] = filter.browser;
  if (filter.hasRageClicks !== undefined) match.rageClicks = filter.hasRageClicks ? { $gt: 0 } : 0;
  if (filter.hasViolations !== undefined) match.violationCount = filter.hasViolations ? { $gt: 0 } : 0;
  // The duration is not a field of the session: compared on the two instants it is made of.
  if (filter.minDurationMs !== undefined) match.$expr = { $gte: [{ $subtract: ["$lastSeenAt", "$firstSeenAt"] }, filter.minDurationMs] };
  if (before) {
    const id = new ObjectId(before.id);
    match.$or = [{ firstSeenAt: { $lt: before.firstSeenAt } }, { firstSeenAt: before.firstSeenAt, _id: { $lt: id } }];
  }
  return match;
}

/**
 * The stages that keep the sessions a filter selects. The pages visited are not fields of the
 * session, so they are matched after the session's own fields have narrowed the set: the page
 * views are joined per session, and the join carries the tenant again, so a session key can
 * only ever meet its own tenant's pages.
 */
function sessionStages(scope: TenantScope, filter: SessionFilter, before?: SessionCursor): Document[] {
  const stages: Document[] = [{ $match: sessionMatch(scope, filter, before) }];
  if (filter.urlKey !== undefined) {
    stages.push(
      { $lookup: { from: "pageViews", localField: "sessionKey", foreignField: "sessionKey", as: "visitedPages" } },
      { $match: { visitedPages: { $elemMatch: { tenantId: scope.tenantId, urlKey: filter.urlKey } } } },
      { $project: { visitedPages: 0 } },
    );
  }
  return stages;
}

const newestFirst = { firstSeenAt: -1, _id: -1 } as const;

/** Newest first, keyset-paginated on (firstSeenAt, _id). */
export function listSessions(scope: TenantScope, filter: SessionFilter, page: { limit: number; before?: SessionCursor | undefined }): Promise<SessionDoc[]> {
  return analyticsCollections(scope.db)
    .sessions.aggregate<SessionDoc>([...sessionStages(scope, filter, page.before), { $sort: newestFirst }, { $limit: page.limit }])
    .toArray();
}

/**
 * Every session a filter selects, newest first, holding at most `batchSize` documents at a
 * time: a cursor when the session's own fields decide, pages of `batchSize` taken one after the
 * other (keyset, so a page never rereads the last) when the pages visited need the join.
 */
export async function* streamSessions(scope: TenantScope, filter: SessionFilter, batchSize: number): AsyncGenerator<SessionDoc> {
  if (filter.urlKey === undefined) {
    yield* analyticsCollections(scope.db).sessions.find(sessionMatch(scope, filter)).sort(newestFirst).batchSize(batchSize);
    return;
  }
  let before: SessionCursor | undefined;
  for (;;) {
    const page = await listSessions(scope, filter, { limit: batchSize, before });
    yield* page;
    const last = page.at(-1);
    if (page.length < batchSize || !last?._id) return;
    before = { firstSeenAt: last.firstSeenAt, id: last._id.toHexString() };
  }
}

export async function countSessions(scope: TenantScope, filter: SessionFilter): Promise<number> {
  const [row] = await analyticsCollections(scope.db)
    .sessions.aggregate<{ total: number }>([...sessionStages(scope, filter), { $group: { _id: null, total: { $sum: 1 } } }])
    .toArray();
  return row?.total ?? 0;
}

export function findSession(scope: TenantScope, siteId: string, sessionKey: string): Promise<SessionDoc | null> {
  return analyticsCollections(scope.db).sessions.findOne({ tenantId: scope.tenantId, siteId, sessionKey });
}

export function listSessionPages(scope: TenantScope, siteId: string, sessionKey: string): Promise<PageViewDoc[]> {
  return analyticsCollections(scope.db).pageViews.find({ tenantId: scope.tenantId, siteId, sessionKey }).sort({ startedAt: 1 }).limit(1000).toArray();
}

export async function countSessionViolationsByKind(scope: TenantScope, siteId: string, sessionKey: string): Promise<Record<string, number>> {
  const rows = await analyticsCollections(scope.db)
    .piiViolations.aggregate<{ _id: string; count: number }>([
      { $match: { tenantId: scope.tenantId, siteId, sessionKey } },
      { $group: { _id: "$kind", count: { $sum: 1 } } },
    ])
    .toArray();
  return Object.fromEntries(rows.map((row) => [row._id, row.count]));
}
