import { ObjectId, type Filter } from "mongodb";
import { analyticsCollections, type PageViewDoc, type SessionDoc } from "../db/analyticsCollections.js";
import type { TenantScope } from "./tenantScope.js";

export interface SessionCursor {
  firstSeenAt: Date;
  id: string;
}

/** Newest first, keyset-paginated on (firstSeenAt, _id). */
export function listSessions(scope: TenantScope, options: { siteId?: string | undefined; limit: number; before?: SessionCursor | undefined }): Promise<SessionDoc[]> {
  const filter: Filter<SessionDoc> = { tenantId: scope.tenantId };
  if (options.siteId) filter.siteId = options.siteId;
  if (options.before) {
    const id = new ObjectId(options.before.id);
    filter.$or = [{ firstSeenAt: { $lt: options.before.firstSeenAt } }, { firstSeenAt: options.before.firstSeenAt, _id: { $lt: id } }];
  }
  return analyticsCollections(scope.db).sessions.find(filter).sort({ firstSeenAt: -1, _id: -1 }).limit(options.limit).toArray();
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
