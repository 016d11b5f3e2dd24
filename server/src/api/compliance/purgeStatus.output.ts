import { z } from "zod";
import type { PurgeStatus } from "../../domain/compliance/getPurgeStatus.js";
import { signReceipt } from "../../domain/receipts/signReceipt.js";
import type { ReceiptSigningKey } from "../../domain/receipts/receiptSigningKey.js";
import { isoDate } from "../common.schema.js";
import { receiptSignatureOutput } from "./receiptSignature.output.js";

/**
 * MS-1.7: a purge receipt exactly as sealed. Every field is listed: output validation drops
 * fields it does not know, and a dropped field would make the digest fail to verify.
 */
export const purgeReceiptOutput = z.object({
  receipt: z.literal("mousetrail.analytics-purge"),
  receiptVersion: z.literal(1),
  purgeId: z.string(),
  // The receipt names its tenant on purpose: a receipt quoted to a regulator must say whose data it is about.
  tenantId: z.string(),
  tenantName: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  requestedBy: z.object({ type: z.enum(["user", "apiKey", "system"]), id: z.string(), platformStaff: z.boolean() }),
  requestedVia: z.enum(["tenant", "platform"]),
  reason: z.string(),
  requestedAt: isoDate,
  startedAt: isoDate,
  finishedAt: isoDate,
  removed: z.array(z.object({ collection: z.string(), documentsRemoved: z.number().int(), remainingAtVerification: z.number().int() })),
  kept: z.array(z.object({ collection: z.string(), documents: z.number().int(), reason: z.string() })),
  // Absent on receipts sealed before interruptions were kept: served as sealed, or the signature would not verify.
  interruptions: z.array(z.object({ detectedAt: isoDate, state: z.string(), reason: z.string() })).optional(),
  statement: z.string(),
});

export const purgeStatusOutput = z.object({
  purgeId: z.string(),
  state: z.enum(["pending", "deleting", "verified", "done"]),
  siteId: z.string().nullable(),
  requestedVia: z.enum(["tenant", "platform"]),
  reason: z.string(),
  requestedAt: isoDate,
  startedAt: isoDate.nullable(),
  doneAt: isoDate.nullable(),
  collections: z.array(z.object({ collection: z.string(), state: z.enum(["pending", "deleting", "deleted"]), removed: z.number().int() })),
  lastInterruption: z.string().nullable(),
  receipt: purgeReceiptOutput.nullable(),
  /** SHA-256 (hex) of the receipt's canonical JSON (RFC 8785). */
  receiptSha256: z.string().nullable(),
  /** The platform's signature over `receipt`, once sealed. */
  signature: receiptSignatureOutput.nullable(),
});

/** Signed as it is served: Ed25519 is deterministic, so every read of a receipt carries the same signature while the key is the same. */
export function toPurgeStatusOutput(status: PurgeStatus, key: ReceiptSigningKey): z.infer<typeof purgeStatusOutput> {
  return {
    ...status,
    signature: status.receipt ? signReceipt(status.receipt, key).signature : null,
    requestedAt: status.requestedAt.toISOString(),
    startedAt: status.startedAt?.toISOString() ?? null,
    doneAt: status.doneAt?.toISOString() ?? null,
  };
}
