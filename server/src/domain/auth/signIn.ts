import type { Db } from "mongodb";
import type { UserDoc } from "../../db/collections.js";
import { AppError } from "../../errors/appError.js";
import { findUserByEmail } from "../../repositories/userRepository.js";
import { openAuthSession } from "./authSessions.js";
import { verifyPassword } from "./passwords.js";
import { assertWithinRateLimit, countRateLimitHit, type RateLimitRule } from "./rateLimit.js";

export const failedSignInsPerEmail: RateLimitRule = { bucket: "signin-email", limit: 10, windowSeconds: 900 };
export const failedSignInsPerClient: RateLimitRule = { bucket: "signin-client", limit: 50, windowSeconds: 900 };

export interface SignInInput {
  db: Db;
  email: string;
  password: string;
  /** Keyed hash of the client address (never the address itself). */
  clientKey: string;
  now: Date;
}

/**
 * Checks the password and opens a session. Failures are counted per email and per client
 * so that guessing is slow from one machine and against one account from many.
 */
export async function signIn(input: SignInInput): Promise<{ user: UserDoc; token: string; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  await assertWithinRateLimit(input.db, failedSignInsPerEmail, email, input.now);
  await assertWithinRateLimit(input.db, failedSignInsPerClient, input.clientKey, input.now);
  const user = await findUserByEmail(input.db, email);
  const valid = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !valid) {
    await countRateLimitHit(input.db, failedSignInsPerEmail, email, input.now);
    await countRateLimitHit(input.db, failedSignInsPerClient, input.clientKey, input.now);
    throw new AppError("UNAUTHENTICATED", { userMessage: "Wrong email or password" });
  }
  const session = await openAuthSession(input.db, user._id, input.now);
  return { user, ...session };
}
