import type { z } from "zod";
import { listPastPurges } from "../../domain/compliance/listPastPurges.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { purgesInput, purgesOutput } from "./purges.schema.js";
import { toPurgeStatusOutput } from "./purgeStatus.output.js";

export async function purgesHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof purgesInput> }): Promise<z.infer<typeof purgesOutput>> {
  const page = await listPastPurges(ctx.tenant.scope, { limit: input.limit, cursor: input.cursor });
  return { purges: page.purges.map((purge) => toPurgeStatusOutput(purge, ctx.receiptSigningKey)), nextCursor: page.nextCursor };
}
