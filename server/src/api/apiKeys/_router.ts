import { z } from "zod";
import { access } from "../access.js";
import { tenantInput } from "../common.schema.js";
import { router, tenantProcedure } from "../trpc.js";
import { createApiKeyHandler, listApiKeysHandler, revokeApiKeyHandler } from "./apiKeys.handler.js";
import { apiKeyOutput, createApiKeyInput, createApiKeyOutput, revokeApiKeyInput } from "./apiKeys.schema.js";

const readApiKeys = tenantProcedure.meta({ access: access.readApiKeys });
const manageApiKeys = tenantProcedure.meta({ access: access.manageApiKeys });

export const apiKeysRouter = router({
  list: readApiKeys.input(tenantInput).output(z.array(apiKeyOutput)).query(listApiKeysHandler),
  create: manageApiKeys.input(createApiKeyInput).output(createApiKeyOutput).mutation(createApiKeyHandler),
  revoke: manageApiKeys.input(revokeApiKeyInput).output(apiKeyOutput).mutation(revokeApiKeyHandler),
});
