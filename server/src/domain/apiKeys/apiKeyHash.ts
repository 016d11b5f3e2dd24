import { createHash } from "node:crypto";

/**
 * API keys carry 200+ bits of randomness, so a fast hash is enough (unlike passwords):
 * a leaked database still does not yield usable keys.
 */
export function apiKeyHash(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export const apiKeyPattern = /^mt_[0-9a-z]{40}$/;
