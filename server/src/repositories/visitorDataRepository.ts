import { analyticsCollections } from "../db/analyticsCollections.js";
import type { TenantScope } from "./tenantScope.js";

/** One visitor of one site, as erasure finds their data: by site-scoped key and by their sessions. */
export interface VisitorDataAddress {
  siteId: string;
  visitorKey: string;
  /** Sessions of the visitor, from their sessions and from their recording chunks. */
  sessionKeys: string[];
  /** The visitor's survey responses (MS-1.13), by response id: violations found in answers name them. */
  surveyResponseIds: string[];
}

/**
 * The visitor's sessions, read from both places that name them: session documents carry the
 * visitor key, and so does every chunk (`context.visitorKey`), so the set can still be found
 * after either kind was deleted by an erasure that stopped half-way.
 */
export async function findVisitorSessionKeys(scope: TenantScope, siteId: string, visitorKey: string): Promise<string[]> {
  const data = analyticsCollections(scope.db);
  const [fromSessions, fromChunks] = await Promise.all([
    data.sessions.distinct("sessionKey", { tenantId: scope.tenantId, siteId, visitorKey }),
    data.recordingChunks.distinct("sessionKey", { tenantId: scope.tenantId, siteId, "context.visitorKey": visitorKey }),
  ]);
  return [...new Set([...fromSessions, ...fromChunks])].sort();
}

export function findVisitorSurveyResponseIds(scope: TenantScope, siteId: string, visitorKey: string): Promise<string[]> {
  return analyticsCollections(scope.db).surveyResponses.distinct("responseId", { tenantId: scope.tenantId, siteId, visitorKey });
}

export async function deleteVisitorPageViews(scope: TenantScope, visitor: VisitorDataAddress): Promise<number> {
  const result = await analyticsCollections(scope.db).pageViews.deleteMany({
    tenantId: scope.tenantId,
    siteId: visitor.siteId,
    sessionKey: { $in: visitor.sessionKeys },
  });
  return result.deletedCount;
}

/** Violations found in the visitor's recordings and in their survey answers. */
export async function deleteVisitorViolations(scope: TenantScope, visitor: VisitorDataAddress): Promise<number> {
  const result = await analyticsCollections(scope.db).piiViolations.deleteMany({
    tenantId: scope.tenantId,
    siteId: visitor.siteId,
    $or: [{ sessionKey: { $in: visitor.sessionKeys } }, { surveyResponseId: { $in: visitor.surveyResponseIds } }],
  });
  return result.deletedCount;
}

export async function deleteVisitorSurveyResponses(scope: TenantScope, visitor: VisitorDataAddress): Promise<number> {
  const result = await analyticsCollections(scope.db).surveyResponses.deleteMany({ tenantId: scope.tenantId, siteId: visitor.siteId, visitorKey: visitor.visitorKey });
  return result.deletedCount;
}

/** Chunks carrying the visitor's key, and any other chunk of their sessions (a cleared visitor cookie mid-session). */
export async function deleteVisitorChunks(scope: TenantScope, visitor: VisitorDataAddress): Promise<number> {
  const result = await analyticsCollections(scope.db).recordingChunks.deleteMany({
    tenantId: scope.tenantId,
    siteId: visitor.siteId,
    $or: [{ "context.visitorKey": visitor.visitorKey }, { sessionKey: { $in: visitor.sessionKeys } }],
  });
  return result.deletedCount;
}

export async function deleteVisitorSessions(scope: TenantScope, visitor: VisitorDataAddress): Promise<number> {
  const result = await analyticsCollections(scope.db).sessions.deleteMany({
    tenantId: scope.tenantId,
    siteId: visitor.siteId,
    $or: [{ visitorKey: visitor.visitorKey }, { sessionKey: { $in: visitor.sessionKeys } }],
  });
  return result.deletedCount;
}
