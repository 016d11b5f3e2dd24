import { createHash, randomBytes } from "node:crypto";
import type { Db } from "mongodb";
import { collections, type UserDoc } from "../../db/collections.js";

export const sessionLifetimeMs = 14 * 24 * 3600 * 1000;

export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new console session: the token goes into the cookie, only its hash into the database. */
export async function openAuthSession(db: Db, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await collections(db).authSessions.insertOne({ _id: sessionIdOf(token), userId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

export async function resolveAuthSession(
  db: Db,
  token: string,
  now: Date,
): Promise<{ user: UserDoc; sessionId: string } | null> {
  const { authSessions, users } = collections(db);
  const sessionId = sessionIdOf(token);
  // The TTL index removes expired sessions eventually; the expiry check makes it exact.
  const session = await authSessions.findOne({ _id: sessionId, expiresAt: { $gt: now } });
  if (!session) return null;
  const user = await users.findOne({ _id: session.userId });
  return user ? { user, sessionId } : null;
}

export async function closeAuthSession(db: Db, sessionId: string): Promise<void> {
  await collections(db).authSessions.deleteOne({ _id: sessionId });
}
