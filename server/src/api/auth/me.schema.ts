import { z } from "zod";
import { apiKeyScopes, roles } from "../../db/collections.js";
import { userOutput } from "./user.output.js";

export const meOutput = z.object({
  user: userOutput.nullable(),
  /** Set when the caller authenticated with an API key instead of a session. */
  apiKey: z.object({ keyId: z.string(), tenantId: z.string(), scopes: z.array(z.enum(apiKeyScopes)) }).nullable(),
  tenants: z.array(z.object({ tenantId: z.string(), name: z.string(), role: z.enum(roles) })),
});
