import type { ErasedKind, VisitorErasureReceipt } from "./eraseVisitor.js";

/** The erasure receipt as a signed, self-describing JSON document (dates as ISO strings). */
export interface VisitorErasureReceiptDocument {
  receipt: "mousetrail.visitor-erasure";
  receiptVersion: 1;
  receiptId: string;
  /** Whose data it is about: a receipt quoted to a regulator names its tenant. Never the visitor id. */
  tenantId: string;
  siteId: string;
  erasedAt: string;
  counts: Record<ErasedKind, number>;
  optOut: VisitorErasureReceipt["optOut"];
  statement: string;
}

export function visitorErasureReceiptDocument(tenantId: string, receipt: VisitorErasureReceipt): VisitorErasureReceiptDocument {
  return {
    receipt: "mousetrail.visitor-erasure",
    receiptVersion: 1,
    receiptId: receipt.receiptId,
    tenantId,
    siteId: receipt.siteId,
    erasedAt: receipt.erasedAt.toISOString(),
    counts: { ...receipt.counts },
    optOut: receipt.optOut,
    statement: receipt.statement,
  };
}
