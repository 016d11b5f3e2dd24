import type { Collection, Document, Filter, ObjectId } from "mongodb";
import {
  analyticsCollections,
  type OptOutDoc,
  type PageViewDoc,
  type PiiViolationDoc,
  type RecordingChunkDoc,
  type SessionDoc,
  type SurveyResponseDoc,
} from "../db/analyticsCollections.js";
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

/*
 * What belongs to a visitor, one filter per collection: erasure deletes exactly what the right
 * of access shows, because both read these.
 */
/** By the visitor key they carry; page views derived before they carried it, through the visitor's sessions. */
function visitorPageViewsFilter(scope: TenantScope, visitor: VisitorDataAddress): Filter<PageViewDoc> {
  return { tenantId: scope.tenantId, siteId: visitor.siteId, $or: [{ visitorKey: visitor.visitorKey }, { sessionKey: { $in: visitor.sessionKeys } }] };
}

/** Violations found in the visitor's recordings and in their survey answers. */
function visitorViolationsFilter(scope: TenantScope, visitor: VisitorDataAddress): Filter<PiiViolationDoc> {
  return {
    tenantId: scope.tenantId,
    siteId: visitor.siteId,
    $or: [{ visitorKey: visitor.visitorKey }, { sessionKey: { $in: visitor.sessionKeys } }, { surveyResponseId: { $in: visitor.surveyResponseIds } }],
  };
}

function visitorSurveyResponsesFilter(scope: TenantScope, visitor: VisitorDataAddress): Filter<SurveyResponseDoc> {
  return { tenantId: scope.tenantId, siteId: visitor.siteId, visitorKey: visitor.visitorKey };
}

/** Chunks carrying the visitor's key, and any other chunk of their sessions (a cleared visitor cookie mid-session). */
function visitorChunksFilter(scope: TenantScope, visitor: VisitorDataAddress): Filter<RecordingChunkDoc> {
  return { tenantId: scope.tenantId, siteId: visitor.siteId, $or: [{ "context.visitorKey": visitor.visitorKey }, { sessionKey: { $in: visitor.sessionKeys } }] };
}

function visitorSessionsFilter(scope: TenantScope, visitor: VisitorDataAddress): Filter<SessionDoc> {
  return { tenantId: scope.tenantId, siteId: visitor.siteId, $or: [{ visitorKey: visitor.visitorKey }, { sessionKey: { $in: visitor.sessionKeys } }] };
}

export async function deleteVisitorPageViews(scope: TenantScope, visitor: VisitorDataAddress): Promise<number> {
  return (await analyticsCollections(scope.db).pageViews.deleteMany(visitorPageViewsFilter(scope, visitor))).deletedCount;
}

export async function deleteVisitorViolations(scope: TenantScope, visitor: VisitorDataAddress): Promise<number> {
  return (await analyticsCollections(scope.db).piiViolations.deleteMany(visitorViolationsFilter(scope, visitor))).deletedCount;
}

export async function deleteVisitorSurveyResponses(scope: TenantScope, visitor: VisitorDataAddress): Promise<number> {
  return (await analyticsCollections(scope.db).surveyResponses.deleteMany(visitorSurveyResponsesFilter(scope, visitor))).deletedCount;
}

export async function deleteVisitorChunks(scope: TenantScope, visitor: VisitorDataAddress): Promise<number> {
  return (await analyticsCollections(scope.db).recordingChunks.deleteMany(visitorChunksFilter(scope, visitor))).deletedCount;
}

export async function deleteVisitorSessions(scope: TenantScope, visitor: VisitorDataAddress): Promise<number> {
  return (await analyticsCollections(scope.db).sessions.deleteMany(visitorSessionsFilter(scope, visitor))).deletedCount;
}

export function listVisitorSessions(scope: TenantScope, visitor: VisitorDataAddress): Promise<SessionDoc[]> {
  return analyticsCollections(scope.db).sessions.find(visitorSessionsFilter(scope, visitor)).sort({ firstSeenAt: 1, _id: 1 }).toArray();
}

