import type { ApiKeyDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import { revokeApiKey as revokeApiKeyDoc } from "../../repositories/apiKeyRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";

export async function revokeApiKey(call: TenantCall, keyId: string): Promise<ApiKeyDoc> {
  const apiKey = await revokeApiKeyDoc(call.scope, keyId, call.now);
  if (!apiKey) throw notFound("API key");
  await recordAudit(call, "apiKey.revoke", { type: "apiKey", id: keyId }, { name: apiKey.name });
  return apiKey;
}
