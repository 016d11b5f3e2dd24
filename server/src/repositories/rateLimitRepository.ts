import type { Db } from "mongodb";
import { collections } from "../db/collections.js";

/** Hits counted so far in a fixed window, addressed by its unique id. */
export async function rateLimitCount(db: Db, windowId: string): Promise<number> {
  return (await collections(db).rateLimits.findOne({ _id: windowId }))?.count ?? 0;
}

export async function incrementRateLimit(db: Db, windowId: string, windowEnd: Date): Promise<void> {
  await collections(db).rateLimits.updateOne({ _id: windowId }, { $inc: { count: 1 }, $setOnInsert: { expiresAt: windowEnd } }, { upsert: true });
}
