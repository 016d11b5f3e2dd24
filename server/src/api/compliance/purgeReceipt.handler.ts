import type { z } from "zod";
import { getPurgeStatus } from "../../domain/compliance/getPurgeStatus.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { purgeReceiptInput } from "./purgeReceipt.schema.js";
import { toPurgeStatusOutput, type purgeStatusOutput } from "./purgeStatus.output.js";

export async function purgeReceiptHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof purgeReceiptInput> }): Promise<z.infer<typeof purgeStatusOutput>> {
  return toPurgeStatusOutput(await getPurgeStatus(ctx.tenant.scope, input.purgeId), ctx.receiptSigningKey);
}
