import { z } from "zod";
import { idSchema, isoDate, tenantInput } from "../common.schema.js";
import { sessionFilterFields } from "./sessionFilter.schema.js";

export const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{27}$/, "must be a session id from sessions.list");

export const listSessionsInput = tenantInput.extend({
  ...sessionFilterFields,
  limit: z.number().int().min(1, "must be at least 1").max(100, "must be at most 100").default(25),
  cursor: z.string().max(200, "must be at most 200 characters").optional(),
});

const technical = z.object({
  browser: z.string().optional(),
  os: z.string().optional(),
  osVersion: z.string().optional(),
  language: z.string().optional(),
  timeZone: z.string().optional(),
  screenWidth: z.number().optional(),
  screenHeight: z.number().optional(),
  viewportWidth: z.number().optional(),
  viewportHeight: z.number().optional(),
  devicePixelRatio: z.number().optional(),
  deviceClass: z.enum(["mobile", "tablet", "desktop"]).optional(),
});

export const sessionSummaryOutput = z.object({
  /** Keyed to the site (MS-2.3): not the visitor's cookie value. */
  sessionId: z.string(),
  siteId: z.string(),
  firstSeenAt: isoDate,
  lastSeenAt: isoDate,
  durationMs: z.number().int(),
  pageCount: z.number().int(),
  eventCount: z.number().int(),
  entryUrl: z.string().nullable(),
  technical,
  violationCount: z.number().int(),
  /** Events the recorder had to drop before sending (its queue is bounded): gaps in the replay. */
  droppedEvents: z.number().int(),
  rageClicks: z.number().int(),
  deadClicks: z.number().int(),
  /** MS-5.1: the policy version the session was collected under. */
  policy: z.object({ id: z.string(), version: z.number().int() }),
});

export const listSessionsOutput = z.object({
  sessions: z.array(sessionSummaryOutput),
  nextCursor: z.string().nullable(),
  /** Sessions matching the filters on every page together. */
  total: z.number().int(),
});

export const getSessionInput = tenantInput.extend({ siteId: idSchema("site"), sessionId: sessionIdSchema });

export const getSessionOutput = sessionSummaryOutput.extend({
  referrer: z.string().nullable(),
  /** MS-1.2: the only form of the address that is stored. */
  ipTruncated: z.string().nullable(),
  pages: z.array(
    z.object({
      pageId: z.string(),
      url: z.string(),
      referrer: z.string().nullable(),
      startedAt: isoDate,
      lastEventAt: isoDate,
      loadTimeMs: z.number().nullable(),
      breakpoint: z.enum(["mobile", "tablet", "desktop"]),
      maxScrollDepth: z.number(),
    }),
  ),
  violationsByKind: z.record(z.string(), z.number().int()),
});
