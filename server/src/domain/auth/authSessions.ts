import { createHash, randomBytes } from "node:crypto";
import type { Db } from "mongodb";
import type { UserDoc } from "../../db/collections.js";
import { deleteAuthSession, findLiveAuthSession, insertAuthSession } from "../../repositories/authSessionRepository.js";
import { findUserById } from "../../repositories/userRepository.js";

export const sessionLifetimeMs = 14 * 24 * 3600 * 1000;

export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new console session: the token goes into the cookie, only its hash into the database. */
export async function openAuthSession(db: Db, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await insertAuthSession(db, { _id: sessionIdOf(token), userId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

export async function resolveAuthSession(
  db: Db,
  token: string,
  now: Date,
): Promise<{ user: UserDoc; sessionId: string } | null> {
  const sessionId = sessionIdOf(token);
  const session = await findLiveAuthSession(db, sessionId, now);
  if (!session) return null;
  const user = await findUserById(db, session.userId);
  return user ? { user, sessionId } : null;
}

export async function closeAuthSession(db: Db, sessionId: string): Promise<void> {
  await deleteAuthSession(db, sessionId);
}
