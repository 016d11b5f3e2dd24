import type { z } from "zod";
import { heatmapReport } from "../../rollups/queries/heatmapReport.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { heatmapInput, heatmapOutput } from "./heatmap.schema.js";

export async function heatmapHandler({ ctx, input }: { ctx: TenantProcedureContext; input: z.infer<typeof heatmapInput> }): Promise<z.infer<typeof heatmapOutput>> {
  const { tenantId: _tenantId, ...query } = input;
  const report = await heatmapReport(ctx.tenant.scope, query);
  return { ...report, snapshot: report.snapshot && { ...report.snapshot, startedAt: report.snapshot.startedAt.toISOString() } };
}
