import { z } from "zod";
import { isoDate, tenantInput } from "../common.schema.js";

export const policyVersionsInput = tenantInput;

export const policyVersionsOutput = z.object({
  policies: z.array(
    z.object({
      policyId: z.string(),
      latestVersion: z.number().int(),
      versions: z.array(z.object({ version: z.number().int(), revisedOn: z.string(), publishedAt: isoDate, changes: z.string() })),
      sites: z.array(z.object({ siteId: z.string(), name: z.string(), version: z.number().int() })),
    }),
  ),
});
