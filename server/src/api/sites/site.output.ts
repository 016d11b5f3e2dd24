import { z } from "zod";
import type { SiteDoc } from "../../db/collections.js";
import { defaultSiteTimeZone } from "../../domain/sites/siteDay.js";
import { isoDate } from "../common.schema.js";

export const siteOutput = z.object({
  siteId: z.string(),
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  siteKey: z.string(),
  timeZone: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export function toSiteOutput(site: SiteDoc): z.infer<typeof siteOutput> {
  return {
    siteId: site._id,
    name: site.name,
    allowedOrigins: site.allowedOrigins,
    siteKey: site.siteKey,
    timeZone: site.timeZone ?? defaultSiteTimeZone,
    createdAt: site.createdAt.toISOString(),
    updatedAt: site.updatedAt.toISOString(),
  };
}
