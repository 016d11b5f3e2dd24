import type { ApiKeyDoc, ApiKeyScope } from "../../db/collections.js";
import { newId, randomToken } from "../../db/ids.js";
import { insertApiKey } from "../../repositories/apiKeyRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { apiKeyHash } from "./apiKeyHash.js";

/** Returns the key in clear exactly once; only its hash is stored. */
export async function createApiKey(
  call: TenantCall,
  input: { name: string; scopes: ApiKeyScope[] },
): Promise<{ apiKey: ApiKeyDoc; secret: string }> {
  const secret = `mt_${randomToken(40)}`;
  const apiKey = await insertApiKey(call.scope, {
    _id: newId("apiKey"),
    name: input.name,
    prefix: secret.slice(0, 10),
    hash: apiKeyHash(secret),
    scopes: [...new Set(input.scopes)].sort(),
    createdBy: call.actor.id,
    createdAt: call.now,
    lastUsedAt: null,
    revokedAt: null,
  });
  await recordAudit(call, "apiKey.create", { type: "apiKey", id: apiKey._id }, { name: apiKey.name, scopes: apiKey.scopes });
  return { apiKey, secret };
}
