import { z } from "zod";
import { apiKeyScopes, type ApiKeyDoc } from "../../db/collections.js";
import { displayNameSchema, idSchema, isoDate, tenantInput } from "../common.schema.js";

export const apiKeyOutput = z.object({
  keyId: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(apiKeyScopes)),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
});

export function toApiKeyOutput(key: ApiKeyDoc): z.infer<typeof apiKeyOutput> {
  return {
    keyId: key._id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

export const createApiKeyInput = tenantInput.extend({
  name: displayNameSchema,
  scopes: z.array(z.enum(apiKeyScopes)).min(1, "must grant at least one scope"),
});

export const createApiKeyOutput = z.object({
  apiKey: apiKeyOutput,
  /** The key itself, shown this once: only a hash is stored. */
  secret: z.string(),
});

export const revokeApiKeyInput = tenantInput.extend({ keyId: idSchema("apiKey") });
