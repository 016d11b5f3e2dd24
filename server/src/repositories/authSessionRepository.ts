import type { Db } from "mongodb";
import { collections, type AuthSessionDoc } from "../db/collections.js";

export async function insertAuthSession(db: Db, session: AuthSessionDoc): Promise<void> {
  await collections(db).authSessions.insertOne(session);
}

/** The TTL index removes expired sessions eventually; the expiry check makes it exact. */
export function findLiveAuthSession(db: Db, sessionId: string, now: Date): Promise<AuthSessionDoc | null> {
  return collections(db).authSessions.findOne({ _id: sessionId, expiresAt: { $gt: now } });
}

export async function deleteAuthSession(db: Db, sessionId: string): Promise<void> {
  await collections(db).authSessions.deleteOne({ _id: sessionId });
}

/** Signs a user out everywhere, or everywhere but `exceptSessionId`; the number signed out. */
export async function deleteAuthSessionsOfUser(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
  const filter = exceptSessionId === undefined ? { userId } : { userId, _id: { $ne: exceptSessionId } };
  return (await collections(db).authSessions.deleteMany(filter)).deletedCount;
}
