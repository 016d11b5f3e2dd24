import type { PageStep } from "../../db/analyticsCollections.js";

/**
 * How a round changes its session's standing as a bounce (a session that saw exactly one page):
 * +1 when it brings the session to one page, -1 when it takes it past one, 0 otherwise. Read from
 * the session's first two page steps (SessionDoc.pageSteps), which the round's own write extended
 * if it was among them, so every attempt of the round reads the same answer. Not among them, the
 * round came after two that added a page each at least: the session was past one page already.
 */
export function bounceChange(steps: readonly PageStep[], round: string): -1 | 0 | 1 {
  const position = steps.findIndex((step) => step.round === round);
  if (position === -1) return 0;
  const before = steps.slice(0, position).reduce((pages, step) => pages + step.pages, 0);
  const after = before + (steps[position]?.pages ?? 0);
  return ((after === 1 ? 1 : 0) - (before === 1 ? 1 : 0)) as -1 | 0 | 1;
}
