import type { z } from "zod";
import { listViolations } from "../../domain/compliance/listViolations.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { violationsInput, violationsOutput } from "./violations.schema.js";

export async function violationsHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof violationsInput> }): Promise<z.infer<typeof violationsOutput>> {
  const page = await listViolations(ctx.tenant.scope, { siteId: input.siteId, limit: input.limit, cursor: input.cursor });
  return {
    violations: page.violations.map((violation) => ({ ...violation, detectedAt: violation.detectedAt.toISOString() })),
    nextCursor: page.nextCursor,
  };
}
