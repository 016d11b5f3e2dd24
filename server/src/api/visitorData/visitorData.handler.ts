import type { z } from "zod";
import { visitorDataDocument } from "../../domain/rightOfAccess/visitorDataDocument.js";
import { visitorKeySecretOf } from "../../domain/sites/siteScopedKey.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import type { visitorDataInput, visitorDataOutput } from "./visitorData.schema.js";

export function visitorDataHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof visitorDataInput> }): Promise<z.infer<typeof visitorDataOutput>> {
  return visitorDataDocument(tenantCallOf(ctx), { siteId: input.siteId, visitorId: input.visitorId, visitorKeySecret: visitorKeySecretOf(ctx.sessionSecret) });
}
