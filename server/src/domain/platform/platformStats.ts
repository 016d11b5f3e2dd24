import type { Db } from "mongodb";
import { analyticsCollections } from "../../db/analyticsCollections.js";

export interface PlatformDayStats {
  day: string;
  pagesProcessed: number;
  averageLoadTimeMs: number | null;
}

/**
 * MS-3.2: the aggregate, non-personal figures the policy allows to be shared: pages processed
 * per day and the average page load time, summed over every tenant. No tenant, site, page or
 * visitor appears in them.
 */
export async function platformStats(db: Db, options: { days: number; now: Date }): Promise<PlatformDayStats[]> {
  const since = new Date(options.now.getTime() - (options.days - 1) * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const rows = await analyticsCollections(db)
    .siteDaily.aggregate<{ _id: string; pages: number; loadSum: number; loadCount: number }>([
      { $match: { day: { $gte: since } } },
      { $group: { _id: "$day", pages: { $sum: "$pageViews" }, loadSum: { $sum: "$loadTimeMsSum" }, loadCount: { $sum: "$loadTimeCount" } } },
      { $sort: { _id: 1 } },
    ])
    .toArray();
  return rows.map((row) => ({
    day: row._id,
    pagesProcessed: row.pages,
    averageLoadTimeMs: row.loadCount > 0 ? Math.round(row.loadSum / row.loadCount) : null,
  }));
}
