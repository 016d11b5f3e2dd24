import type { Db } from "mongodb";
import { complianceCollections, type ReceiptKeyDoc } from "../db/complianceCollections.js";

/** Platform-wide, not tenant data: the public half of every key that has signed receipts. */
export async function registerReceiptKey(db: Db, key: Omit<ReceiptKeyDoc, "firstUsedAt">, now: Date): Promise<void> {
  // Keyed by the key id: any number of processes registering the same key leave one document.
  await complianceCollections(db).receiptKeys.updateOne({ _id: key._id }, { $setOnInsert: { algorithm: key.algorithm, publicKey: key.publicKey, firstUsedAt: now } }, { upsert: true });
}

/** Oldest first. The list only grows (a rotation adds a key), so a short read is never wrong for long. */
export function listReceiptKeys(db: Db): Promise<ReceiptKeyDoc[]> {
  return complianceCollections(db).receiptKeys.find({}).sort({ firstUsedAt: 1, _id: 1 }).limit(1_000).toArray();
}
