import { z } from "zod";
import { siteRangeInput } from "./report.schema.js";

export const pagesInput = siteRangeInput.extend({
  /** Part of the page key (`cart` finds `shop.example/cart`), case-insensitive. */
  search: z.string().max(200, "must be at most 200 characters").optional(),
  limit: z.number().int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
});

export const pagesOutput = z.array(
  z.object({ urlKey: z.string(), pageViews: z.number().int(), clicks: z.number().int(), rageClicks: z.number().int(), deadClicks: z.number().int() }),
);
