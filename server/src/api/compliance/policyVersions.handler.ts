import type { z } from "zod";
import { listPolicyVersionsOfTenant } from "../../domain/privacy/listPolicyVersionsOfTenant.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { policyVersionsInput, policyVersionsOutput } from "./policyVersions.schema.js";

export async function policyVersionsHandler({ ctx }: { ctx: TenantProcedureContext; input: z.infer<typeof policyVersionsInput> }): Promise<z.infer<typeof policyVersionsOutput>> {
  const { policies } = await listPolicyVersionsOfTenant(ctx.tenant.scope);
  return {
    policies: policies.map((policy) => ({
      ...policy,
      versions: policy.versions.map((version) => ({ ...version, publishedAt: version.publishedAt.toISOString() })),
    })),
  };
}
