import { createHash } from "node:crypto";
import type { Db } from "mongodb";
import { incrementRateLimit, rateLimitCount } from "../../repositories/rateLimitRepository.js";
import { AppError } from "../../errors/appError.js";

export interface RateLimitRule {
  bucket: string;
  limit: number;
  windowSeconds: number;
}

function windowOf(rule: RateLimitRule, key: string, now: Date) {
  const windowMs = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const keyHash = createHash("sha256").update(key).digest("base64url").slice(0, 22);
  return { id: `${rule.bucket}:${keyHash}:${start}`, end: start + windowMs };
}

/**
 * Fixed-window counters kept in MongoDB under a unique key, so several server processes
 * share one count. Throws RATE_LIMITED (with Retry-After) once the window is spent.
 */
export async function assertWithinRateLimit(db: Db, rule: RateLimitRule, key: string, now: Date): Promise<void> {
  const window = windowOf(rule, key, now);
  if ((await rateLimitCount(db, window.id)) >= rule.limit) {
    throw new AppError("RATE_LIMITED", {
      userMessage: "Too many attempts; try again later",
      retryAfterSeconds: Math.max(1, Math.ceil((window.end - now.getTime()) / 1000)),
    });
  }
}

export async function countRateLimitHit(db: Db, rule: RateLimitRule, key: string, now: Date): Promise<void> {
  const window = windowOf(rule, key, now);
  await incrementRateLimit(db, window.id, new Date(window.end));
}
