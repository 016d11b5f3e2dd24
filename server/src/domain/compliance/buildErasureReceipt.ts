import type { ErasureDoc } from "../../db/complianceCollections.js";
import { sha256OfCanonicalJson, type JsonValue } from "./canonicalJson.js";
import { erasedKinds, type ErasedKind } from "./eraseVisitor.js";

/**
 * MS-4.1: the signed statement of a finished visitor erasure, plain JSON (dates as ISO strings)
 * so that its canonical JSON and digest are the same wherever it is read. It names neither the
 * visitor id nor the visitor key.
 */
export interface VisitorErasureReceiptDocument {
  receipt: "mousetrail.visitor-erasure";
  receiptVersion: 2;
  receiptId: string;
  /** Whose data it is about: a receipt quoted to a regulator names its tenant. */
  tenantId: string;
  siteId: string;
  siteName: string;
  requestedAt: string;
  /** When the fence (opt-out and erasure mark) was written: nothing of the visitor is stored after it. */
  fencedAt: string;
  /** When the final pass ran, at least the longest a batch can be in flight after the fence. */
  finalPassAt: string;
  /** When the receipt was sealed. */
  erasedAt: string;
  /** Documents deleted, per kind, over every pass. */
  counts: Record<ErasedKind, number>;
  /** Documents of the visitor counted after the final pass (zero, or the receipt is not sealed). */
  remainingAtFinalPass: Record<ErasedKind, number>;
  optOut: "recorded" | "already-recorded";
  /** Each run that stopped before the end and was resumed. */
  interruptions: { detectedAt: string; state: string; reason: string }[];
  statement: string;
}

export function buildErasureReceipt(
  erasure: ErasureDoc,
  verification: { sealedAt: Date; remaining: Record<ErasedKind, number> },
): { receipt: VisitorErasureReceiptDocument; sha256: string } {
  if (!erasure.fencedAt || !erasure.finalPassAt || !erasure.optOut) throw new Error(`erasure ${erasure._id} is sealed before its final pass`);
  const left = erasedKinds.filter((kind) => verification.remaining[kind] !== 0);
  if (left.length > 0) throw new Error(`erasure ${erasure._id} cannot be sealed: records remain in ${left.join(", ")}`);
  const counts = Object.fromEntries(erasedKinds.map((kind) => [kind, erasure.counts[kind] ?? 0])) as Record<ErasedKind, number>;
  const receipt: VisitorErasureReceiptDocument = {
    receipt: "mousetrail.visitor-erasure",
    receiptVersion: 2,
    receiptId: erasure._id,
    tenantId: erasure.tenantId,
    siteId: erasure.siteId,
    siteName: erasure.siteName,
    requestedAt: erasure.requestedAt.toISOString(),
    fencedAt: erasure.fencedAt.toISOString(),
    finalPassAt: erasure.finalPassAt.toISOString(),
    erasedAt: verification.sealedAt.toISOString(),
    counts,
    remainingAtFinalPass: { ...verification.remaining },
    optOut: erasure.optOut,
    interruptions: erasure.interruptions.map((entry) => ({ detectedAt: entry.detectedAt.toISOString(), state: entry.state, reason: entry.reason })),
    statement: "",
  };
  receipt.statement = statementOf(receipt);
  return { receipt, sha256: sha256OfCanonicalJson(receipt as unknown as JsonValue) };
}

function statementOf(receipt: VisitorErasureReceiptDocument): string {
  const { counts } = receipt;
  return [
    `Every session, page view, recording chunk, survey response and PII-violation record stored about this visitor of ${receipt.siteName} was deleted:`,
    `${counts.sessions} sessions, ${counts.pageViews} page views, ${counts.recordingChunks} recording chunks, ${counts.surveyResponses} survey responses and ${counts.violations} violation records.`,
    `The visitor was opted out and fenced at ${receipt.fencedAt}: from then on nothing of theirs was stored or derived.`,
    `A final pass at ${receipt.finalPassAt}, after the longest time a batch received before the fence can take to be stored, deleted what was still arriving and counted zero records left, so this receipt covers everything received before it was sealed.`,
    receipt.interruptions.length === 0
      ? "The erasure ran without interruption."
      : `The erasure was interrupted ${receipt.interruptions.length} time(s) and resumed each time; the counts include the work of every run.`,
    "Aggregate reports (heatmaps, scroll maps, daily page and site totals) hold counts without any per-visitor data and were kept.",
    "Neither this receipt nor the audit log contains the visitor id.",
  ].join(" ");
}
