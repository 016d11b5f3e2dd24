import type { Db } from "mongodb";
import type { ApiKeyDoc } from "../../db/collections.js";
import { findLiveApiKeyByHash, stampApiKeyUse } from "../../repositories/apiKeyRepository.js";
import { apiKeyHash, apiKeyPattern } from "./apiKeyHash.js";

// Recording every use would put a write on every API call; a minute of precision is plenty.
const lastUsedPrecisionMs = 60_000;

/** The key behind an `Authorization: Bearer` value, or null if it is unknown or revoked. */
export async function authenticateApiKey(db: Db, secret: string, now: Date): Promise<ApiKeyDoc | null> {
  if (!apiKeyPattern.test(secret)) return null;
  const apiKey = await findLiveApiKeyByHash(db, apiKeyHash(secret));
  if (!apiKey) return null;
  if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() >= lastUsedPrecisionMs) {
    await stampApiKeyUse(db, apiKey._id, now);
  }
  return apiKey;
}
