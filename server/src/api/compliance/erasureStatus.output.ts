import { z } from "zod";
import type { ErasureStatus } from "../../domain/compliance/getErasureStatus.js";
import type { ReceiptSigningKey } from "../../domain/receipts/receiptSigningKey.js";
import { signReceipt } from "../../domain/receipts/signReceipt.js";
import { isoDate } from "../common.schema.js";
import { receiptSignatureOutput } from "./receiptSignature.output.js";

const erasureCounts = z.object({
  sessions: z.number().int(),
  pageViews: z.number().int(),
  recordingChunks: z.number().int(),
  /** MS-1.13: the visitor's answers to the site's surveys. */
  surveyResponses: z.number().int(),
  violations: z.number().int(),
});

const erasureStates = z.enum(["requested", "erasing", "finalPass", "sealed", "done"]);

/**
 * MS-4.1: the signed form of the receipt. Every field is listed: output validation drops fields
 * it does not know, and a dropped field would make the signature fail to verify.
 */
export const visitorErasureReceiptOutput = z.object({
  receipt: z.literal("mousetrail.visitor-erasure"),
  receiptVersion: z.literal(2),
  receiptId: z.string(),
  tenantId: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  requestedAt: isoDate,
  fencedAt: isoDate,
  finalPassAt: isoDate,
  erasedAt: isoDate,
  counts: erasureCounts,
  remainingAtFinalPass: erasureCounts,
  optOut: z.enum(["recorded", "already-recorded"]),
  interruptions: z.array(z.object({ detectedAt: isoDate, state: z.string(), reason: z.string() })),
  statement: z.string(),
});

export const erasureStatusOutput = z.object({
  erasureId: z.string(),
  siteId: z.string(),
  state: erasureStates,
  /** requested → running → final-pass → done. */
  progress: z.enum(["requested", "running", "final-pass", "done"]),
  requestedAt: isoDate,
  fencedAt: isoDate.nullable(),
  finalPassAfter: isoDate.nullable(),
  doneAt: isoDate.nullable(),
  counts: erasureCounts,
  interruptions: z.array(z.object({ detectedAt: isoDate, state: erasureStates, reason: z.string() })),
  receipt: visitorErasureReceiptOutput.nullable(),
  /** SHA-256 (hex) of the receipt's canonical JSON (RFC 8785). */
  receiptSha256: z.string().nullable(),
  /** The platform's signature over `receipt`, once sealed. */
  signature: receiptSignatureOutput.nullable(),
});

/** Signed as it is served (Ed25519 is deterministic: every read carries the same signature while the key is the same). */
export function toErasureStatusOutput(status: ErasureStatus, key: ReceiptSigningKey): z.infer<typeof erasureStatusOutput> {
  return {
    ...status,
    requestedAt: status.requestedAt.toISOString(),
    fencedAt: status.fencedAt?.toISOString() ?? null,
    finalPassAfter: status.finalPassAfter?.toISOString() ?? null,
    doneAt: status.doneAt?.toISOString() ?? null,
    interruptions: status.interruptions.map((entry) => ({ ...entry, detectedAt: entry.detectedAt.toISOString() })),
    signature: status.receipt ? signReceipt(status.receipt, key).signature : null,
  };
}
