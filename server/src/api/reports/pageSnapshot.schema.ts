import { z } from "zod";
import { idSchema, tenantInput } from "../common.schema.js";

export const pageSnapshotInput = tenantInput.extend({
  siteId: idSchema("site"),
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a session id from a heatmap's snapshot"),
  pageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a page id from a heatmap's snapshot"),
  seq: z.number().int().min(0, "must be at least 0").max(1_000_000, "must be at most 1000000"),
});

/** The masked rrweb events that draw the page: its Meta event (viewport size) and the full snapshot. */
export const pageSnapshotOutput = z.object({ events: z.array(z.unknown()) });
