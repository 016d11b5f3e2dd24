import type { z } from "zod";
import { verifyAuditChain } from "../../domain/audit/verifyAuditChain.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { verifyAuditChainInput, verifyAuditChainOutput } from "./verifyChain.schema.js";

export function verifyAuditChainHandler({ ctx }: { ctx: TenantProcedureContext; input: z.infer<typeof verifyAuditChainInput> }): Promise<z.infer<typeof verifyAuditChainOutput>> {
  return verifyAuditChain(ctx.tenant.scope);
}
