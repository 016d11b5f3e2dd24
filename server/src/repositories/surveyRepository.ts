import type { Filter } from "mongodb";
import { collections, type SurveyDoc } from "../db/collections.js";
import type { TenantScope } from "./tenantScope.js";

export async function insertSurvey(scope: TenantScope, survey: Omit<SurveyDoc, "tenantId">): Promise<SurveyDoc> {
  const doc: SurveyDoc = { ...survey, tenantId: scope.tenantId };
  await collections(scope.db).surveys.insertOne(doc);
  return doc;
}

export function findSurvey(scope: TenantScope, surveyId: string): Promise<SurveyDoc | null> {
  return collections(scope.db).surveys.findOne({ tenantId: scope.tenantId, _id: surveyId });
}

export function listSurveys(scope: TenantScope, options: { siteId?: string | undefined; status?: SurveyDoc["status"] | undefined }): Promise<SurveyDoc[]> {
  const filter: Filter<SurveyDoc> = {
    tenantId: scope.tenantId,
    ...(options.siteId ? { siteId: options.siteId } : {}),
    ...(options.status ? { status: options.status } : {}),
  };
  return collections(scope.db).surveys.find(filter).sort({ createdAt: -1, _id: -1 }).limit(1000).toArray();
}

export function listActiveSurveysOfSite(scope: TenantScope, siteId: string): Promise<SurveyDoc[]> {
  return collections(scope.db).surveys.find({ tenantId: scope.tenantId, siteId, status: "active" }).sort({ createdAt: 1, _id: 1 }).limit(100).toArray();
}

/**
 * Changes a survey if it is still in the state the caller read (`expected`), so two editors
 * cannot overwrite each other's changes unnoticed: null when it is gone or has changed.
 */
export function updateSurvey(
  scope: TenantScope,
  surveyId: string,
  expected: Pick<SurveyDoc, "updatedAt" | "status">,
  changes: Partial<Pick<SurveyDoc, "title" | "intro" | "questions" | "display" | "status" | "archivedAt">>,
  now: Date,
): Promise<SurveyDoc | null> {
  return collections(scope.db).surveys.findOneAndUpdate(
    { tenantId: scope.tenantId, _id: surveyId, updatedAt: expected.updatedAt, status: expected.status },
    { $set: { ...changes, updatedAt: now } },
    { returnDocument: "after" },
  );
}
