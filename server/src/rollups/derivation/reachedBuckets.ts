/** Scroll-depth buckets (every 5 %) newly reached when the deepest point moves from `before` to `after`. */
export function reachedBuckets(before: number | null, after: number): number[] {
  const buckets: number[] = [];
  for (let bucket = 0; bucket <= 100; bucket += 5) {
    if ((before === null || bucket > before) && bucket <= after) buckets.push(bucket);
  }
  return buckets;
}
