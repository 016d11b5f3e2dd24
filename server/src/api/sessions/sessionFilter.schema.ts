import { z } from "zod";
import type { SessionListFilter } from "../../domain/sessions/resolveSessionFilter.js";
import { idSchema, isoDate } from "../common.schema.js";

/** The filters of sessions.list, shared with the sessions export. */
export const sessionFilterFields = {
  siteId: idSchema("site").optional(),
  /** Sessions that started at or after this instant. */
  from: isoDate.optional(),
  /** Sessions that started before this instant. */
  to: isoDate.optional(),
  /** A page the session visited, compared by host and path (no query, no fragment, no trailing slash). */
  url: z.url("must be an absolute URL").max(2048, "must be at most 2048 characters").optional(),
  deviceClass: z.enum(["mobile", "tablet", "desktop"]).optional(),
  browser: z.string().min(1, "must not be empty").max(64, "must be at most 64 characters").optional(),
  minDurationMs: z.number().int().min(0, "must be at least 0").max(86_400_000, "must be at most 86400000 (a day)").optional(),
  hasRageClicks: z.boolean().optional(),
  hasViolations: z.boolean().optional(),
};

export function sessionFilterOf(input: { [K in keyof typeof sessionFilterFields]?: z.infer<(typeof sessionFilterFields)[K]> }): SessionListFilter {
  return {
    siteId: input.siteId,
    from: input.from ? new Date(input.from) : undefined,
    to: input.to ? new Date(input.to) : undefined,
    url: input.url,
    deviceClass: input.deviceClass,
    browser: input.browser,
    minDurationMs: input.minDurationMs,
    hasRageClicks: input.hasRageClicks,
    hasViolations: input.hasViolations,
  };
}
