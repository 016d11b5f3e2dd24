import type { z } from "zod";
import { eraseVisitor } from "../../domain/compliance/eraseVisitor.js";
import { visitorErasureReceiptDocument } from "../../domain/compliance/visitorErasureReceiptDocument.js";
import { signReceipt } from "../../domain/receipts/signReceipt.js";
import { visitorKeySecretOf } from "../../domain/sites/siteScopedKey.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import type { eraseVisitorInput, eraseVisitorOutput } from "./eraseVisitor.schema.js";

export async function eraseVisitorHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof eraseVisitorInput> }): Promise<z.infer<typeof eraseVisitorOutput>> {
  const receipt = await eraseVisitor(tenantCallOf(ctx), {
    siteId: input.siteId,
    visitorId: input.visitorId,
    visitorKeySecret: visitorKeySecretOf(ctx.sessionSecret),
  });
  const signed = signReceipt(visitorErasureReceiptDocument(ctx.tenant.scope.tenantId, receipt), ctx.receiptSigningKey);
  return { ...receipt, erasedAt: receipt.erasedAt.toISOString(), ...signed };
}
