import type { z } from "zod";
import { purgeOwnAnalytics } from "../../domain/compliance/purgeOwnAnalytics.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import type { purgeAnalyticsInput } from "./purgeAnalytics.schema.js";
import { toPurgeStatusOutput, type purgeStatusOutput } from "./purgeStatus.output.js";

export async function purgeAnalyticsHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof purgeAnalyticsInput> }): Promise<z.infer<typeof purgeStatusOutput>> {
  const status = await purgeOwnAnalytics(tenantCallOf(ctx), { siteId: input.siteId, confirm: input.confirm, reason: input.reason }, ctx.now);
  return toPurgeStatusOutput(status, ctx.receiptSigningKey);
}
