import type { z } from "zod";
import { getPurgeStatus } from "../../domain/compliance/getPurgeStatus.js";
import { startAnalyticsPurge } from "../../domain/compliance/startAnalyticsPurge.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { toPurgeStatusOutput, type purgeStatusOutput } from "../compliance/purgeStatus.output.js";
import type { AuthedContext } from "../trpc.js";
import type { platformPurgeReceiptInput, purgeTenantAnalyticsInput } from "./purgeTenantAnalytics.schema.js";

type PurgeStatusOutput = z.infer<typeof purgeStatusOutput>;

/** MS-1.7: platform staff remove a tenant's analytics for a breach of the terms. */
export async function purgeTenantAnalyticsHandler({ ctx, input }: { ctx: AuthedContext; input: z.infer<typeof purgeTenantAnalyticsInput> }): Promise<PurgeStatusOutput> {
  const status = await startAnalyticsPurge(
    ctx.db,
    { tenantId: input.tenantId, siteId: null, requestedBy: ctx.actor, requestedVia: "platform", reason: input.reason, now: ctx.now() },
    ctx.now,
  );
  return toPurgeStatusOutput(status, ctx.receiptSigningKey);
}

export async function platformPurgeReceiptHandler({ ctx, input }: { ctx: AuthedContext; input: z.infer<typeof platformPurgeReceiptInput> }): Promise<PurgeStatusOutput> {
  return toPurgeStatusOutput(await getPurgeStatus(tenantScope(ctx.db, input.tenantId), input.purgeId), ctx.receiptSigningKey);
}
