import { z } from "zod";
import { pageRangeInput } from "./report.schema.js";

export const scrollMapInput = pageRangeInput;

export const scrollMapOutput = z.object({
  pageViews: z.number().int(),
  /** Depths in 5 % steps of the document height: page views that reached each, and their share. */
  depths: z.array(z.object({ depth: z.number().int(), reached: z.number().int(), share: z.number() })),
  /** The average fold in percent of the document height; null when never measured. */
  averageFold: z.number().nullable(),
});