export function listVisitorPageViews(scope: TenantScope, visitor: VisitorDataAddress): Promise<PageViewDoc[]> {
  return analyticsCollections(scope.db).pageViews.find(visitorPageViewsFilter(scope, visitor)).sort({ startedAt: 1, _id: 1 }).toArray();
}

export function listVisitorSurveyResponses(scope: TenantScope, visitor: VisitorDataAddress): Promise<SurveyResponseDoc[]> {
  return analyticsCollections(scope.db).surveyResponses.find(visitorSurveyResponsesFilter(scope, visitor)).sort({ receivedAt: 1, _id: 1 }).toArray();
}

export function listVisitorViolations(scope: TenantScope, visitor: VisitorDataAddress): Promise<PiiViolationDoc[]> {
  return analyticsCollections(scope.db).piiViolations.find(visitorViolationsFilter(scope, visitor)).sort({ detectedAt: 1, _id: 1 }).toArray();
}

/** The visitor's recording chunks in (session, page, seq) order, `batchSize` at a time from the cursor. */
export function streamVisitorChunks(scope: TenantScope, visitor: VisitorDataAddress, batchSize: number): AsyncIterable<RecordingChunkDoc> {
  return analyticsCollections(scope.db).recordingChunks.find(visitorChunksFilter(scope, visitor)).sort({ sessionKey: 1, pageId: 1, seq: 1 }).batchSize(batchSize);
}

export function findVisitorOptOut(scope: TenantScope, visitor: VisitorDataAddress): Promise<OptOutDoc | null> {
  return analyticsCollections(scope.db).optOuts.findOne({ tenantId: scope.tenantId, siteId: visitor.siteId, visitorKey: visitor.visitorKey });
}

/** The per-visitor collections an erasure deletes from, by the kind its receipt counts. */
export type VisitorRecordKind = "pageViews" | "violations" | "surveyResponses" | "recordingChunks" | "sessions";

function visitorRecords(scope: TenantScope, kind: VisitorRecordKind, visitor: VisitorDataAddress): { collection: Collection<Document>; filter: Filter<Document> } {
  const data = analyticsCollections(scope.db);
  const pick = <Doc extends Document>(collection: Collection<Doc>, filter: Filter<Doc>) => ({ collection: collection as unknown as Collection<Document>, filter: filter as Filter<Document> });
  switch (kind) {
    case "pageViews":
      return pick(data.pageViews, visitorPageViewsFilter(scope, visitor));
    case "violations":
      return pick(data.piiViolations, visitorViolationsFilter(scope, visitor));
    case "surveyResponses":
      return pick(data.surveyResponses, visitorSurveyResponsesFilter(scope, visitor));
    case "recordingChunks":
      return pick(data.recordingChunks, visitorChunksFilter(scope, visitor));
    case "sessions":
      return pick(data.sessions, visitorSessionsFilter(scope, visitor));
  }
}

/**
 * Up to `limit` ids of the visitor's records of one kind. The filters are by the site-scoped
 * visitor key (an index on tenant, site and key in each collection: ensureIndexes), not by an
 * unique key, so on a server without those indexes (the offline fallback) it scans the site.
 */
export async function selectVisitorRecordIds(scope: TenantScope, kind: VisitorRecordKind, visitor: VisitorDataAddress, limit: number): Promise<ObjectId[]> {
  const { collection, filter } = visitorRecords(scope, kind, visitor);
  const rows = await collection.find(filter, { projection: { _id: 1 } }).limit(limit).toArray();
  return rows.map((row) => row._id as ObjectId);
}

/** Deletes these records of the tenant; the count deleted now (ids already gone count nothing). */
export async function deleteVisitorRecordsById(scope: TenantScope, kind: VisitorRecordKind, siteId: string, ids: readonly ObjectId[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { collection } = visitorRecords(scope, kind, { siteId, visitorKey: "", sessionKeys: [], surveyResponseIds: [] });
  return (await collection.deleteMany({ _id: { $in: [...ids] }, tenantId: scope.tenantId, siteId })).deletedCount;
}

export function countVisitorRecords(scope: TenantScope, kind: VisitorRecordKind, visitor: VisitorDataAddress): Promise<number> {
  const { collection, filter } = visitorRecords(scope, kind, visitor);
  return collection.countDocuments(filter);
}
