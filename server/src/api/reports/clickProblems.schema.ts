import { z } from "zod";
import { siteRangeInput, urlKeySchema } from "./report.schema.js";

export const clickProblemsInput = siteRangeInput.extend({
  /** One page; the whole site when absent. */
  urlKey: urlKeySchema.optional(),
  limit: z.number().int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
});

/** Elements by a short CSS path (tag, id, classes; never text), with their rage bursts and dead clicks. */
export const clickProblemsOutput = z.array(z.object({ urlKey: z.string(), selector: z.string(), rageClicks: z.number().int(), deadClicks: z.number().int() }));
