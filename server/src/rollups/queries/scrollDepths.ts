import type { Breakpoint } from "../../db/analyticsCollections.js";
import { findScrollRollups } from "../../repositories/rollupQueryRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { reportDays } from "./reportDays.js";

export interface ScrollDepths {
  /** Page views counted (every one reaches depth 0). */
  pageViews: number;
  /** For each depth in 5 % steps: how many page views reached it, and their share of all. */
  depths: { depth: number; reached: number; share: number }[];
  /** The average fold: how much of the document the first screen showed, in percent; null when never measured. */
  averageFold: number | null;
}

/** MS-1.4, MS-3.1: how far down one page its visitors scrolled, for a breakpoint over a range of days. */
export async function scrollDepths(scope: TenantScope, query: { siteId: string; urlKey: string; breakpoint: Breakpoint; fromDay: string; toDay: string }): Promise<ScrollDepths> {
  reportDays(query);
  const reached = new Map<number, number>();
  let foldSum = 0;
  let foldCount = 0;
  for (const rollup of await findScrollRollups(scope, query)) {
    foldSum += rollup.foldSum ?? 0;
    foldCount += rollup.foldCount ?? 0;
    for (const [depth, count] of Object.entries(rollup.reached)) reached.set(Number(depth), (reached.get(Number(depth)) ?? 0) + count);
  }
  const pageViews = reached.get(0) ?? 0;
  const depths = Array.from({ length: 21 }, (_, index) => {
    const count = reached.get(index * 5) ?? 0;
    return { depth: index * 5, reached: count, share: pageViews === 0 ? 0 : count / pageViews };
  });
  return { pageViews, depths, averageFold: foldCount === 0 ? null : Math.round((foldSum / foldCount) * 10) / 10 };
}
