import { z } from "zod";
import { breakdownDimensions } from "../../db/analyticsCollections.js";
import { idSchema, isoDate, tenantInput } from "../common.schema.js";
import { clickProblemsInput } from "../reports/clickProblems.schema.js";
import { heatmapInput } from "../reports/heatmap.schema.js";
import { overviewInput } from "../reports/overview.schema.js";
import { pagesInput } from "../reports/pages.schema.js";
import { siteRangeInput } from "../reports/report.schema.js";
import { scrollMapInput } from "../reports/scrollMap.schema.js";
import { sessionFilterFields } from "../sessions/sessionFilter.schema.js";
import { sessionIdSchema } from "../sessions/sessions.schema.js";

/**
 * Inputs of the download routes (`GET /exports/...?input=<JSON>`, the same convention as a tRPC
 * query over plain HTTP). They stream files, so they are plain HTTP routes, not procedures.
 */
const fileOptions = {
  format: z.enum(["csv", "json"]).default("csv"),
  /** Start a CSV file with a UTF-8 byte order mark, for spreadsheets that need one to read UTF-8. */
  bom: z.boolean().default(false),
};

export const sessionsExportInput = tenantInput.extend({ ...sessionFilterFields, ...fileOptions });

export const surveyAnswersExportInput = tenantInput.extend({ surveyId: idSchema("survey"), ...fileOptions });

export const recordingInput = tenantInput.extend({ siteId: idSchema("site"), sessionId: sessionIdSchema });

/**
 * What the download files hold, for the OpenAPI document (http/openApiDocument.ts): the rows of a
 * JSON export and the events of a recording, as the domain writes them.
 */
export const surveyAnswerRow = z.object({
  responseId: z.string(),
  receivedAt: isoDate,
  /** MS-5.1: the policy version the answer was collected under. */
  policy: z.object({ id: z.string(), version: z.number().int() }),
  /** As stored: free text redacted (MS-1.13). */
  answers: z.array(z.object({ questionId: z.string(), choices: z.array(z.string()).optional(), rating: z.number().optional(), text: z.string().optional() })),
});

/** An rrweb event as replay reads it, typed text masked (MS-1.5). */
export const recordedEventRow = z.looseObject({ type: z.number().int(), data: z.unknown(), timestamp: z.number() });

export const reportNames = ["overview", "pages", "breakdown", "heatmap", "scrollMap", "clickProblems"] as const;

/**
 * `GET /exports/report`: a report's own input (as its procedure takes it) with the report's name
 * and the file's options. `breakdown` is one of the overview's breakdowns with more values.
 */
export const reportExportInput = z.discriminatedUnion(
  "report",
  [
    overviewInput.extend({ report: z.literal("overview"), ...fileOptions }),
    pagesInput.extend({ report: z.literal("pages"), ...fileOptions }),
    siteRangeInput.extend({
      report: z.literal("breakdown"),
      dimension: z.enum(breakdownDimensions, { error: `must be one of ${breakdownDimensions.join(", ")}` }),
      limit: z.number().int().min(1, "must be at least 1").max(1000, "must be at most 1000").default(100),
      ...fileOptions,
    }),
    heatmapInput.extend({ report: z.literal("heatmap"), ...fileOptions }),
    scrollMapInput.extend({ report: z.literal("scrollMap"), ...fileOptions }),
    clickProblemsInput.extend({ report: z.literal("clickProblems"), ...fileOptions }),
  ],
  { error: `must be one of ${reportNames.join(", ")}` },
);

export type ReportExportInput = z.infer<typeof reportExportInput>;
