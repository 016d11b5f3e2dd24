import type { z } from "zod";
import { createApiKey } from "../../domain/apiKeys/createApiKey.js";
import { revokeApiKey } from "../../domain/apiKeys/revokeApiKey.js";
import { listApiKeys } from "../../repositories/apiKeyRepository.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import { toApiKeyOutput, type apiKeyOutput, type createApiKeyInput, type createApiKeyOutput, type revokeApiKeyInput } from "./apiKeys.schema.js";

type Args<TInput extends z.ZodType> = { ctx: TenantProcedureContext; input: z.infer<TInput> };

export async function listApiKeysHandler({ ctx }: { ctx: TenantProcedureContext }): Promise<z.infer<typeof apiKeyOutput>[]> {
  return (await listApiKeys(ctx.tenant.scope)).map(toApiKeyOutput);
}

export async function createApiKeyHandler({ ctx, input }: Args<typeof createApiKeyInput>): Promise<z.infer<typeof createApiKeyOutput>> {
  const { apiKey, secret } = await createApiKey(tenantCallOf(ctx), { name: input.name, scopes: input.scopes });
  return { apiKey: toApiKeyOutput(apiKey), secret };
}

export async function revokeApiKeyHandler({ ctx, input }: Args<typeof revokeApiKeyInput>): Promise<z.infer<typeof apiKeyOutput>> {
  return toApiKeyOutput(await revokeApiKey(tenantCallOf(ctx), input.keyId));
}
