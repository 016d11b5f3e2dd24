import { z } from "zod";

/**
 * The platform's Ed25519 signature over the receipt's canonical JSON. Save `{ receipt, signature }`
 * (or the whole answer) to a file and check it with `npm run verify -- receipt FILE`, or with
 * `verifyReceipt` from the SDK, against /.well-known/mousetrail-receipt-keys.json.
 */
export const receiptSignatureOutput = z.object({
  algorithm: z.literal("Ed25519"),
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  value: z.string(),
});
