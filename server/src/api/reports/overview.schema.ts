import { z } from "zod";
import { siteRangeInput } from "./report.schema.js";

export const overviewInput = siteRangeInput.extend({
  /** How many top pages and values of each breakdown. */
  limit: z.number().int().min(1, "must be at least 1").max(100, "must be at most 100").default(10),
});

const valueCount = z.object({ value: z.string(), sessions: z.number().int(), pageViews: z.number().int() });

export const overviewOutput = z.object({
  sessions: z.number().int(),
  pageViews: z.number().int(),
  pagesPerSession: z.number().nullable(),
  bounceRate: z.number().nullable(),
  averageLoadTimeMs: z.number().int().nullable(),
  /** Every day of the range in the site's time zone; pageViews is the pages processed (MS-3.2). */
  days: z.array(
    z.object({
      day: z.string(),
      sessions: z.number().int(),
      pageViews: z.number().int(),
      events: z.number().int(),
      storedBytes: z.number().int(),
      rageClicks: z.number().int(),
      deadClicks: z.number().int(),
      violations: z.number().int(),
      averageLoadTimeMs: z.number().int().nullable(),
    }),
  ),
  topPages: z.array(z.object({ urlKey: z.string(), pageViews: z.number().int(), averageLoadTimeMs: z.number().int().nullable() })),
  /** Sessions (and page views, for the technical ones) by value, most sessions first. */
  breakdowns: z.object({
    browser: z.array(valueCount),
    os: z.array(valueCount),
    language: z.array(valueCount),
    timeZone: z.array(valueCount),
    screenSize: z.array(valueCount),
    deviceClass: z.array(valueCount),
    referrer: z.array(valueCount),
    entryPage: z.array(valueCount),
  }),
});
