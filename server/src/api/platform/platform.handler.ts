import type { z } from "zod";
import { listAllTenants } from "../../domain/platform/listAllTenants.js";
import type { AuthedContext } from "../trpc.js";
import { publishPolicyVersion } from "../../domain/privacy/publishPolicyVersion.js";
import type { listAllTenantsInput, platformTenantOutput, publishPolicyInput, publishPolicyOutput } from "./platform.schema.js";

export async function listAllTenantsHandler({ ctx, input }: { ctx: AuthedContext; input: z.infer<typeof listAllTenantsInput> }): Promise<z.infer<typeof platformTenantOutput>[]> {
  const tenants = await listAllTenants(ctx.db, { limit: input.limit, search: input.search });
  return tenants.map((tenant) => ({ ...tenant, createdAt: tenant.createdAt.toISOString() }));
}

export async function publishPolicyHandler({ ctx, input }: { ctx: AuthedContext; input: z.infer<typeof publishPolicyInput> }): Promise<z.infer<typeof publishPolicyOutput>> {
  const document = await publishPolicyVersion(ctx.db, { document: input.document, publishedBy: ctx.user._id, now: ctx.now() });
  return { policyId: document.id, version: document.version, revisedOn: document.revisedOn };
}
