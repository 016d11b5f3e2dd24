import type { z } from "zod";
import { pageSnapshot } from "../../rollups/queries/pageSnapshot.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { pageSnapshotInput, pageSnapshotOutput } from "./pageSnapshot.schema.js";

export async function pageSnapshotHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof pageSnapshotInput> }): Promise<z.infer<typeof pageSnapshotOutput>> {
  const { tenantId: _tenantId, ...address } = input;
  return { events: await pageSnapshot(ctx.tenant.scope, address) };
}
