import type { z } from "zod";
import { verifyAuditChain } from "../../domain/audit/verifyAuditChain.js";
import type { verifyAuditChainOutput } from "../audit/verifyChain.schema.js";
import type { AuthedContext } from "../trpc.js";

/** MS-3.3: the platform's own chain (platform staff and operator actions), checked by platform staff. */
export function verifyPlatformAuditChainHandler({ ctx }: { ctx: AuthedContext }): Promise<z.infer<typeof verifyAuditChainOutput>> {
  return verifyAuditChain({ db: ctx.db, tenantId: null });
}
