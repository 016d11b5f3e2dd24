import type { Breakpoint } from "../db/analyticsCollections.js";

/**
 * Heatmaps are kept per viewport breakpoint, because one page lays out differently on a phone
 * and a desktop; positions within a breakpoint are relative to the viewport width, so screens
 * of different widths in the same band overlay correctly.
 */
export function breakpointOf(viewportWidth: number): Breakpoint {
  if (viewportWidth < 768) return "mobile";
  if (viewportWidth < 1024) return "tablet";
  return "desktop";
}
