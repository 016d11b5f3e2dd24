import type { z } from "zod";
import { platformStats } from "../../domain/platform/platformStats.js";
import type { AuthedContext } from "../trpc.js";
import type { platformStatsInput, platformStatsOutput } from "./platformStats.schema.js";

export async function platformStatsHandler({ ctx, input }: { ctx: AuthedContext; input: z.infer<typeof platformStatsInput> }): Promise<z.infer<typeof platformStatsOutput>> {
  return { days: await platformStats(ctx.db, { days: input.days, now: ctx.now() }) };
}
