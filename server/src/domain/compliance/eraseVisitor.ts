import { newId } from "../../db/ids.js";
import { upsertOptOut } from "../../repositories/optOutRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import {
  deleteVisitorChunks,
  deleteVisitorPageViews,
  deleteVisitorSessions,
  deleteVisitorSurveyResponses,
  deleteVisitorViolations,
  findVisitorSessionKeys,
  findVisitorSurveyResponseIds,
  type VisitorDataAddress,
} from "../../repositories/visitorDataRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import { getSite } from "../sites/getSite.js";
import type { TenantCall } from "../tenantCall.js";
import { sha256OfCanonicalJson, type JsonValue } from "./canonicalJson.js";
import { visitorErasureReceiptDocument } from "./visitorErasureReceiptDocument.js";
import { visitorKeyOf } from "./visitorId.js";

export type ErasedKind = "pageViews" | "violations" | "surveyResponses" | "recordingChunks" | "sessions";

/**
 * What an erasure deletes, in order. Page views and violations are found only through the
 * visitor's sessions and survey responses, so they go before those (and before the chunks, which
 * name the sessions too): an erasure that stops anywhere can be run again and finds everything
 * that is left.
 */
export const visitorErasurePlan: readonly { kind: ErasedKind; erase(scope: TenantScope, visitor: VisitorDataAddress): Promise<number> }[] = [
  { kind: "pageViews", erase: deleteVisitorPageViews },
  { kind: "violations", erase: deleteVisitorViolations },
  { kind: "surveyResponses", erase: deleteVisitorSurveyResponses },
  { kind: "recordingChunks", erase: deleteVisitorChunks },
  { kind: "sessions", erase: deleteVisitorSessions },
];

export interface VisitorErasureReceipt {
  receiptId: string;
  erasedAt: Date;
  siteId: string;
  /** What this run deleted; a second run counts only what the first left. */
  counts: Record<ErasedKind, number>;
  /** Whether this run stored the visitor's opt-out, or found it stored already. */
  optOut: "recorded" | "already-recorded";
  statement: string;
}

/** Finds a visitor's data on one site: their site-scoped key (MS-2.3), their sessions and survey responses. */
export async function findVisitorData(scope: TenantScope, siteId: string, visitorKey: string): Promise<VisitorDataAddress> {
  const [sessionKeys, surveyResponseIds] = await Promise.all([findVisitorSessionKeys(scope, siteId, visitorKey), findVisitorSurveyResponseIds(scope, siteId, visitorKey)]);
  return { siteId, visitorKey, sessionKeys, surveyResponseIds };
}

/**
 * Erases everything stored about one visitor of one site, on a request quoting the visitor id
 * the hosted opt-out page showed them. The opt-out is stored first, so nothing new of theirs is
 * stored from then on; then their page views, violations, survey responses, recording chunks
 * and sessions are deleted. Without transactions it is idempotent instead: run again, it deletes what is left and
 * counts that. Aggregate rollups hold no per-visitor data and are kept. Audited without the id.
 */
export async function eraseVisitor(
  call: TenantCall,
  input: { siteId: string; visitorId: string; visitorKeySecret: Buffer },
): Promise<VisitorErasureReceipt> {
  const site = await getSite(call.scope, input.siteId);
  const visitorKey = visitorKeyOf(input.visitorKeySecret, site._id, input.visitorId);
  const optOutRecorded = await upsertOptOut(call.scope, { siteId: site._id, visitorKey, at: call.now });
  const visitor = await findVisitorData(call.scope, site._id, visitorKey);
  const counts: Record<ErasedKind, number> = { pageViews: 0, violations: 0, surveyResponses: 0, recordingChunks: 0, sessions: 0 };
  for (const step of visitorErasurePlan) counts[step.kind] = await step.erase(call.scope, visitor);

  const receipt: VisitorErasureReceipt = {
    receiptId: newId("erasure"),
    erasedAt: call.now,
    siteId: site._id,
    counts,
    optOut: optOutRecorded ? "recorded" : "already-recorded",
    statement: erasureStatement(site.name, counts),
  };
  // The digest of the signed receipt document: the audit chain anchors the receipt handed out.
  const receiptSha256 = sha256OfCanonicalJson(visitorErasureReceiptDocument(call.scope.tenantId, receipt) as unknown as JsonValue);
  await recordAudit(call, "visitor.erase", { type: "site", id: site._id }, { receiptId: receipt.receiptId, receiptSha256, counts, optOut: receipt.optOut });
  return receipt;
}

function erasureStatement(siteName: string, counts: Record<ErasedKind, number>): string {
  return [
    `Every session, page view, recording chunk, survey response and PII-violation record stored about this visitor of ${siteName} has been deleted:`,
    `${counts.sessions} sessions, ${counts.pageViews} page views, ${counts.recordingChunks} recording chunks, ${counts.surveyResponses} survey responses and ${counts.violations} violation records by this request`,
    "(a request repeated after an earlier one counts only what was left).",
    `The visitor is opted out of recording on ${siteName}, so nothing more of theirs is stored.`,
    "Aggregate reports (heatmaps, scroll maps, daily page and site totals) hold counts without any per-visitor data and were kept.",
    "Neither this receipt nor the audit log contains the visitor id.",
  ].join(" ");
}
