import { z } from "zod";

export const platformStatsInput = z.strictObject({
  days: z.number().int().min(1, "must be at least 1").max(366, "must be at most 366").default(30),
});

/** MS-3.2: non-personal, summed over every tenant; the same figures as `GET /stats`. */
export const platformStatsOutput = z.object({
  days: z.array(z.object({ day: z.string(), pagesProcessed: z.number().int(), averageLoadTimeMs: z.number().int().nullable() })),
});
