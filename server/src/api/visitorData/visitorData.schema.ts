import { z } from "zod";
import { visitorIdPattern } from "../../domain/compliance/visitorId.js";
import { idSchema, isoDate, tenantInput } from "../common.schema.js";

export const visitorDataInput = tenantInput.extend({
  siteId: idSchema("site"),
  /** The id the hosted opt-out page showed the visitor, quoted in their access request. */
  visitorId: z.string().regex(visitorIdPattern, "must be the visitor id shown on the site's opt-out page (16-64 characters: letters, digits, _ and -)"),
});

const policy = z.object({ id: z.string(), version: z.number().int() });

export const visitorDataOutput = z.object({
  site: z.object({ siteId: z.string(), name: z.string() }),
  generatedAt: isoDate,
  statement: z.string(),
  optOut: z.object({ optedOutAt: isoDate }).nullable(),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      firstSeenAt: isoDate,
      lastSeenAt: isoDate,
      pageCount: z.number().int(),
      eventCount: z.number().int(),
      entryUrl: z.string().nullable(),
      referrer: z.string().nullable(),
      technical: z.record(z.string(), z.union([z.string(), z.number()])),
      ipTruncated: z.string().nullable(),
      policy,
    }),
  ),
  pageViews: z.array(
    z.object({
      sessionId: z.string(),
      pageId: z.string(),
      url: z.string(),
      referrer: z.string().nullable(),
      startedAt: isoDate,
      lastEventAt: isoDate,
      loadTimeMs: z.number().nullable(),
      breakpoint: z.string(),
      maxScrollDepth: z.number(),
    }),
  ),
  surveyResponses: z.array(
    z.object({
      surveyId: z.string(),
      responseId: z.string(),
      receivedAt: isoDate,
      answers: z.array(z.object({ questionId: z.string(), choices: z.array(z.string()).optional(), rating: z.number().optional(), text: z.string().optional() })),
      policy,
    }),
  ),
  violations: z.array(z.object({ source: z.enum(["recording", "survey"]), kind: z.string(), location: z.string(), detectedAt: isoDate, sessionId: z.string().nullable() })),
  /** The visitor's recordings as stored (typed text masked, MS-1.5): rrweb events per chunk, in order. */
  recordings: z.array(z.object({ sessionId: z.string(), pageId: z.string(), seq: z.number().int(), receivedAt: isoDate, events: z.array(z.unknown()) })),
});
