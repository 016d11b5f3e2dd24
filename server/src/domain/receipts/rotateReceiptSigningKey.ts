import path from "node:path";
import type { Db } from "mongodb";
import { publishReceiptKey } from "./publishedReceiptKeys.js";
import { generateReceiptSigningKeyPem, loadReceiptSigningKey, receiptSigningKeyFile, receiptSigningKeyOf, writeReceiptSigningKeyFile, type ReceiptSigningKey } from "./receiptSigningKey.js";

/**
 * Replaces the data directory's receipt signing key (`npm run admin -- rotate-receipt-key`). The
 * old public key is published first (it already is if a server ever started with it), so
 * receipts it signed keep verifying; the old private key is overwritten. Servers sign with the
 * new key from their next start. A key given by RECEIPT_SIGNING_KEY is rotated by changing it.
 */
export async function rotateReceiptSigningKey(db: Db, options: { configuredPem: string | undefined; dataDir: string; now: Date }): Promise<{ retired: ReceiptSigningKey; current: ReceiptSigningKey }> {
  if (options.configuredPem) {
    throw new RangeError("RECEIPT_SIGNING_KEY is set, so the key is not the data directory's: rotate it by setting RECEIPT_SIGNING_KEY to a new key and restarting");
  }
  const retired = loadReceiptSigningKey({ configuredPem: undefined, dataDir: options.dataDir });
  await publishReceiptKey(db, retired, options.now);
  const pem = generateReceiptSigningKeyPem();
  const current = receiptSigningKeyOf(pem);
  // Published before it is written: a receipt never carries a key id the list does not have.
  await publishReceiptKey(db, current, options.now);
  writeReceiptSigningKeyFile(path.join(options.dataDir, receiptSigningKeyFile), pem, "w");
  return { retired, current };
}
