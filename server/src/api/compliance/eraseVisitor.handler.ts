import type { z } from "zod";
import { getErasureStatus } from "../../domain/compliance/getErasureStatus.js";
import { requestVisitorErasure } from "../../domain/compliance/requestVisitorErasure.js";
import { defaultErasureBatchSize, defaultErasureLeaseMs, runErasure } from "../../domain/compliance/runPendingErasures.js";
import { visitorKeySecretOf } from "../../domain/sites/siteScopedKey.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import type { eraseVisitorInput } from "./eraseVisitor.schema.js";
import { toErasureStatusOutput, type erasureStatusOutput } from "./erasureStatus.output.js";

/** Requests the erasure and runs it as far as it goes now (fence and first pass); the background runner makes the final pass. */
export async function eraseVisitorHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof eraseVisitorInput> }): Promise<z.infer<typeof erasureStatusOutput>> {
  const { erasure } = await requestVisitorErasure(tenantCallOf(ctx), {
    siteId: input.siteId,
    visitorId: input.visitorId,
    visitorKeySecret: visitorKeySecretOf(ctx.sessionSecret),
    ...(ctx.batchInFlightMs !== undefined ? { batchInFlightMs: ctx.batchInFlightMs } : {}),
  });
  await runErasure(ctx.db, erasure._id, { now: ctx.now, leaseMs: defaultErasureLeaseMs, batchSize: defaultErasureBatchSize });
  return toErasureStatusOutput(await getErasureStatus(ctx.tenant.scope, erasure._id), ctx.receiptSigningKey);
}
