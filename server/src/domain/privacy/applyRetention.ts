import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import type { TenantScope } from "../../repositories/tenantScope.js";

const dayMs = 24 * 3600 * 1000;

export interface RetentionResult {
  recordingChunks: number;
  sessions: number;
  pageViews: number;
  surveyResponses: number;
  rollups: number;
  violations: number;
}

/**
 * Deletes a site's data older than its retention periods (MS-3.1 reports only over data the
 * policy still allows to be kept): raw recordings by receipt time, session metadata by last
 * activity, aggregates and violation records by day. Idempotent, so several processes may run
 * it at once.
 */
export async function applyRetention(scope: TenantScope, siteId: string, policy: EffectivePolicy, now: Date): Promise<RetentionResult> {
  const data = analyticsCollections(scope.db);
  const site = { tenantId: scope.tenantId, siteId };
  const cutoff = (days: number) => new Date(now.getTime() - days * dayMs);
  const cutoffDay = (days: number) => cutoff(days).toISOString().slice(0, 10);
  const { rawRecordingsDays, sessionMetadataDays, aggregatesDays } = policy.retention;

  const chunks = await data.recordingChunks.deleteMany({ ...site, receivedAt: { $lt: cutoff(rawRecordingsDays) } });
  const sessions = await data.sessions.deleteMany({ ...site, lastSeenAt: { $lt: cutoff(sessionMetadataDays) } });
  const pageViews = await data.pageViews.deleteMany({ ...site, lastEventAt: { $lt: cutoff(sessionMetadataDays) } });
  // Survey responses are individual visitors' answers, kept like session metadata.
  const surveyResponses = await data.surveyResponses.deleteMany({ ...site, receivedAt: { $lt: cutoff(sessionMetadataDays) } });
  let rollups = 0;
  for (const collection of [data.heatmapRollups, data.scrollRollups, data.pageDaily, data.siteDaily, data.siteBreakdownDaily, data.clickTargetDaily] as const) {
    rollups += (await collection.deleteMany({ ...site, day: { $lt: cutoffDay(aggregatesDays) } })).deletedCount;
  }
  const violations = await data.piiViolations.deleteMany({ ...site, detectedAt: { $lt: cutoff(aggregatesDays) } });
  return {
    recordingChunks: chunks.deletedCount,
    sessions: sessions.deletedCount,
    pageViews: pageViews.deletedCount,
    surveyResponses: surveyResponses.deletedCount,
    rollups,
    violations: violations.deletedCount,
  };
}
