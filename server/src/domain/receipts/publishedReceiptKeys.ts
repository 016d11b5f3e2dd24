import type { Db } from "mongodb";
import { listReceiptKeys, registerReceiptKey } from "../../repositories/receiptKeyRepository.js";
import type { ReceiptSigningKey } from "./receiptSigningKey.js";

/** The document served at /.well-known/mousetrail-receipt-keys.json, the form `verifyReceipt` takes. */
export interface PublishedReceiptKeys {
  keys: { keyId: string; algorithm: "Ed25519"; publicKey: string; firstUsedAt: string; current: boolean }[];
}

/** Publishes this process's signing key (idempotent; done at every start). */
export function publishReceiptKey(db: Db, key: ReceiptSigningKey, now: Date): Promise<void> {
  return registerReceiptKey(db, { _id: key.keyId, algorithm: "Ed25519", publicKey: key.publicKey }, now);
}

/** Every key that has signed receipts, the one this process signs with marked: rotation keeps the old ones. */
export async function publishedReceiptKeys(db: Db, currentKeyId: string | null): Promise<PublishedReceiptKeys> {
  const keys = await listReceiptKeys(db);
  return {
    keys: keys.map((key) => ({ keyId: key._id, algorithm: key.algorithm, publicKey: key.publicKey, firstUsedAt: key.firstUsedAt.toISOString(), current: key._id === currentKeyId })),
  };
}
