import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import type { z } from "zod";
import { previewSitePolicy } from "../../domain/privacy/previewSitePolicy.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import type { previewPolicyInput } from "./previewPolicy.schema.js";

export async function previewPolicyHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof previewPolicyInput> }): Promise<EffectivePolicy> {
  return previewSitePolicy(tenantCallOf(ctx), input.siteId, { settings: input.settings, policyVersion: input.policyVersion });
}
