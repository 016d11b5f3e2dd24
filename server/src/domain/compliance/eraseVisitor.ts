import type { TenantScope } from "../../repositories/tenantScope.js";
import { findVisitorSessionKeys, findVisitorSurveyResponseIds, type VisitorDataAddress, type VisitorRecordKind } from "../../repositories/visitorDataRepository.js";

export type ErasedKind = VisitorRecordKind;

/**
 * What an erasure deletes, in order. Every kind carries the visitor's site-scoped key and is
 * deleted by it; records stored before they carried it (page views, violations) are found
 * through the visitor's sessions and survey responses, so those go before the sessions, survey
 * responses and chunks that name them: a pass that stops anywhere can be run again and finds
 * everything that is left.
 */
export const erasedKinds: readonly ErasedKind[] = ["pageViews", "violations", "surveyResponses", "recordingChunks", "sessions"];

export function noneErased(): Record<ErasedKind, number> {
  return { pageViews: 0, violations: 0, surveyResponses: 0, recordingChunks: 0, sessions: 0 };
}

/** Finds a visitor's data on one site: their site-scoped key (MS-2.3), their sessions and survey responses. */
export async function findVisitorData(scope: TenantScope, siteId: string, visitorKey: string): Promise<VisitorDataAddress> {
  const [sessionKeys, surveyResponseIds] = await Promise.all([findVisitorSessionKeys(scope, siteId, visitorKey), findVisitorSurveyResponseIds(scope, siteId, visitorKey)]);
  return { siteId, visitorKey, sessionKeys, surveyResponseIds };
}
